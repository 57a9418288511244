#!/usr/bin/env node
// news-elements command line: `news-elements render <url-or-file> [options] > story.html`
// Renders a story (WordPress REST post, schema.org JSON-LD, or our story JSON) to HTML with
// declarative shadow DOM, using renderStory() from news-elements/ssr.
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';

const usage = `Usage: news-elements render <url-or-file> [--jsonld] [--comments] [--lang <bcp47>] [--publisher <name>] [--timeout <ms>]

Renders a story to HTML on standard output: a <news-story> element whose content is in
declarative shadow DOM, so it paints before any script runs. The source is a WordPress REST post
(/wp-json/wp/v2/posts/<id>?_embed), schema.org NewsArticle JSON-LD (JSON, or an HTML page holding
it) or news-elements story JSON, read from an http(s) URL or a file ("-" for standard input).

  --jsonld     also print a <script type="application/ld+json"> NewsArticle with the canonical URL
  --comments   let the element show the comment form (when the source has a comment endpoint)
  --lang       language of the story when the source does not say
  --publisher  the publisher's name to show when the source does not carry it
  --timeout    milliseconds to wait for a URL (default 15000)
`;

async function readSource(where, timeout) {
  if (/^https?:\/\//i.test(where)) {
    const response = await fetch(where, {
      headers: { accept: 'application/json, application/ld+json;q=0.9, text/html;q=0.8' },
      signal: AbortSignal.timeout(timeout),
    });
    if (!response.ok) throw new Error(`${where} answered HTTP ${response.status}`);
    return response.text();
  }
  if (where === '-') {
    const chunks = [];
    for await (const chunk of process.stdin) chunks.push(chunk);
    return Buffer.concat(chunks).toString('utf8');
  }
  return readFile(where, 'utf8');
}

async function main(argv) {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        jsonld: { type: 'boolean', default: false },
        comments: { type: 'boolean', default: false },
        lang: { type: 'string' },
        publisher: { type: 'string' },
        timeout: { type: 'string', default: '15000' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    process.stderr.write(`news-elements: ${error.message}\n\n${usage}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(usage);
    return 0;
  }
  const [command, where, ...rest] = positionals;
  if (command !== 'render' || !where || rest.length) {
    process.stderr.write(usage);
    return 2;
  }
  const timeout = Number(values.timeout);
  if (!Number.isFinite(timeout) || timeout <= 0) {
    process.stderr.write(`news-elements: --timeout must be a positive number of milliseconds\n`);
    return 2;
  }
  let text;
  try {
    text = await readSource(where, timeout);
  } catch (error) {
    process.stderr.write(`news-elements: cannot read ${where}: ${error.message}\n`);
    return 1;
  }
  const { renderStoryDetailed, problemText } = await import('../dist/ssr/index.js');
  try {
    const { html, problems } = await renderStoryDetailed(text, {
      jsonld: values.jsonld,
      comments: values.comments,
      lang: values.lang,
      publisher: values.publisher,
    });
    for (const p of problems) process.stderr.write(`news-elements: warning: ${problemText(p)}\n`);
    process.stdout.write(`${html}\n`);
    return 0;
  } catch (error) {
    process.stderr.write(`news-elements: ${error.message}\n`);
    return 1;
  }
}

process.exitCode = await main(process.argv.slice(2));
