// The shared base of every element: language from the nearest `lang`, followed when it changes,
// and when the element is moved or was rendered while detached.
import { expect, fixture, html } from '@open-wc/testing';
import '../src/components/news-byline/define.js';
import type { NewsByline } from '../src/components/news-byline/news-byline.js';

const text = (el: NewsByline) => el.shadowRoot!.textContent!.replace(/\s+/g, ' ').trim();
const credits = [{ name: 'A' }, { name: 'B' }];

describe('NewsElement language', () => {
  it('falls back to English for a language that is not shipped', async () => {
    const el = await fixture<NewsByline>(html`<news-byline lang="ja" credits=${JSON.stringify(credits)}></news-byline>`);
    expect(text(el)).to.match(/^By A/);
  });

  it('renders in the new language after being rendered while detached and re-attached', async () => {
    const page = await fixture<HTMLElement>(html`<div lang="fa"><news-byline credits=${JSON.stringify(credits)}></news-byline></div>`);
    const el = page.querySelector('news-byline')!;
    await el.updateComplete;
    expect(text(el)).to.contain('نوشتهٔ');
    el.remove();
    el.credits = [{ name: 'C' }, { name: 'D' }];
    await el.updateComplete; // rendered while detached: only English is known
    page.append(el);
    await el.updateComplete;
    expect(text(el)).to.contain('نوشتهٔ');
    expect(text(el)).to.contain('C');
  });

  it('follows a move into a part of the page in another language', async () => {
    const page = await fixture<HTMLElement>(
      html`<div><section lang="de"></section><section lang="fr"><news-byline credits=${JSON.stringify(credits)}></news-byline></section></div>`,
    );
    const el = page.querySelector('news-byline')!;
    await el.updateComplete;
    expect(text(el)).to.match(/^Par A et B/);
    page.querySelector('[lang="de"]')!.append(el);
    await el.updateComplete;
    expect(text(el)).to.match(/^Von A und B/);
  });
});
