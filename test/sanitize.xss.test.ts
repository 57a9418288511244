// The story-body sanitizer against a public XSS payload corpus, in real browsers.
//
// Corpus: test/fixtures/xss-payloads.json, a byte-for-byte copy of the team's shared corpus
// (/work/shared/fixtures/xss-payloads.json; copied so a fresh clone runs it). 323 payloads, each
// with the exact place it was taken from (`source`: repository, commit, path, index or line):
//   - DOMPurify's own test suite, cure53/DOMPurify @ 1fa97e8f0b671ded461adfe6af255f2aab4202d0:
//     test/fixtures/expect.mjs (170 payloads) and test/test-suite.js (13);
//     https://github.com/cure53/DOMPurify
//   - the HTML5 Security Cheatsheet (html5sec.org), cure53/H5SC @ 1a91bbc085426579ebcdefb1bc5450760db3dad5:
//     items.js with its %placeholders% expanded from payloads.js (40); https://github.com/cure53/H5SC
//   - the OWASP XSS Filter Evasion Cheat Sheet, OWASP/CheatSheetSeries @ 6b8819da79e0537d072e04296ffa3adfc94ba881:
//     cheatsheets/XSS_Filter_Evasion_Cheat_Sheet.md (100);
//     https://cheatsheetseries.owasp.org/cheatsheets/XSS_Filter_Evasion_Cheat_Sheet.html
//
// Every payload goes three ways: sanitizeStoryBody() into a live container in the page, the same
// plus transformStoryBody() (with <news-photo>/<news-related> defined) into an open shadow root,
// and sanitizeStoryBodyToHtml() as a string. The live ones stay in the page long enough for images
// and frames to load or fail (batches of payloads, 50 ms each). Then, for every payload:
// window.alert/confirm/prompt/print/open and document.write were never called (they are stubbed),
// the window.xss canary was never set, and the DOM has no script, style, object, embed, form or form
// control, base, meta, link, template, svg/math, iframe outside the allow-list, on* attribute, style
// attribute, or href/src/srcset/action/formaction/xlink:href/cite using javascript:, data:,
// vbscript: or blob: once resolved (test/helpers/sanitize-invariants.js). The string output,
// sanitized again, is unchanged (no mutation on a second parse).
import { expect } from '@open-wc/testing';
import { sanitizeStoryBody, sanitizeStoryBodyToHtml, transformStoryBody } from '../src/sanitize/index.js';
import { loadXssCorpus, storyBodyProblems, type XssPayload as Payload } from './helpers/sanitize-invariants.js';
import '../src/components/news-photo/define.js';
import '../src/components/news-related/define.js';

const corpus = loadXssCorpus();
const BATCH = 30;
const SETTLE_MS = 50;
const BASE = new URL('/__story__/2024/story', location.href).href;

type Calls = Array<{ fn: string; args: string }>;
/** Problems found per payload id. */
const problems = new Map<string, string[]>();

const note = (id: string, problem: string) => {
  const list = problems.get(id) ?? [];
  list.push(problem);
  problems.set(id, list);
};

describe(`XSS corpus (${corpus.length} public payloads)`, function () {
  this.timeout(120000);
  const dialogs: Calls = [];
  const stubbed = {
    win: ['alert', 'confirm', 'prompt', 'print', 'open'] as const,
    doc: ['write', 'writeln'] as const,
  };
  const originals = new Map<string, unknown>();

  before(async () => {
    const win = window as unknown as Record<string, unknown>;
    const doc = document as unknown as Record<string, unknown>;
    for (const fn of stubbed.win) {
      originals.set(`w.${fn}`, win[fn]);
      win[fn] = (...args: unknown[]) => dialogs.push({ fn, args: args.map(String).join(',') });
    }
    for (const fn of stubbed.doc) {
      originals.set(`d.${fn}`, doc[fn]);
      doc[fn] = (...args: unknown[]) => dialogs.push({ fn: `document.${fn}`, args: args.map(String).join(',') });
    }
    delete win.xss;

    const stage = document.createElement('div');
    document.body.append(stage);
    try {
      for (let start = 0; start < corpus.length; start += BATCH) {
        const batch = corpus.slice(start, start + BATCH);
        const live: Array<[Payload, ParentNode]> = [];
        const before = dialogs.length;
        for (const entry of batch) {
          try {
            // 1. Sanitized into a live container in the page.
            const light = document.createElement('div');
            light.append(sanitizeStoryBody(entry.payload));
            stage.append(light);
            live.push([entry, light]);
            // 2. Sanitized against a base, transformed, into a shadow root.
            const host = document.createElement('div');
            const shadow = host.attachShadow({ mode: 'open' });
            const fragment = sanitizeStoryBody(entry.payload, { baseUrl: BASE });
            transformStoryBody(fragment);
            shadow.append(fragment);
            stage.append(host);
            live.push([entry, shadow]);
            // 3. As a string: checked inert, and stable when sanitized again.
            const out = sanitizeStoryBodyToHtml(entry.payload);
            const parsed = new DOMParser().parseFromString(`<body>${out}`, 'text/html').body;
            for (const problem of storyBodyProblems(parsed)) note(entry.id, `string: ${problem}`);
            const again = sanitizeStoryBodyToHtml(out);
            if (again !== out) note(entry.id, `not stable when sanitized again:\n  ${out}\n  ${again}`);
          } catch (error) {
            note(entry.id, `threw ${String(error)}`);
          }
        }
        // Let images and frames load or fail, and any handler that survived run.
        await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
        await new Promise((resolve) => requestAnimationFrame(resolve));
        for (const [entry, root] of live) {
          const where = root instanceof ShadowRoot ? 'shadow root' : 'page';
          for (const problem of storyBodyProblems(root, where === 'page' ? { base: location.href } : { base: BASE, storyOrigin: new URL(BASE).origin })) note(entry.id, `${where}: ${problem}`);
        }
        const fired = dialogs.slice(before);
        if (fired.length || win.xss !== undefined) {
          for (const entry of batch) note(entry.id, `while its batch was live: ${JSON.stringify(fired)} xss=${String(win.xss)}`);
        }
        stage.replaceChildren();
      }
    } finally {
      stage.remove();
    }
  });

  after(() => {
    const win = window as unknown as Record<string, unknown>;
    const doc = document as unknown as Record<string, unknown>;
    for (const fn of stubbed.win) win[fn] = originals.get(`w.${fn}`);
    for (const fn of stubbed.doc) doc[fn] = originals.get(`d.${fn}`);
  });

  it('never opened a dialog, wrote the document or set the canary', () => {
    expect(JSON.stringify(dialogs)).to.equal('[]');
    expect((window as unknown as Record<string, unknown>).xss).to.equal(undefined);
  });

  for (const entry of corpus) {
    it(`${entry.id} [${entry.category}] ${(entry.title ?? '').slice(0, 70)} (${entry.source.repo})`, () => {
      expect((problems.get(entry.id) ?? []).join('\n')).to.equal('');
    });
  }
});
