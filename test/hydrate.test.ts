// Server rendering and hydration: the elements rendered by @lit-labs/ssr (test/server/ssr.js, from
// the current src/) into a page with declarative shadow DOM, loaded in an iframe (its own custom
// element registry, so each test sees the server's HTML before any element is defined), then taken
// over by Lit's hydration (test/helpers/ssr-frame.ts). Taking over must keep every node the server
// made (no re-render), every box where it was (no layout shift), and print nothing.
import { expect } from '@open-wc/testing';
import { bodyCss } from '../src/components/news-article/news-article.body.styles.js';
import { formatDate } from '../src/core/format.js';

type FrameWindow = Window & typeof globalThis;

interface ServerPage {
  win: FrameWindow;
  doc: Document;
  /** console.warn / console.error / errors in the page after it loaded. */
  messages: string[];
  /** What the elements warned while the server rendered them. */
  ssrWarnings: string[];
}

interface Snapshot {
  /** Every node of every shadow root, in tree order. */
  nodes: Node[];
  /** Each shadow root's markup, `tag: html`. */
  markup: string[];
  /** Each element's box, light DOM and shadow roots, `where x y w h`. */
  boxes: string[];
}

const esc = (text: string) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
const json = (value: unknown) => esc(JSON.stringify(value));

const credits = [
  { name: 'Parisa Hafezi', role: 'reporting', location: 'Dubai' },
  { name: 'Guy Faulconbridge', role: 'reporting', location: 'Moscow' },
  { name: 'Alexander Cornwell', role: 'writing' },
];
const items = [
  { headline: 'Tesla customers shun the business', url: '/demo/related/tesla.html', image: '/test/assets/related/city.svg', section: 'Business', published: '2024-04-05T14:20:00Z' },
  { headline: 'Philippines challenges Beijing', url: '/demo/related/philippines.html', image: '/test/assets/related/sea.svg', published: '2024-04-03' },
];

/** A story as a server renderer writes it: every element with its `lang`, the article's filled slots stated. */
function story(lang = 'en', slots = 'byline media body footer'): string {
  return `<news-article lang="${lang}" section="World" kicker="Exclusive" headline="Iran warned Russia of possible attack"
      dek="Three people with knowledge of the matter say Tehran shared intelligence." published="2024-04-08" updated="2024-04-09"
      ssr-slots="${slots}">
    <news-byline slot="byline" lang="${lang}" credits="${json(credits)}"></news-byline>
    <news-photo slot="media" lang="${lang}" src="/test/assets/photo-1200x800.svg" alt="Rescuers outside the concert hall"
      width="1200" height="800" caption="Rescuers work at the scene." credit="REUTERS/Maxim Shemetov"></news-photo>
    <p>According to three people with direct knowledge of the situation, Iran warned Russia in advance.</p>
    <h2>Warnings</h2>
    <p>Washington had forewarned Moscow of the possibility of a militant Islamist strike.</p>
    <p slot="footer">Reporting by Parisa Hafezi; Writing by Alexander Cornwell.</p>
  </news-article>
  <news-related lang="${lang}" items="${json(items)}"></news-related>
  <news-related lang="${lang}" variant="cards" items="${json(items)}"></news-related>
  <news-related lang="${lang}" variant="inline" items="${json(items)}"></news-related>`;
}

/**
 * `markup` inside a server-rendered host's shadow root, as <news-story> holds its elements; with
 * the article body's sheet, which page CSS cannot reach there, as a server renderer ships it.
 */
const inHost = (markup: string) => `<ssr-test-host markup="${esc(`<style>${bodyCss}</style>${markup}`)}"></ssr-test-host>`;

const pages: HTMLIFrameElement[] = [];
afterEach(() => {
  for (const frame of pages.splice(0)) frame.remove();
});

/** Loads `markup`, rendered by the server, in an iframe; nothing is defined there yet. */
async function serverPage(markup: string, { csp = false } = {}): Promise<ServerPage> {
  const frame = document.createElement('iframe');
  frame.style.cssText = 'inline-size: 800px; block-size: 1800px; border: 0';
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  frame.src = `/test-api/ssr/page?markup=${encodeURIComponent(markup)}${csp ? '&csp=1' : ''}`;
  document.body.append(frame);
  pages.push(frame);
  await loaded;
  const win = frame.contentWindow as FrameWindow;
  const doc = frame.contentDocument!;
  const root = doc.getElementById('root');
  if (!root) throw new Error(`the server did not render: ${doc.body.textContent}`);
  // Fonts and the page sheet settle before anything is measured.
  await doc.fonts.ready;
  const messages: string[] = [];
  for (const level of ['warn', 'error'] as const) {
    const original = win.console[level].bind(win.console);
    win.console[level] = (...args: unknown[]) => {
      const text = args.map(String).join(' ');
      if (!text.startsWith('Lit is in dev mode')) messages.push(`${level}: ${text}`);
      original(...args);
    };
  }
  win.addEventListener('error', (event) => messages.push(`error: ${event.message}`));
  win.addEventListener('unhandledrejection', (event) => messages.push(`rejection: ${String(event.reason)}`));
  return { win, doc, messages, ssrWarnings: JSON.parse(root.dataset.ssrWarnings ?? '[]') as string[] };
}

/** Every element with a shadow root, in tree order, shadow trees included. */
function hosts(root: Node): Element[] {
  const out: Element[] = [];
  const walk = (node: Node) => {
    for (const child of Array.from(node.childNodes)) {
      if (!(child instanceof child.ownerDocument!.defaultView!.Element)) continue;
      if (child.shadowRoot) {
        out.push(child);
        walk(child.shadowRoot);
      }
      walk(child);
    }
  };
  walk(root);
  return out;
}

function allNodes(root: Node): Node[] {
  const out: Node[] = [];
  const walker = root.ownerDocument!.createTreeWalker(root, 0xffffffff);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) out.push(node);
  return out;
}

const box = (el: Element) => {
  const r = el.getBoundingClientRect();
  return `${r.x} ${r.y} ${r.width} ${r.height}`;
};
const label = (el: Element) => `${el.localName}${el.getAttribute('part') ? `[part=${el.getAttribute('part')}]` : ''}`;

function snapshot(page: ServerPage): Snapshot {
  const shadowHosts = hosts(page.doc.body);
  const boxes = Array.from(page.doc.body.querySelectorAll('*')).map((el) => `light ${label(el)} ${box(el)}`);
  for (const host of shadowHosts) {
    for (const el of Array.from(host.shadowRoot!.querySelectorAll('*'))) boxes.push(`${host.localName} ${label(el)} ${box(el)}`);
  }
  return {
    nodes: shadowHosts.flatMap((host) => allNodes(host.shadowRoot!)),
    // Hydration removes `defer-hydration` from the nested hosts: that is not a change of content.
    markup: shadowHosts.map((host) => `${host.localName}: ${host.shadowRoot!.innerHTML.replace(/ defer-hydration=""/g, '')}`),
    boxes,
  };
}

type Updating = Element & { updateComplete: Promise<boolean>; hasUpdated: boolean };

/** Defines the elements in the page (with Lit's hydration support, unless `plain`) and waits until all have rendered. */
async function takeOver(page: ServerPage, { plain = false } = {}): Promise<void> {
  const script = page.doc.createElement('script');
  script.type = 'module';
  script.src = plain ? '/test/helpers/ssr-frame-plain.ts' : '/test/helpers/ssr-frame.ts';
  const done = new Promise((resolve, reject) => {
    script.onload = resolve;
    script.onerror = reject;
  });
  page.doc.head.append(script);
  await done;
  // Nested elements are released by their host's hydration; each renders again after hydrating.
  for (let round = 0; round < 3; round++) {
    const elements = hosts(page.doc.body) as Updating[];
    await Promise.all(elements.map((el) => el.updateComplete));
    await new Promise((resolve) => page.win.setTimeout(resolve, 0));
  }
  for (const el of hosts(page.doc.body) as Updating[]) {
    expect(el.hasUpdated, `${el.localName} has rendered`).to.equal(true);
  }
}

/** Which nodes of `before` are gone or replaced after: '' when every node is the same object, in place. */
function replacedNodes(before: Snapshot, after: Snapshot): string {
  const lost = before.nodes.filter((node, i) => after.nodes[i] !== node || !node.isConnected);
  const added = after.nodes.length - before.nodes.length;
  if (lost.length === 0 && added === 0) return '';
  const describe = (node: Node) => (node.nodeType === 1 ? label(node as Element) : `#${node.nodeName}:${node.textContent?.trim().slice(0, 30)}`);
  return `${lost.length} nodes replaced (${lost.slice(0, 5).map(describe).join(', ')}), ${added} added`;
}

function find<T extends Element = HTMLElement>(page: ServerPage, selector: string): T {
  for (const root of [page.doc, ...hosts(page.doc.body).map((h) => h.shadowRoot!)]) {
    const found = root.querySelector<T>(selector);
    if (found) return found;
  }
  throw new Error(`no ${selector}`);
}
const shadowPart = <T extends Element = HTMLElement>(host: Element, name: string) =>
  host.shadowRoot!.querySelector<T>(`[part~="${name}"]`);
/** The text a reader sees in `node` (a shadow root's <style> left out). */
function text(node: Node | null | undefined): string {
  if (!node) return '';
  const parts: string[] = [];
  const walker = node.ownerDocument!.createTreeWalker(node, 4 /* NodeFilter.SHOW_TEXT */);
  for (let t = walker.nextNode(); t; t = walker.nextNode()) if (t.parentNode?.nodeName !== 'STYLE') parts.push(t.nodeValue ?? '');
  return parts.join('').replace(/\s+/g, ' ').trim();
}

/** Takes `markup` over and checks that nothing the server made moved, changed or was replaced. */
async function expectSeamless(markup: string): Promise<{ page: ServerPage; before: Snapshot }> {
  const page = await serverPage(markup);
  expect(page.ssrWarnings, 'server warnings').to.deep.equal([]);
  const shadowHosts = hosts(page.doc.body);
  expect(shadowHosts.length, 'server-rendered shadow roots').to.be.greaterThan(0);
  const before = snapshot(page);
  await takeOver(page);
  const after = snapshot(page);
  expect(page.messages, 'console').to.deep.equal([]);
  expect(replacedNodes(before, after)).to.equal('');
  expect(after.markup).to.deep.equal(before.markup);
  expect(after.boxes).to.deep.equal(before.boxes);
  return { page, before };
}

describe('server rendering and hydration', () => {
  it('shows the story from the server alone: headline, dates, byline, photo box, related links', async () => {
    const page = await serverPage(story());
    expect(page.win.customElements.get('news-article')).to.equal(undefined);
    const article = find(page, 'news-article');
    expect(text(shadowPart(article, 'headline'))).to.equal('Iran warned Russia of possible attack');
    const times = Array.from(article.shadowRoot!.querySelectorAll('time')).map((t) => `${t.dateTime} ${text(t)}`);
    expect(times).to.deep.equal(['2024-04-08 April 8, 2024', '2024-04-09 April 9, 2024']);
    expect(text(find(page, 'news-byline').shadowRoot)).to.equal(
      'Reporting by Parisa Hafezi in Dubai, Guy Faulconbridge in Moscow; Writing by Alexander Cornwell',
    );
    // The photo's box has its 3:2 ratio before any script or image byte.
    const photo = find(page, 'news-photo');
    const frame = shadowPart(photo, 'frame')!.getBoundingClientRect();
    expect(frame.width).to.equal(640);
    expect(frame.height).to.be.closeTo((640 * 800) / 1200, 0.5);
    expect(shadowPart<HTMLImageElement>(photo, 'image')!.getAttribute('width')).to.equal('1200');
    expect(Array.from(find(page, 'news-related').shadowRoot!.querySelectorAll('li a')).map(text)).to.deep.equal(
      items.map((item) => item.headline),
    );
    // The body, byline, photo and footer are shown: ssr-slots told the server which slots are filled.
    for (const name of ['meta', 'media', 'body', 'footer']) {
      expect(shadowPart(article, name)!.getBoundingClientRect().height, name).to.be.greaterThan(0);
    }
  });

  it('takes the elements over without replacing a node, moving a box or printing anything', async () => {
    const { page, before } = await expectSeamless(story());
    // The nodes marked before the upgrade are the ones now on screen.
    const h1 = before.nodes.find((n) => n.nodeName === 'H1')!;
    expect(h1.isConnected).to.equal(true);
    expect(shadowPart(find(page, 'news-article'), 'headline')).to.equal(h1);
  });

  it('takes over elements nested in a server-rendered shadow root (defer-hydration), in Persian', async () => {
    const { page } = await expectSeamless(inHost(story('fa')));
    const host = page.doc.querySelector('ssr-test-host')!;
    const nested = Array.from(host.shadowRoot!.querySelectorAll('*')).filter((el) => el.localName.startsWith('news-'));
    expect(nested.length).to.equal(6);
    expect(nested.filter((el) => el.hasAttribute('defer-hydration')).map((el) => el.localName)).to.deep.equal([]);
    const article = find(page, 'news-article');
    expect(text(shadowPart(article, 'dates'))).to.contain('منتشرشده در');
    expect(text(find(page, 'news-byline').shadowRoot)).to.contain('گزارش از Parisa Hafezi در Dubai');
    expect(text(shadowPart(find(page, 'news-related'), 'heading'))).to.equal('مطالب مرتبط');
  });

  it('updates the DOM on later property changes: hydration took over for real', async () => {
    const { page } = await expectSeamless(story());
    const article = find(page, 'news-article') as Updating & { headline: string };
    const h1 = shadowPart(article, 'headline')!;
    article.headline = 'A new headline';
    await article.updateComplete;
    expect(shadowPart(article, 'headline')).to.equal(h1);
    expect(text(h1)).to.equal('A new headline');

    const photo = find(page, 'news-photo') as Updating & { caption: string; width: number; height: number };
    photo.caption = 'A new caption';
    photo.width = 800;
    photo.height = 800;
    await photo.updateComplete;
    expect(text(shadowPart(photo, 'caption'))).to.equal('A new caption');
    expect(shadowPart(photo, 'frame')!.getBoundingClientRect().height).to.be.closeTo(640, 0.5);

    const byline = find(page, 'news-byline') as Updating & { credits: unknown };
    byline.credits = [{ name: 'A' }, { name: 'B' }];
    await byline.updateComplete;
    expect(text(byline.shadowRoot)).to.equal('By A and B');

    const related = find(page, 'news-related') as Updating & { items: unknown };
    related.items = [items[1]];
    await related.updateComplete;
    expect(Array.from(related.shadowRoot!.querySelectorAll('li a')).map(text)).to.deep.equal([items[1]!.headline]);
    expect(page.messages).to.deep.equal([]);
  });

  it('styles the elements with adopted sheets when a CSP blocks the server’s <style>', async () => {
    const reference = await serverPage(story());
    await takeOver(reference);
    const styled = snapshot(reference).boxes;

    const page = await serverPage(story(), { csp: true });
    const article = find(page, 'news-article');
    // The CSP did block the shadow roots' <style>: the host is not even a block yet.
    expect(page.win.getComputedStyle(article).display).to.equal('inline');
    await takeOver(page);
    expect(page.win.getComputedStyle(article).display).to.equal('block');
    expect(snapshot(page).boxes).to.deep.equal(styled);
    expect(page.messages.filter((m) => !m.includes('Content Security Policy') && !m.includes('Content-Security-Policy'))).to.deep.equal([]);
  });

  it('keeps sheets others adopted into a shadow root it takes over', async () => {
    const page = await serverPage(inHost(story()));
    const host = page.doc.querySelector('ssr-test-host')!;
    const other = new page.win.CSSStyleSheet();
    other.replaceSync('p { outline: 1px solid red }');
    const article = host.shadowRoot!.querySelector('news-article')!;
    article.shadowRoot!.adoptedStyleSheets = [other];
    await takeOver(page);
    const sheets = article.shadowRoot!.adoptedStyleSheets;
    expect(sheets[0]).to.equal(other);
    expect(sheets.length).to.be.greaterThan(1);
    // The article's body sheet, adopted into the host's shadow root, is still there.
    expect(host.shadowRoot!.adoptedStyleSheets.length).to.equal(1);
  });

  it('renders a date-time in UTC on the server and in the reader’s time zone once taken over', async () => {
    const value = '2024-04-08T22:30:00Z';
    const page = await serverPage(`<news-article lang="en" headline="H" published="${value}"></news-article>`);
    const time = () => find(page, 'news-article').shadowRoot!.querySelector('time')!;
    expect(text(time())).to.equal(formatDate(value, 'en', 'UTC')!.text);
    expect(text(time())).to.contain('UTC');
    const node = time();
    await takeOver(page);
    expect(time()).to.equal(node);
    expect(text(time())).to.equal(formatDate(value, 'en')!.text);
    expect(page.messages).to.deep.equal([]);
  });

  it('shows the body without ssr-slots, and corrects a wrong ssr-slots after taking over, with one warning', async () => {
    const page = await serverPage(`<news-article lang="en" headline="H"><p>Body</p><p slot="footer">Footer</p></news-article>
      <news-article lang="en" headline="H" ssr-slots="body media"><p>Body</p><p slot="footer">Footer</p></news-article>`);
    const [plain, wrong] = Array.from(page.doc.querySelectorAll('news-article'));
    expect(shadowPart(plain!, 'body')!.hidden).to.equal(false);
    expect(shadowPart(plain!, 'footer')!.hidden).to.equal(true);
    expect(shadowPart(wrong!, 'media')!.hidden).to.equal(false);
    await takeOver(page);
    for (const el of [plain!, wrong!]) {
      expect(shadowPart(el, 'footer')!.hidden).to.equal(false);
      expect(shadowPart(el, 'media')!.hidden).to.equal(true);
    }
    expect(page.messages).to.have.length(2);
    expect(page.messages[0]).to.contain('[news-article] attribute "ssr-slots" (missing: "body") does not match the content ("body footer")');
    expect(page.messages[1]).to.contain('[news-article] attribute "ssr-slots" ("body media") does not match the content ("body footer")');
  });

  it('renders in English on the server and in the nearest ancestor’s language once taken over', async () => {
    const page = await serverPage(`<div lang="fa"><news-byline credits="${json([{ name: 'A' }, { name: 'B' }])}"></news-byline></div>`);
    const byline = find(page, 'news-byline');
    expect(text(byline.shadowRoot)).to.equal('By A and B');
    await takeOver(page);
    expect(text(byline.shadowRoot)).to.equal('نوشتهٔ A و B');
    expect(page.messages).to.deep.equal([]);
  });

  it('shows a wrapped <img> before any script, and keeps its box when taken over', async () => {
    const page = await serverPage(
      `<news-photo alt="x" caption="Caption"><img src="/test/assets/photo-1200x800.svg" alt="Rescuers" width="1200" height="800"></news-photo>`,
    );
    const img = page.doc.querySelector('news-photo > img')!;
    expect(img.getBoundingClientRect().height).to.be.closeTo((640 * 800) / 1200, 0.5);
    const frame = shadowPart(find(page, 'news-photo'), 'frame')!;
    const before = box(frame);
    await takeOver(page);
    expect(box(frame)).to.equal(before);
    expect(box(img)).to.equal(before);
    expect(page.messages).to.deep.equal([]);
  });

  it('loads news-related’s src in the browser, having rendered its loading state on the server', async () => {
    const page = await serverPage(`<news-related lang="en" src="/test/assets/related/list.json"></news-related>`);
    expect(page.ssrWarnings).to.deep.equal([]);
    const related = find(page, 'news-related');
    expect(related.shadowRoot!.querySelector('[aria-busy="true"]')).to.not.equal(null);
    await takeOver(page);
    const start = Date.now();
    while (!related.shadowRoot!.querySelector('li') && Date.now() - start < 5000) await new Promise((r) => setTimeout(r, 20));
    expect(related.shadowRoot!.querySelectorAll('li').length).to.be.greaterThan(0);
    expect(page.messages).to.deep.equal([]);
  });

  it('without Lit’s hydration support, renders once in place of the server’s HTML (no duplicate)', async () => {
    const page = await serverPage(story());
    await takeOver(page, { plain: true });
    const article = find(page, 'news-article');
    expect(article.shadowRoot!.querySelectorAll('h1').length).to.equal(1);
    expect(find(page, 'news-photo').shadowRoot!.querySelectorAll('img').length).to.equal(1);
    expect(find(page, 'news-related').shadowRoot!.querySelectorAll('ul').length).to.equal(1);
    expect(page.win.getComputedStyle(article).display).to.equal('block');
    expect(page.messages).to.deep.equal([]);
  });
});
