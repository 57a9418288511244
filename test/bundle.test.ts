// The CDN bundle as a site builder loads it: one module defines the reading elements at once and
// the comment form and the story the first time one is in the page; a second copy (another
// version of the bundle at another URL, or the bundle plus the npm package) neither throws nor
// redefines anything, and warns once per page.
// Needs `npm run build:bundle` first (npm test builds before it runs the browsers).
import { expect, waitUntil } from '@open-wc/testing';

const EAGER = ['news-article', 'news-photo', 'news-byline', 'news-related'];
const LAZY = ['news-comment-form', 'news-story'];
const TAGS = [...EAGER, ...LAZY];
const load = (url: string) => import(/* @vite-ignore */ url);
const requested = (part: string) => performance.getEntriesByType('resource').filter((e) => e.name.includes(part)).length;

describe('dist/news-elements.js', () => {
  // Warnings about loading and defining (an empty <news-story> warns that it has no story: not these).
  const warnings: string[] = [];
  const original = console.warn;
  before(() => {
    console.warn = (...args: unknown[]) => {
      const text = args.join(' ');
      if (/already defined|could not be loaded|defined/.test(text)) warnings.push(text);
    };
  });
  after(() => {
    console.warn = original;
  });

  it('defines the reading elements at once; the comment form and the story when the first one is in the page', async () => {
    for (const tag of TAGS) expect(customElements.get(tag), `${tag} before`).to.equal(undefined);
    await load('/dist/news-elements.js');
    for (const tag of EAGER) expect(customElements.get(tag), tag).to.be.a('function');
    for (const tag of LAZY) expect(customElements.get(tag), `${tag} not yet`).to.equal(undefined);
    const chunksBefore = requested('/dist/chunks/');
    // Not in the page: nothing is fetched.
    const detached = document.createElement('news-comment-form');
    await new Promise((r) => setTimeout(r, 100));
    expect(customElements.get('news-comment-form'), 'a detached element loads nothing').to.equal(undefined);
    expect(requested('/dist/chunks/')).to.equal(chunksBefore);
    // Added to the page (deep in a subtree): fetched and defined, and the element upgrades.
    const holder = document.createElement('div');
    holder.innerHTML = '<section><news-story></news-story></section>';
    document.body.append(holder, detached);
    await waitUntil(() => LAZY.every((tag) => customElements.get(tag)), 'the lazy elements were not defined', { timeout: 5000 });
    expect(detached instanceof customElements.get('news-comment-form')!, 'the form upgraded').to.equal(true);
    expect(requested('/dist/chunks/')).to.be.greaterThan(chunksBefore);
    // Lit's hydrate support is for pages with server-rendered markup only.
    expect(performance.getEntriesByType('resource').some((e) => /hydrate-support/.test(e.name)), 'no hydrate support fetched').to.equal(false);
    holder.remove();
    detached.remove();
    expect(warnings).to.deep.equal([]);
  });

  it('loaded again from the same place, is the same module: nothing redefined, no warning', async () => {
    const first = TAGS.map((tag) => customElements.get(tag));
    await load('/dist/news-elements.js?again');
    expect(TAGS.map((tag) => customElements.get(tag))).to.deep.equal(first);
    expect(warnings).to.deep.equal([]);
  });

  it('a second copy at another URL keeps the first definitions and warns once', async () => {
    const first = TAGS.map((tag) => customElements.get(tag));
    await load('/copy-2/dist/news-elements.js');
    await new Promise((r) => setTimeout(r, 100)); // its defines run over a few tasks
    // Its lazy elements are already defined: it neither fetches nor defines them.
    document.body.append(document.createElement('news-story'));
    await new Promise((r) => setTimeout(r, 200));
    expect(TAGS.map((tag) => customElements.get(tag))).to.deep.equal(first);
    expect(warnings).to.have.length(1);
    expect(warnings[0]).to.match(/^\[news-\w+\] is already defined by another copy of news-elements/);
    document.querySelectorAll('body > news-story').forEach((el) => el.remove());
  });

  it('with the npm copy on the same page, still does not throw or warn again', async () => {
    const first = TAGS.map((tag) => customElements.get(tag));
    await load('/src/index.ts');
    expect(TAGS.map((tag) => customElements.get(tag))).to.deep.equal(first);
    expect(warnings).to.have.length(1);
  });

  it('the elements of the first copy still render', async () => {
    const el = document.createElement('news-byline');
    el.setAttribute('credits', '[{"name":"Parisa Hafezi","role":"writing"}]');
    document.body.append(el);
    await (el as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
    expect(el.shadowRoot!.textContent!.replace(/\s+/g, ' ').trim()).to.equal('Writing by Parisa Hafezi');
    el.remove();
  });
});
