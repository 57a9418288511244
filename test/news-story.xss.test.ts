// <news-story> against a public XSS payload corpus, through the ELEMENT (not the sanitizer alone),
// in real browsers (Chromium and Firefox).
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
// Two paths into the element:
//
// 1. The body. Batches of payloads are joined into one story body, once as they are and once each
//    wrapped in <p>…</p>, and set as `.story = { ...sample, body }` on a connected <news-story>. The
//    body renders once the lazily loaded sanitizer has run (a marker paragraph opens every batch, so
//    the test knows which body it is looking at); then images and frames get ~100 ms to load or fail
//    and any surviving handler to run. Checked in the element's whole shadow tree (its shadow root,
//    the light DOM of the nested <news-article> that holds the body, and every nested shadow root):
//    no script, style, object, embed, applet, frame, form, base, meta or link; no iframe outside the
//    body (in the body, only the sanitizer's allow-list); no on* attribute; no javascript:, data:,
//    vbscript: or blob: URL in href/src/srcset/action/formaction/xlink:href/…; and the body itself
//    meets every rule of test/helpers/sanitize-invariants.js (no style attribute, no svg/math, no
//    form control, no unexpected custom element…). A batch with a problem is run again payload by
//    payload, so the failure names the payload.
//
// 2. The text fields. Each payload is the story's headline, dek, hero caption and credit, publisher
//    name, credit names and related headline at once. Each must render as text: the rendered text
//    holds the payload (white space collapsed), and the element tree (every shadow root, in order)
//    is exactly the tree of the same story with plain words in those fields: no element was made
//    from the payload. The same tree rules as above hold.
//
// Throughout: window.alert/confirm/prompt/print/open and document.write(ln) are stubbed and must
// never be called, and the canaries window.xss, window.__storyXss and window.__newsStoryXss (the
// last one set by hostile lines this test adds to every batch) must never be set.
import { expect, waitUntil } from '@open-wc/testing';
import '../src/components/news-story/define.js';
import type { NewsStory } from '../src/components/news-story/news-story.js';
import type { Story } from '../src/core/story/model.js';
import { sample } from '../stories/fixtures/news-story.js';
import { loadXssCorpus, protocolOf, storyBodyProblems, type XssPayload as Payload } from './helpers/sanitize-invariants.js';

const corpus = loadXssCorpus();
const BODY_BATCH = 25;
const TEXT_BATCH = 20;
const SETTLE_MS = 100;
/** The story's URL on this server, so relative URLs in payloads answer 404 here, not on the network. */
const STORY_URL = new URL('/__story__/2024/story', location.href).href;
const CANARIES = ['xss', '__storyXss', '__newsStoryXss'];
/** Hostile lines of our own, in every batch: if one ever ran, the canary says so. */
const CANARY_LINES =
  '<img src="x" onerror="window.__newsStoryXss = 1">' +
  '<script>window.__newsStoryXss = 2<\/script>' +
  '<a href="javascript:window.__newsStoryXss = 3">canary</a>';

const FORBIDDEN = new Set(['script', 'style', 'object', 'embed', 'applet', 'frame', 'frameset', 'form', 'base', 'meta', 'link']);
const URL_ATTRIBUTES = new Set(['href', 'src', 'action', 'formaction', 'xlink:href', 'cite', 'poster', 'background', 'data', 'ping']);
const BAD_PROTOCOLS = new Set(['javascript:', 'data:', 'vbscript:', 'blob:']);

const win = window as unknown as Record<string, unknown>;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));

// DOM properties read through the prototypes: a payload that got through as a <form> with an
// <input name="attributes"> would otherwise clobber them and break the checks instead of failing them.
const getter = <T>(proto: object, name: string) => Object.getOwnPropertyDescriptor(proto, name)!.get as (this: unknown) => T;
const attributesOf = (el: Element) => getter<NamedNodeMap>(Element.prototype, 'attributes').call(el);
const localNameOf = (el: Element) => getter<string>(Element.prototype, 'localName').call(el);
const shadowOf = (el: Element) => getter<ShadowRoot | null>(Element.prototype, 'shadowRoot').call(el);
const parentOf = (el: Element) => getter<Element | null>(Node.prototype, 'parentElement').call(el);
const all = (root: ParentNode) => (root instanceof ShadowRoot ? DocumentFragment : Element).prototype.querySelectorAll.call(root, '*');

/** Every element of the element's shadow tree, in tree order, nested shadow roots after their host. */
function* treeElements(host: Element): Generator<Element> {
  const walk = function* (root: ParentNode): Generator<Element> {
    for (const el of all(root)) {
      yield el;
      const shadow = shadowOf(el);
      if (shadow) yield* walk(shadow);
    }
  };
  const shadow = shadowOf(host);
  if (shadow) yield* walk(shadow);
}

const articleOf = (el: NewsStory) => el.shadowRoot?.querySelector('news-article') ?? null;
/** The body: the children of the nested <news-article> that go to its default slot. */
const bodyOf = (el: NewsStory) => [...(articleOf(el)?.children ?? [])].filter((child) => !Element.prototype.hasAttribute.call(child, 'slot'));

/** Problems anywhere in the element's shadow tree (the rules that hold for everything it renders). */
function treeProblems(el: NewsStory): string[] {
  const problems: string[] = [];
  const body = new Set(bodyOf(el));
  const inBody = (node: Element) => {
    for (let n: Element | null = node; n; n = parentOf(n)) if (body.has(n)) return true;
    return false;
  };
  for (const node of treeElements(el)) {
    const name = localNameOf(node);
    if (FORBIDDEN.has(name)) problems.push(`<${name}> in the shadow tree`);
    // Frames may come only from the body, where the sanitizer's allow-list is checked below.
    if (name === 'iframe' && !inBody(node)) problems.push(`<iframe src="${node.getAttribute('src')}"> outside the body`);
    for (const attr of attributesOf(node)) {
      const attrName = attr.name.toLowerCase();
      if (attrName.startsWith('on')) problems.push(`<${name}> has handler ${attr.name}`);
      const urls =
        attrName === 'srcset' || attrName === 'imagesrcset'
          ? attr.value.split(',').map((candidate) => candidate.trim().split(/\s+/)[0] ?? '')
          : URL_ATTRIBUTES.has(attrName) || attr.localName === 'href'
            ? [attr.value]
            : [];
      for (const url of urls) {
        const protocol = protocolOf(url, location.href);
        if (BAD_PROTOCOLS.has(protocol)) problems.push(`<${name}> ${attr.name}="${attr.value.slice(0, 60)}" is ${protocol}`);
      }
    }
  }
  // The body, copied into an inert document (nothing loads or upgrades there), against the
  // sanitizer's full rules: no style attribute, svg/math, form control, iframe off the allow-list…
  const inert = document.implementation.createHTMLDocument('');
  const box = inert.createElement('div');
  for (const node of body) box.append(inert.importNode(node, true));
  try {
    problems.push(...storyBodyProblems(box, { base: STORY_URL, storyOrigin: new URL(STORY_URL).origin }).map((p) => `body: ${p}`));
  } catch (error) {
    problems.push(`body: the checks threw ${String(error)} (a clobbered DOM property?)`);
  }
  return problems;
}

/** Waits until every Lit element in the tree has rendered (nested ones render after their host). */
async function settled(el: NewsStory): Promise<void> {
  for (let round = 0; round < 3; round++) {
    const pending = [el, ...treeElements(el)]
      .map((node) => (node as Partial<{ updateComplete: Promise<unknown> }>).updateComplete)
      .filter((p): p is Promise<unknown> => !!p);
    await Promise.all(pending);
  }
}

/** Lets images and frames of the tree load or fail (at most `SETTLE_MS`), then a frame. */
async function loadsDone(elements: NewsStory[]): Promise<void> {
  const waits: Array<Promise<unknown>> = [];
  for (const el of elements) {
    for (const node of treeElements(el)) {
      const loading =
        (node instanceof HTMLImageElement && !node.complete) || node instanceof HTMLIFrameElement;
      if (loading) {
        waits.push(
          new Promise((resolve) => {
            node.addEventListener('load', resolve, { once: true });
            node.addEventListener('error', resolve, { once: true });
          }),
        );
      }
    }
  }
  await Promise.race([Promise.all(waits), sleep(SETTLE_MS)]);
  await sleep(0);
  await frame();
}

type Calls = Array<{ fn: string; args: string }>;
const dialogs: Calls = [];
const stubbed = {
  win: ['alert', 'confirm', 'prompt', 'print', 'open'] as const,
  doc: ['write', 'writeln'] as const,
};
const originals = new Map<string, unknown>();

function stubDialogs(): void {
  const doc = document as unknown as Record<string, unknown>;
  for (const fn of stubbed.win) {
    originals.set(`w.${fn}`, win[fn]);
    win[fn] = (...args: unknown[]) => dialogs.push({ fn, args: args.map(String).join(',') });
  }
  for (const fn of stubbed.doc) {
    originals.set(`d.${fn}`, doc[fn]);
    doc[fn] = (...args: unknown[]) => dialogs.push({ fn: `document.${fn}`, args: args.map(String).join(',') });
  }
  for (const name of CANARIES) delete win[name];
}

function restoreDialogs(): void {
  const doc = document as unknown as Record<string, unknown>;
  for (const fn of stubbed.win) win[fn] = originals.get(`w.${fn}`);
  for (const fn of stubbed.doc) doc[fn] = originals.get(`d.${fn}`);
}

/** Every canary ever found set (they are reset after each batch). */
const canariesSet: string[] = [];

/** What fired since `before` (dialogs called, canaries set), as text; '' when nothing did. */
function fired(before: number): string {
  const calls = dialogs.slice(before);
  const set = CANARIES.filter((name) => win[name] !== undefined).map((name) => `${name}=${String(win[name])}`);
  canariesSet.push(...set);
  return calls.length || set.length ? `${JSON.stringify(calls)} ${set.join(' ')}`.trim() : '';
}

/** Problems per payload id, per path. */
const bodyFindings = new Map<string, string[]>();
const textFindings = new Map<string, string[]>();
const note = (map: Map<string, string[]>, id: string, problem: string) => {
  const list = map.get(id) ?? [];
  list.push(problem);
  map.set(id, list);
};

const testTitle = (entry: Payload) => `${entry.id} [${entry.category}] ${(entry.title ?? '').slice(0, 60)} (${entry.source.repo})`;

describe(`<news-story> with the XSS corpus (${corpus.length} public payloads)`, function () {
  this.timeout(120000);
  let stage: HTMLDivElement;
  const warn = console.warn;

  before(() => {
    // The element warns about body images without alt text, batch after batch: expected, not shown.
    console.warn = () => undefined;
    stubDialogs();
    stage = document.createElement('div');
    stage.style.inlineSize = '800px';
    document.body.append(stage);
  });

  after(() => {
    stage.remove();
    restoreDialogs();
    console.warn = warn;
  });

  describe('payloads in the story body', () => {
    let batchNumber = 0;

    /** One story whose body is `entries` joined; returns its problems ('' fields left out). */
    async function runBody(entries: Payload[], wrap: boolean): Promise<string[]> {
      const marker = `news-story-xss-batch-${++batchNumber}`;
      const before = dialogs.length;
      const el = document.createElement('news-story') as NewsStory;
      stage.append(el);
      const body = [`<p>${marker}</p>`, CANARY_LINES, ...entries.map((e) => (wrap ? `<p>${e.payload}</p>` : e.payload))].join('\n');
      const problems: string[] = [];
      try {
        el.story = { ...sample, url: STORY_URL, body } satisfies Story;
        await waitUntil(() => bodyOf(el)[0]?.textContent === marker, 'the body did not render', { timeout: 5000 });
        await settled(el);
        await loadsDone([el]);
        problems.push(...treeProblems(el));
      } catch (error) {
        problems.push(`failed: ${String(error)}`);
      } finally {
        el.remove();
      }
      const what = fired(before);
      if (what) problems.push(`while its body was live: ${what}`);
      for (const name of CANARIES) delete win[name];
      return problems;
    }

    before(async function () {
      this.timeout(120000);
      for (const wrap of [false, true]) {
        const how = wrap ? 'each in <p>' : 'as is';
        for (let start = 0; start < corpus.length; start += BODY_BATCH) {
          const batch = corpus.slice(start, start + BODY_BATCH);
          const problems = await runBody(batch, wrap);
          if (!problems.length) continue;
          // Name the payload: run the batch's payloads one by one.
          let named = false;
          for (const entry of batch) {
            const alone = await runBody([entry], wrap);
            for (const problem of alone) note(bodyFindings, entry.id, `${how}: ${problem}`);
            named ||= alone.length > 0;
          }
          if (!named) for (const entry of batch) note(bodyFindings, entry.id, `${how}, only with the rest of its batch: ${problems.join('; ')}`);
        }
      }
    });

    it('never opened a dialog, wrote the document or set a canary', () => {
      expect(JSON.stringify(dialogs)).to.equal('[]');
      expect(canariesSet.join(' ')).to.equal('');
    });

    it('checked real bodies (the rules see what the sanitizer let through)', async () => {
      // Guards the test itself: a body that rendered nothing would pass every rule above.
      const el = document.createElement('news-story') as NewsStory;
      stage.append(el);
      try {
        el.story = { ...sample, url: STORY_URL, body: '<p>marker</p><p>One <a href="/x">link</a>.</p><figure><img src="/demo/images/crocus-300.jpg" alt="Crocus"><figcaption>Caption</figcaption></figure>' };
        await waitUntil(() => bodyOf(el)[0]?.textContent === 'marker', 'the body did not render', { timeout: 5000 });
        await settled(el);
        expect(bodyOf(el).map((node) => node.localName).join(' ')).to.equal('p p news-photo');
        expect(articleOf(el)!.querySelector('a')!.href).to.equal(new URL('/x', STORY_URL).href);
        expect(treeProblems(el).join('\n')).to.equal('');
      } finally {
        el.remove();
      }
    });

    for (const entry of corpus) {
      it(testTitle(entry), () => {
        expect((bodyFindings.get(entry.id) ?? []).join('\n')).to.equal('');
      });
    }
  });

  describe('payloads in the headline, dek, caption, credit, publisher, credits and related headlines', () => {
    const FIELDS = ['headline', 'dek', 'caption', 'credit', 'publisher', 'original link', 'credits', 'related'] as const;

    function storyWith(text: string): Story {
      return {
        ...sample,
        url: STORY_URL,
        headline: text,
        dek: text,
        image: { ...sample.image!, caption: text, credit: text },
        publisher: { ...sample.publisher, name: text },
        credits: [{ name: text, role: 'writing' }],
        related: [{ headline: text, url: 'https://publisher.example/related' }],
        // The body is not this path's concern (and needs no sanitizer): left empty.
        body: '',
      };
    }

    /** The rendered text of each field, white space collapsed. */
    function fieldTexts(el: NewsStory): Record<(typeof FIELDS)[number], string> {
      const shadow = el.shadowRoot!;
      const article = articleOf(el);
      const hero = shadow.querySelector('news-photo[slot="media"]');
      const read = (node: Element | ShadowRoot | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
      return {
        headline: read(article?.shadowRoot?.querySelector('[part="headline"]')),
        dek: read(article?.shadowRoot?.querySelector('[part="dek"]')),
        caption: read(hero?.shadowRoot?.querySelector('[part="caption"]')),
        credit: read(hero?.shadowRoot?.querySelector('[part="credit"]')),
        publisher: read(shadow.querySelector('[part="publisher"]')),
        'original link': read(shadow.querySelector('[part="original-link"]')),
        credits: read(shadow.querySelector('news-byline')?.shadowRoot),
        related: read(shadow.querySelector('news-related')?.shadowRoot?.querySelector('[part~="item-link"]')),
      };
    }

    /** The element tree, every shadow root included, as tag names in order. */
    const shape = (el: NewsStory) => [...treeElements(el)].map(localNameOf).join(' ');

    let plainShape = '';

    async function render(stories: Story[]): Promise<NewsStory[]> {
      const elements = stories.map((story) => {
        const el = document.createElement('news-story') as NewsStory;
        stage.append(el);
        el.story = story;
        return el;
      });
      await Promise.all(elements.map((el) => settled(el)));
      await loadsDone(elements);
      return elements;
    }

    before(async function () {
      this.timeout(120000);
      const [plain] = await render([storyWith('Plain words')]);
      plainShape = shape(plain!);
      plain!.remove();
      for (let start = 0; start < corpus.length; start += TEXT_BATCH) {
        const batch = corpus.slice(start, start + TEXT_BATCH);
        const before = dialogs.length;
        const elements = await render(batch.map((entry) => storyWith(entry.payload)));
        batch.forEach((entry, i) => {
          const el = elements[i]!;
          const expected = entry.payload.replace(/\s+/g, ' ').trim();
          try {
            const texts = fieldTexts(el);
            for (const field of FIELDS) {
              if (!texts[field].includes(expected)) note(textFindings, entry.id, `${field} does not show the payload as text: "${texts[field].slice(0, 120)}"`);
            }
            if (shape(el) !== plainShape) note(textFindings, entry.id, `elements differ from the plain story's:\n  ${shape(el)}\n  ${plainShape}`);
            for (const problem of treeProblems(el)) note(textFindings, entry.id, problem);
          } catch (error) {
            note(textFindings, entry.id, `the checks threw ${String(error)}`);
          }
        });
        for (const el of elements) el.remove();
        const what = fired(before);
        if (what) for (const entry of batch) note(textFindings, entry.id, `while its batch was live: ${what}`);
        for (const name of CANARIES) delete win[name];
      }
    });

    it('never opened a dialog, wrote the document or set a canary', () => {
      expect(JSON.stringify(dialogs)).to.equal('[]');
      expect(canariesSet.join(' ')).to.equal('');
    });

    it('renders every field of the plain story (the checks look at the right places)', async () => {
      const [el] = await render([storyWith('Plain words')]);
      try {
        const texts = fieldTexts(el!);
        expect(FIELDS.filter((field) => !texts[field].includes('Plain words')).join(', ')).to.equal('');
        expect(plainShape).to.contain('news-byline');
        expect(plainShape).to.contain('news-related');
      } finally {
        el!.remove();
      }
    });

    for (const entry of corpus) {
      it(testTitle(entry), () => {
        expect((textFindings.get(entry.id) ?? []).join('\n')).to.equal('');
      });
    }
  });
});
