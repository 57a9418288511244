// Recorded answers of real WordPress: test/fixtures/wordpress/<name>.json, written when RECORD=1 and
// otherwise compared with what the live site answers (the tests always talk to real WordPress).
//
// A fixture: { name, description, recordedWith, check, request: { method, path, contentType, body },
//              response: { status, headers, body, message? }, normalized }
//   request.body   the JSON body, or the form fields as an object (sent form-encoded when contentType
//                  says so); null for GET
//   response.body  the parsed JSON, or the HTML text as it came (wp_die pages)
//   response.message  for an HTML page, the text of its `.wp-die-message` (tags stripped, entities decoded)
//   response.headers  only content-type, location, retry-after, x-wp-total, x-wp-totalpages, when sent
//   check          'exact': the body (after the replacements below) must be equal, e.g. every error answer;
//                  'shape': same keys and JSON types all the way down (dates, ids, hashes vary per run)
//   normalized     what was replaced in the recorded answer:
//                  the site's URL http://127.0.0.1:<port> → http://wordpress.test (also JSON-escaped, and
//                  127.0.0.1:<port> alone); nothing else: ids, dates and hashes are as WordPress sent them.
import { readFileSync, writeFileSync, existsSync, mkdirSync } from 'node:fs';
import { join, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import assert from 'node:assert/strict';

export const FIXTURE_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../test/fixtures/wordpress');
export const SITE_PLACEHOLDER = 'http://wordpress.test';
export const RECORDING = process.env.RECORD === '1';
const HEADERS = ['content-type', 'location', 'retry-after', 'x-wp-total', 'x-wp-totalpages'];

/** Replaces the live site's origin (any spelling of it) by SITE_PLACEHOLDER in every string. */
export function normalize(value, siteUrl) {
  const host = new URL(siteUrl).host;
  const swap = (text) =>
    text
      .split(siteUrl)
      .join(SITE_PLACEHOLDER)
      .split(siteUrl.replaceAll('/', '\\/'))
      .join(SITE_PLACEHOLDER.replaceAll('/', '\\/'))
      .split(host)
      .join(new URL(SITE_PLACEHOLDER).host);
  if (typeof value === 'string') return swap(value);
  if (Array.isArray(value)) return value.map((item) => normalize(item, siteUrl));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [swap(key), normalize(item, siteUrl)]));
  }
  return value;
}

const ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', hellip: '…', rsquo: '’', lsquo: '‘', rdquo: '”', ldquo: '“', ndash: '–', mdash: '—' };
/** Text of an HTML fragment: tags stripped, entities decoded, white space collapsed. */
export function htmlText(html) {
  return html
    .replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, '')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, code) => {
      if (code[0] === '#') return String.fromCodePoint(code[1] === 'x' || code[1] === 'X' ? parseInt(code.slice(2), 16) : Number(code.slice(1)));
      return ENTITIES[code.toLowerCase()] ?? whole;
    })
    .replace(/\s+/g, ' ')
    .trim();
}

/** The message of a wp_die() page (`<div class="wp-die-message">`), or the page's text. */
export function wpDieMessage(html) {
  const match = html.match(/<div class="wp-die-message">([\s\S]*?)<\/div>/);
  return htmlText(match ? match[1] : html);
}

/**
 * Sends one request to the site and returns { request, response } in fixture form (not normalized).
 * Redirects are not followed: a classic form post answers 302.
 */
export async function exchange(site, { method = 'GET', path, contentType = null, body = null, headers = {} }) {
  const init = { method, redirect: 'manual', headers: { ...headers } };
  if (body !== null) {
    init.headers['content-type'] = contentType;
    init.body = contentType === 'application/json' ? JSON.stringify(body) : new URLSearchParams(body).toString();
  }
  const res = await fetch(`${site.url}${path}`, init);
  const text = await res.text();
  const picked = {};
  for (const name of HEADERS) {
    const value = res.headers.get(name);
    if (value !== null) picked[name] = value;
  }
  const response = { status: res.status, headers: picked, body: text };
  if (/json/.test(picked['content-type'] ?? '')) {
    response.body = JSON.parse(text);
  } else if (/html/.test(picked['content-type'] ?? '')) {
    response.message = wpDieMessage(text);
  }
  return { request: { method, path, contentType, body }, response };
}

/** Same keys and JSON types, recursively (arrays: same length, items compared pairwise). */
export function shapeOf(value) {
  if (Array.isArray(value)) return value.map(shapeOf);
  if (value && typeof value === 'object') return Object.fromEntries(Object.keys(value).sort().map((key) => [key, shapeOf(value[key])]));
  return value === null ? 'null' : typeof value;
}

/** A Location with the comment id and moderation hash masked (they change with every run). */
export function maskLocation(location) {
  return location
    ?.replace(/\/comments\/\d+$/, '/comments/N')
    .replace(/unapproved=\d+/, 'unapproved=N')
    .replace(/moderation-hash=[0-9a-f]+/, 'moderation-hash=H')
    .replace(/#comment-\d+/, '#comment-N');
}

/**
 * RECORD=1: writes the fixture. Otherwise: checks the live answer against the recorded one (status,
 * headers, message, and the body exactly or by shape, as the fixture's `check` says).
 */
export function matchFixture(site, name, { request, response }, { description, check = 'exact' }) {
  const file = join(FIXTURE_DIR, `${name}.json`);
  const live = normalize({ request, response }, site.url);
  if (RECORDING) {
    mkdirSync(FIXTURE_DIR, { recursive: true });
    const fixture = {
      name,
      description,
      recordedWith: site.recordedWith,
      check,
      request: live.request,
      response: live.response,
      normalized: [`site URL http://127.0.0.1:<port> → ${SITE_PLACEHOLDER}`],
    };
    writeFileSync(file, `${JSON.stringify(fixture, null, 2)}\n`);
    return;
  }
  assert.ok(existsSync(file), `fixture ${name}.json is missing: run RECORD=1 npm run test:wordpress`);
  const fixture = JSON.parse(readFileSync(file, 'utf8'));
  const why = `${name}: the live answer differs from test/fixtures/wordpress/${name}.json (re-record with RECORD=1 if WordPress changed)`;
  assert.equal(live.response.status, fixture.response.status, why);
  assert.deepEqual(
    { ...live.response.headers, location: maskLocation(live.response.headers.location) },
    { ...fixture.response.headers, location: maskLocation(fixture.response.headers.location) },
    why,
  );
  assert.equal(live.response.message, fixture.response.message, why);
  if (fixture.check === 'exact' && typeof fixture.response.body !== 'string') {
    assert.deepEqual(live.response.body, fixture.response.body, why);
  } else {
    assert.deepEqual(shapeOf(live.response.body), shapeOf(fixture.response.body), why);
  }
}
