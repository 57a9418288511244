// What must never be true of a sanitized story body, checked on a DOM (a live container in a
// browser, a shadow root, a DOMParser document, or jsdom on Node). Plain JS so the browser tests
// (test/sanitize*.test.ts) and the Node test (test/node/sanitize.test.js) share one definition.
// Independent of src/sanitize on purpose: it re-states the rules rather than importing them.

const FORBIDDEN = new Set([
  'script', 'style', 'object', 'embed', 'applet', 'form', 'input', 'button', 'select', 'textarea',
  'base', 'meta', 'link', 'template', 'frame', 'frameset', 'noscript', 'svg', 'math', 'portal',
]);
const URL_ATTRIBUTES = ['href', 'src', 'action', 'formaction', 'xlink:href', 'cite', 'poster', 'background', 'data', 'ping'];
const BAD_PROTOCOLS = new Set(['javascript:', 'data:', 'vbscript:', 'blob:']);
const IFRAME_HOSTS = {
  'www.youtube-nocookie.com': /^\/embed\/[\w-]+$/,
  'www.youtube.com': /^\/embed\/[\w-]+$/,
  'player.vimeo.com': /^\/video\/\d+$/,
};
export const IFRAME_SANDBOX = 'allow-scripts allow-same-origin allow-presentation allow-popups';
const HTML_NS = 'http://www.w3.org/1999/xhtml';

/** The protocol `value` has once resolved against `base` (a URL string), or '' when it does not parse. */
export function protocolOf(value, base) {
  try {
    return new URL(value, base).protocol;
  } catch {
    return '';
  }
}

/** URLs of a srcset, loosely split: every piece between commas, first word (over-inclusive on purpose). */
function srcsetUrls(value) {
  return value
    .split(',')
    .map((candidate) => candidate.trim().split(/\s+/)[0])
    .filter(Boolean);
}

/**
 * Everything wrong with the sanitized content under `root`, as readable strings ([] when nothing).
 * `options.base` resolves relative URLs (default a neutral https URL); `options.allowElements`
 * names custom elements the transform may add (their own shadow roots are not walked).
 */
export function storyBodyProblems(root, options = {}) {
  const base = options.base ?? 'https://page.invalid/';
  const allowed = new Set(options.allowElements ?? ['news-photo', 'news-related']);
  const problems = [];
  const elements = root.querySelectorAll('*');
  for (const el of elements) {
    const name = el.localName.toLowerCase();
    const where = `<${name}>`;
    if (el.namespaceURI !== HTML_NS) problems.push(`${where} in namespace ${el.namespaceURI}`);
    if (FORBIDDEN.has(name)) problems.push(`forbidden element ${where}`);
    if (name.includes('-') && !allowed.has(name)) problems.push(`unexpected custom element ${where}`);
    for (const attr of el.attributes) {
      const attrName = attr.name.toLowerCase();
      if (attrName.startsWith('on')) problems.push(`${where} has handler ${attr.name}`);
      if (attrName === 'style') problems.push(`${where} has a style attribute`);
      if (attrName === 'srcdoc') problems.push(`${where} has srcdoc`);
      const urls = attrName === 'srcset' ? srcsetUrls(attr.value) : URL_ATTRIBUTES.includes(attrName) || attr.localName === 'href' ? [attr.value] : [];
      for (const url of urls) {
        const protocol = protocolOf(url, base);
        if (BAD_PROTOCOLS.has(protocol)) problems.push(`${where} ${attr.name}="${attr.value.slice(0, 60)}" is ${protocol}`);
      }
    }
    if (name === 'iframe') {
      const src = el.getAttribute('src') ?? '';
      let ok = false;
      try {
        const url = new URL(src);
        ok = url.protocol === 'https:' && !url.port && IFRAME_HOSTS[url.hostname]?.test(url.pathname) === true;
      } catch {
        ok = false;
      }
      if (!ok) problems.push(`iframe outside the allow-list: "${src.slice(0, 80)}"`);
      if (el.getAttribute('sandbox') !== IFRAME_SANDBOX) problems.push(`iframe sandbox is "${el.getAttribute('sandbox')}"`);
    }
    if (name === 'a' && el.hasAttribute('href')) {
      const protocol = protocolOf(el.getAttribute('href'), base);
      const rel = ` ${el.getAttribute('rel') ?? ''} `;
      let external = false;
      try {
        external = (protocol === 'http:' || protocol === 'https:') && new URL(el.getAttribute('href'), base).origin !== (options.storyOrigin ?? '');
      } catch {
        external = false;
      }
      if (external && /^[a-z][a-z0-9+.-]*:/i.test(el.getAttribute('href')) && !(rel.includes(' noopener ') && rel.includes(' noreferrer '))) {
        problems.push(`external link without rel="noopener noreferrer": ${el.getAttribute('href')}`);
      }
      if (el.hasAttribute('target') && el.getAttribute('target') !== '_blank') problems.push(`a target="${el.getAttribute('target')}"`);
    }
  }
  return problems;
}

/**
 * The XSS corpus (test/fixtures/xss-payloads.json: DOMPurify's tests, html5sec, OWASP, each with its
 * source), in a browser. Mocha needs the list of tests when a file loads, and the test build (es2021)
 * has no top-level await: it is read with a synchronous request, once per file.
 */
export function loadXssCorpus() {
  const request = new XMLHttpRequest();
  request.open('GET', new URL('../fixtures/xss-payloads.json', import.meta.url).href, false);
  request.send();
  if (request.status !== 200) throw new Error(`xss-payloads.json: HTTP ${request.status}`);
  return JSON.parse(request.responseText);
}
