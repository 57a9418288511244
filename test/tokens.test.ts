// Each element declares on its host the private token variables (`--_x: var(--news-x, default)`)
// that its styles read, and only those: its shadow CSS, the shared host styles, and CSS it adopts
// for light-DOM children (the article body), which inherit them from the host.
import { expect, fixture, html } from '@open-wc/testing';
import type { LitElement } from 'lit';
import '../src/components/news-article/define.js';
import '../src/components/news-byline/define.js';
import '../src/components/news-photo/define.js';
import '../src/components/news-related/define.js';
import '../src/components/news-story/define.js';
import { bodyCss } from '../src/components/news-article/news-article.body.styles.js';
import { TOKEN_VALUES, privateName } from '../src/styles/token-values.js';

const TAGS = ['news-article', 'news-byline', 'news-photo', 'news-related', 'news-story'];
/** CSS an element adopts for its light-DOM children, beside its own styles. */
const ADOPTED: Record<string, string[]> = { 'news-article': [bodyCss] };
const ALL = Object.keys(TOKEN_VALUES).map(privateName);

/** The private variables a CSS text reads. */
const reads = (css: string) => new Set([...css.matchAll(/var\(\s*(--_[\w-]+)/g)].map((m) => m[1]));

describe('private token variables', () => {
  for (const tag of TAGS) {
    it(`<${tag}> declares every one its styles read, and no other`, async () => {
      const el = await fixture<LitElement>(html`<div>${document.createElement(tag)}</div>`).then((d) => d.firstElementChild as LitElement);
      await el.updateComplete;
      const ctor = el.constructor as typeof LitElement;
      const css = [...ctor.elementStyles.map((s) => ('cssText' in s ? s.cssText : [...s.cssRules].map((r) => r.cssText).join(''))), ...(ADOPTED[tag] ?? [])].join('\n');
      const needed = reads(css);
      const computed = getComputedStyle(el);
      const declared = ALL.filter((name) => computed.getPropertyValue(name) !== '');
      const missing = [...needed].filter((name) => !declared.includes(name));
      expect(missing.join(' '), 'read but not declared').to.equal('');
      const extra = declared.filter((name) => !needed.has(name));
      expect(extra.join(' '), 'declared but never read').to.equal('');
      expect(needed.size > 0 && needed.size < ALL.length, `${needed.size} of ${ALL.length}`).to.equal(true);
    });
  }

  it('a token set on the page still reaches a declared variable', async () => {
    const wrapper = await fixture<HTMLElement>(html`<div style="--news-color-focus: rgb(1, 2, 3)"><news-photo></news-photo></div>`);
    const el = wrapper.querySelector('news-photo') as LitElement;
    await el.updateComplete;
    expect(getComputedStyle(el).getPropertyValue('--_color-focus').replace(/\s/g, '')).to.equal('rgb(1,2,3)');
  });
});
