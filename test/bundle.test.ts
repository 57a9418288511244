// The CDN bundle as a site builder loads it: one module defines every element, and a second copy
// (the bundle twice, or the bundle plus the npm package) neither throws nor redefines anything.
// Needs `npm run build:bundle` first (npm test builds before it runs the browsers).
import { expect } from '@open-wc/testing';

const TAGS = ['news-article', 'news-photo', 'news-byline', 'news-related', 'news-comment-form'];
const load = (url: string) => import(/* @vite-ignore */ url);

describe('dist/news-elements.js', () => {
  const warnings: string[] = [];
  const original = console.warn;
  before(() => {
    console.warn = (...args: unknown[]) => warnings.push(args.join(' '));
  });
  after(() => {
    console.warn = original;
  });

  it('defines every element from one module', async () => {
    for (const tag of TAGS) expect(customElements.get(tag), `${tag} before`).to.equal(undefined);
    await load('/dist/news-elements.js');
    for (const tag of TAGS) expect(customElements.get(tag), tag).to.be.a('function');
    expect(warnings).to.deep.equal([]);
  });

  it('loaded twice, keeps the first definitions and warns once', async () => {
    const first = TAGS.map((tag) => customElements.get(tag));
    await load('/dist/news-elements.js?copy=2');
    expect(TAGS.map((tag) => customElements.get(tag))).to.deep.equal(first);
    expect(warnings).to.have.length(1);
    expect(warnings[0]).to.match(/^\[news-\w+\] is already defined by another copy of news-elements/);
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
