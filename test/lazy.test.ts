// Lazy definitions (src/internal/lazy.ts) on their own: what the CDN bundle uses for the comment
// form and the story.
import { expect, waitUntil } from '@open-wc/testing';
import { defineLazily, isLazy, loadNow } from '../src/internal/lazy.js';

let n = 0;
const freshTag = () => `lazy-test-${++n}`;

describe('internal/lazy defineLazily', () => {
  it('loads when the first element is added to the document, once', async () => {
    const tag = freshTag();
    let calls = 0;
    defineLazily(tag, async () => {
      calls++;
      customElements.define(tag, class extends HTMLElement {});
    });
    await new Promise((r) => setTimeout(r, 20));
    expect(calls, 'nothing in the page yet').to.equal(0);
    expect(isLazy(tag)).to.equal(true);
    const a = document.createElement('div');
    a.innerHTML = `<p><${tag}></${tag}></p><${tag}></${tag}>`;
    document.body.append(a);
    await waitUntil(() => customElements.get(tag), 'not defined');
    document.body.append(document.createElement(tag));
    await new Promise((r) => setTimeout(r, 20));
    expect(calls).to.equal(1);
    expect(isLazy(tag)).to.equal(false);
    a.remove();
    document.querySelectorAll(tag).forEach((el) => el.remove());
  });

  it('loads at once when an element is already in the page, and loadNow() starts it on demand', async () => {
    const present = freshTag();
    document.body.append(document.createElement(present));
    let loaded = false;
    defineLazily(present, async () => {
      loaded = true;
    });
    expect(loaded).to.equal(true);
    document.querySelector(present)!.remove();

    const onDemand = freshTag();
    let started = false;
    defineLazily(onDemand, async () => {
      started = true;
    });
    expect(started).to.equal(false);
    loadNow(onDemand);
    expect(started).to.equal(true);
  });

  it('a failed load warns once, naming the element, and a later element tries again', async () => {
    const tag = freshTag();
    const warnings: string[] = [];
    const original = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args.join(' '));
    let calls = 0;
    try {
      defineLazily(tag, async () => {
        calls++;
        if (calls === 1) throw new TypeError('Failed to fetch dynamically imported module');
        customElements.define(tag, class extends HTMLElement {});
      });
      document.body.append(document.createElement(tag));
      await waitUntil(() => warnings.length === 1, 'no warning');
      expect(warnings[0]).to.match(new RegExp(`^\\[${tag}\\] its module could not be loaded`));
      document.body.append(document.createElement(tag));
      await waitUntil(() => customElements.get(tag), 'the second try did not define it');
      expect(calls).to.equal(2);
      expect(warnings).to.have.length(1);
    } finally {
      console.warn = original;
      document.querySelectorAll(tag).forEach((el) => el.remove());
    }
  });

  it('does nothing for a tag that is already defined', () => {
    const tag = freshTag();
    customElements.define(tag, class extends HTMLElement {});
    let calls = 0;
    defineLazily(tag, async () => {
      calls++;
    });
    loadNow(tag);
    expect(calls).to.equal(0);
    expect(isLazy(tag)).to.equal(false);
  });
});
