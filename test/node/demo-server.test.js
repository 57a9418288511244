// The demo server's static files as a browser gets them (a real server on 127.0.0.1): text
// compressed as asked, and a page that loads the CDN bundle announces its static chunks.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'node:http';
import { gunzipSync, brotliDecompressSync } from 'node:zlib';
import { startDemoServer } from '../../demo/server.js';

const dataDir = mkdtempSync(join(tmpdir(), 'news-demo-server-'));
const { server, url } = await startDemoServer({ port: 0, dataDir });
after(() => {
  server.close();
  server.closeAllConnections();
  rmSync(dataDir, { recursive: true, force: true });
});

/** GET with raw bytes (fetch would decompress them itself). */
function get(path, headers = {}) {
  return new Promise((resolve, reject) => {
    request(new URL(path, url), { headers }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
    })
      .on('error', reject)
      .end();
  });
}

test('text is sent with gzip or brotli as the browser asks, and as it is otherwise', async () => {
  const file = readFileSync('dist/news-elements.js');
  const br = await get('dist/news-elements.js', { 'accept-encoding': 'gzip, deflate, br' });
  assert.equal(br.headers['content-encoding'], 'br');
  assert.equal(br.headers.vary, 'accept-encoding');
  assert.ok(brotliDecompressSync(br.body).equals(file), 'brotli body is the file');
  const gz = await get('dist/news-elements.js', { 'accept-encoding': 'gzip' });
  assert.equal(gz.headers['content-encoding'], 'gzip');
  assert.ok(gunzipSync(gz.body).equals(file), 'gzip body is the file');
  const plain = await get('dist/news-elements.js');
  assert.equal(plain.headers['content-encoding'], undefined);
  assert.ok(plain.body.equals(file));
  const image = await get('demo/images/crocus-600.jpg', { 'accept-encoding': 'gzip, br' });
  assert.equal(image.headers['content-encoding'], undefined, 'images are not compressed again');
});

test('a page loading the bundle announces its static chunks with Link: rel=modulepreload; others do not', async () => {
  const sizes = JSON.parse(readFileSync('dist/sizes.json', 'utf8'));
  const chunks = sizes.all.files.filter((f) => f !== 'dist/news-elements.js');
  assert.ok(chunks.length > 0, 'the bundle has static chunks');
  const page = await get('demo/index.html');
  assert.equal(page.headers.link, chunks.map((f) => `</${f}>; rel=modulepreload`).join(', '));
  for (const chunk of chunks) assert.equal((await get(chunk)).status, 200, `${chunk} is served`);
  const other = await get('bench/pages/static-article.html');
  assert.equal(other.status, 200);
  assert.equal(other.headers.link, undefined, 'a page without the bundle preloads nothing');
});
