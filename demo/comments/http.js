// Small HTTP helpers shared by the comment endpoints: body reading with a size limit, body
// parsing (JSON or form-encoded, like WordPress accepts), JSON answers and CORS.

/** Request bodies larger than this are refused with 413. */
export const MAX_BODY_BYTES = 1024 * 1024;

export class BodyTooLargeError extends Error {
  constructor() {
    super('request body too large');
    this.name = 'BodyTooLargeError';
  }
}

/**
 * Reads the whole request body, refusing more than `limit` bytes.
 * @param {import('node:http').IncomingMessage} req
 * @param {number} [limit]
 * @returns {Promise<Buffer>}
 */
export function readBody(req, limit = MAX_BODY_BYTES) {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > limit) {
      req.resume(); // let the rest drain so the client can read our answer
      reject(new BodyTooLargeError());
      return;
    }
    /** @type {Buffer[]} */
    const chunks = [];
    let size = 0;
    let failed = false;
    req.on('data', (chunk) => {
      if (failed) return;
      size += chunk.length;
      if (size > limit) {
        failed = true;
        chunks.length = 0;
        reject(new BodyTooLargeError());
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (!failed) resolve(Buffer.concat(chunks));
    });
    req.on('error', (error) => {
      if (!failed) {
        failed = true;
        reject(error);
      }
    });
  });
}

/**
 * The media type of a Content-Type header, lower case, without parameters.
 * @param {string | undefined} header
 */
export function mediaType(header) {
  return (header ?? '').split(';')[0].trim().toLowerCase();
}

/**
 * @param {string} type a media type from mediaType()
 */
export function isJsonType(type) {
  return type === 'application/json' || /^application\/[\w.-]+\+json$/.test(type);
}

/**
 * Form fields as PHP's $_POST sees them for scalar fields: the last value of a repeated name wins.
 * @param {string} text
 * @returns {Record<string, string>}
 */
export function parseForm(text) {
  /** @type {Record<string, string>} */
  const fields = Object.create(null);
  for (const [name, value] of new URLSearchParams(text)) fields[name] = value;
  return fields;
}

/**
 * @typedef {{ kind: 'json', params: Record<string, unknown> }
 *   | { kind: 'form', params: Record<string, string> }
 *   | { kind: 'none', params: Record<string, unknown> }
 *   | { kind: 'invalid-json', error: string }} ParsedBody
 */

/**
 * Parses a body by its Content-Type. JSON that is not an object gives no parameters (as in
 * WordPress); a Content-Type the server does not read (text/plain, multipart…) gives none either.
 * @param {Buffer} body
 * @param {string | undefined} contentType
 * @returns {ParsedBody}
 */
export function parseBody(body, contentType) {
  const type = mediaType(contentType);
  const text = body.toString('utf8');
  if (isJsonType(type)) {
    if (!text.trim()) return { kind: 'json', params: Object.create(null) };
    try {
      const value = JSON.parse(text);
      const params = value && typeof value === 'object' && !Array.isArray(value) ? value : Object.create(null);
      return { kind: 'json', params };
    } catch (error) {
      return { kind: 'invalid-json', error: /** @type {Error} */ (error).message };
    }
  }
  if (type === 'application/x-www-form-urlencoded') return { kind: 'form', params: parseForm(text) };
  return { kind: 'none', params: Object.create(null) };
}

/**
 * An own property of a parameter bag (never one inherited from Object.prototype).
 * @param {Record<string, unknown>} params
 * @param {string} name
 */
export function param(params, name) {
  return Object.prototype.hasOwnProperty.call(params, name) ? params[name] : undefined;
}

/**
 * The CORS headers WordPress's REST API sends (rest_send_cors_headers): the request's Origin
 * echoed back, with credentials allowed. Retry-After is exposed too (our extension) so a page on
 * another origin can read the flood countdown.
 * @param {import('node:http').IncomingMessage} req
 * @returns {Record<string, string>}
 */
export function corsHeaders(req) {
  const origin = req.headers.origin;
  /** @type {Record<string, string>} */
  const headers = {
    'access-control-expose-headers': 'X-WP-Total, X-WP-TotalPages, Link, Retry-After',
    'access-control-allow-headers': 'Authorization, X-WP-Nonce, Content-Disposition, Content-MD5, Content-Type',
    vary: 'Origin',
  };
  if (typeof origin === 'string' && origin && !/[\r\n]/.test(origin)) {
    headers['access-control-allow-origin'] = origin;
    headers['access-control-allow-methods'] = 'OPTIONS, GET, POST';
    headers['access-control-allow-credentials'] = 'true';
  }
  return headers;
}

/**
 * Sends a JSON answer.
 * @param {import('node:http').ServerResponse} res
 * @param {number} status
 * @param {unknown} body
 * @param {Record<string, string | number | string[]>} [headers]
 */
export function sendJson(res, status, body, headers = {}) {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=UTF-8',
    'content-length': Buffer.byteLength(text),
    'x-content-type-options': 'nosniff',
    'cache-control': 'no-cache, must-revalidate, max-age=0',
    ...headers,
  });
  res.end(text);
}

/**
 * The client's IP address, without the IPv4-mapped IPv6 prefix.
 * @param {import('node:http').IncomingMessage} req
 */
export function clientIp(req) {
  const address = req.socket.remoteAddress ?? '127.0.0.1';
  return address.startsWith('::ffff:') ? address.slice(7) : address;
}

/**
 * The origin links in answers are built on: the Host the client used when it looks like a host
 * name (and port), else the address the server listens on.
 * @param {import('node:http').IncomingMessage} req
 */
export function requestOrigin(req) {
  const host = req.headers.host;
  if (typeof host === 'string' && /^([a-z0-9.-]+|\[[0-9a-f:.]+\])(:\d{1,5})?$/i.test(host)) return `http://${host}`;
  const port = req.socket.localPort ?? 80;
  const address = req.socket.localAddress ?? '127.0.0.1';
  return `http://${address.includes(':') ? `[${address}]` : address}:${port}`;
}

/**
 * The user agent, bounded like WordPress's comment_agent column.
 * @param {import('node:http').IncomingMessage} req
 */
export function userAgent(req) {
  return String(req.headers['user-agent'] ?? '').slice(0, 254);
}
