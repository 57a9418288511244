import { aTimeout, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { TemplateResult } from 'lit';
import '../src/components/news-article/define.js';
import '../src/components/news-related/define.js';
import type { NewsRelated } from '../src/components/news-related/news-related.js';
import type { RelatedItem } from '../src/core/related.js';
import {
  badItems,
  fallbackLinks,
  hugeHeadline,
  listUrl,
  many,
  missingUrl,
  persian,
  related,
  relatedTextOnly,
} from '../stories/fixtures/news-related.js';
import { captureWarnings } from './helpers/warnings.js';

// Assert on strings and numbers, never on DOM nodes: a failing chai assertion on a node makes mocha
// serialize the node graph for its diff and the browser hangs instead of failing.
const $ = <T extends Element = HTMLElement>(el: NewsRelated, selector: string) => el.shadowRoot!.querySelector<T>(selector);
const $$ = <T extends Element = HTMLElement>(el: NewsRelated, selector: string) => [
  ...el.shadowRoot!.querySelectorAll<T>(selector),
];
const parts = (el: NewsRelated, name: string) => $$(el, `[part~="${name}"]`);
const links = (el: NewsRelated) => $$<HTMLAnchorElement>(el, 'a').map((a) => [a.textContent, a.getAttribute('href')]);
const shown = (node: Element | null) => node !== null && node.getClientRects().length > 0;
/** What the reader sees are the light-DOM fallback's links (read as items and drawn by the element). */
const fallbackShown = (el: NewsRelated) => json(links(el)) === json(fallbackLinks.map((link) => [link.headline, link.url]));
const json = (items: unknown) => JSON.stringify(items);

const fallback = html`<ul>
  ${fallbackLinks.map((link) => html`<li><a href=${link.url}>${link.headline}</a></li>`)}
</ul>`;

/** Renders an element with `src` and resolves when `news-related-loaded` fires (listener attached before the fetch). */
async function loadedFixture(template: (onLoaded: (event: Event) => void) => TemplateResult) {
  let resolve!: (event: CustomEvent) => void;
  const loaded = new Promise<CustomEvent>((r) => (resolve = r));
  const el = await fixture<NewsRelated>(template((event) => resolve(event as CustomEvent)));
  const event = await loaded;
  await el.updateComplete;
  return { el, event };
}

/** The warning for a failed src, waited for. */
async function srcWarning(): Promise<string> {
  await waitUntil(() => warnings.some((w) => w.includes('attribute "src" could not be loaded')), 'no src warning', {
    timeout: 5000,
  });
  return warnings.find((w) => w.includes('attribute "src"'))!;
}

const warnings = captureWarnings('news-related');

describe('news-related', () => {
  describe('list (default)', () => {
    it('renders a section labelled by its h2 heading and a real list of links', async () => {
      const el = await fixture<NewsRelated>(html`<news-related items=${json(related)}></news-related>`);
      const section = $(el, 'section')!;
      const heading = $(el, 'h2')!;
      expect(heading.textContent).to.equal('Related articles');
      expect(heading.getAttribute('part')).to.equal('heading');
      expect(section.getAttribute('aria-labelledby')).to.equal(heading.id);
      expect($(el, 'ul')!.getAttribute('part')).to.equal('list');
      expect(parts(el, 'item').map((li) => li.localName)).to.deep.equal(['li', 'li', 'li']);
      expect(links(el)).to.deep.equal(related.map((item) => [item.headline, item.url]));
      expect(parts(el, 'item-link')).to.have.length(3);
      // Cards only: no images or sections in the list.
      expect(parts(el, 'image')).to.have.length(0);
      expect(parts(el, 'section')).to.have.length(0);
      expect(warnings).to.deep.equal([]);
      await expect(el).to.be.accessible();
    });

    it('dates are <time> with the full value in datetime and the day as the reader’s language writes it', async () => {
      const el = await fixture<NewsRelated>(html`<news-related items=${json(related)}></news-related>`);
      const times = parts(el, 'date') as HTMLTimeElement[];
      expect(times.map((t) => t.dateTime)).to.deep.equal(['2024-04-05T14:20:00Z', '2024-04-03T08:45:00Z', '2024-03-30']);
      expect(times.map((t) => t.textContent)).to.deep.equal(['April 5, 2024', 'April 3, 2024', 'March 30, 2024']);
    });

    it('a bad published value shows no date', async () => {
      const el = await fixture<NewsRelated>(html`<news-related
        items=${json([{ headline: 'H', url: '/h', published: '2024-02-31' }])}
      ></news-related>`);
      expect(parts(el, 'date')).to.have.length(0);
    });

    it('heading and heading-level set the heading; a bad level warns and uses h2', async () => {
      const el = await fixture<NewsRelated>(html`<news-related heading="More on this story" heading-level="4"
        items=${json(related)}></news-related>`);
      expect($(el, 'h4')!.textContent).to.equal('More on this story');
      expect($(el, 'h2')).to.equal(null);
      expect($(el, 'section')!.getAttribute('aria-labelledby')).to.equal('heading');
      for (const level of [3, 5, 6]) {
        el.headingLevel = level;
        await el.updateComplete;
        expect($(el, `h${level}`)?.id).to.equal('heading');
      }
      expect(warnings).to.deep.equal([]);

      for (const bad of ['1', '7', 'three']) {
        const wrong = await fixture<NewsRelated>(html`<news-related heading-level=${bad} items=${json(related)}></news-related>`);
        expect($(wrong, 'h2')!.id).to.equal('heading');
      }
      expect(warnings).to.have.length(3);
      expect(warnings[0]).to.equal('[news-related] attribute "heading-level" must be 2, 3, 4, 5 or 6, not "1"; using 2.');
    });

    it('a blank heading falls back to the default', async () => {
      const el = await fixture<NewsRelated>(html`<news-related heading="  " items=${json(related)}></news-related>`);
      expect($(el, 'h2')!.textContent).to.equal('Related articles');
    });

    it('the items property takes an array; a new array re-renders', async () => {
      const el = await fixture<NewsRelated>(html`<news-related .items=${related}></news-related>`);
      expect(parts(el, 'item')).to.have.length(3);
      el.items = related.slice(0, 1);
      await el.updateComplete;
      expect(links(el)).to.deep.equal([[related[0]!.headline, related[0]!.url]]);
    });

    it('max shows at most that many; a bad max warns and shows every item', async () => {
      const el = await fixture<NewsRelated>(html`<news-related max="2" items=${json(related)}></news-related>`);
      expect(parts(el, 'item')).to.have.length(2);
      expect(warnings).to.deep.equal([]);
      for (const bad of ['0', '-1', '1.5', 'two']) {
        const wrong = await fixture<NewsRelated>(html`<news-related max=${bad} items=${json(related)}></news-related>`);
        expect(parts(wrong, 'item'), bad).to.have.length(3);
      }
      expect(warnings).to.have.length(4);
      expect(warnings[0]).to.equal('[news-related] attribute "max" must be a positive whole number, not "0"; showing every item.');
      expect(warnings[3]).to.contain('not "two"');
    });

    it('a bad variant warns and renders the list', async () => {
      const el = await fixture<NewsRelated>(html`<news-related variant="carousel" items=${json(related)}></news-related>`);
      expect($(el, 'section.list')).to.not.equal(null);
      expect(warnings).to.deep.equal([
        '[news-related] attribute "variant" must be "list", "cards" or "inline", not "carousel"; using "list".',
      ]);
    });

    it('follows the language of the page: heading and dates', async () => {
      const wrapper = await fixture(html`<div lang="de"><news-related items=${json(related)}></news-related></div>`);
      const el = wrapper.querySelector('news-related')!;
      await el.updateComplete;
      expect($(el, 'h2')!.textContent).to.equal('Verwandte Artikel');
      expect(parts(el, 'date')[0]!.textContent).to.equal('5. April 2024');
    });

    it('leaves the links’ click alone: it bubbles out with its default action intact', async () => {
      const el = await fixture<NewsRelated>(html`<news-related items=${json(related)}></news-related>`);
      let seen = '';
      const onClick = (event: Event) => {
        seen = `${(event.composedPath()[0] as Element).localName} ${event.defaultPrevented}`;
        event.preventDefault(); // do not navigate away from the test page
      };
      window.addEventListener('click', onClick);
      parts(el, 'item-link')[0]!.click();
      window.removeEventListener('click', onClick);
      expect(seen).to.equal('a false');
    });
  });

  describe('nothing to show', () => {
    for (const [name, attrs] of [
      ['no items at all', {}],
      ['an empty list', { items: '[]' }],
      ['only items without headline or url', { items: json([{ url: '/a' }, { headline: 'B' }]) }],
    ] as const) {
      it(`${name}: renders nothing visible (no heading, no empty section)`, async () => {
        const el = await fixture<NewsRelated>(html`<news-related items=${(attrs as { items?: string }).items ?? ''}></news-related>`);
        expect($(el, 'section')).to.equal(null);
        expect($$(el, 'h2, h3, h4, h5, h6, ul, p')).to.have.length(0);
        expect(el.getBoundingClientRect().height).to.equal(0);
        await expect(el).to.be.accessible();
      });
    }
  });

  describe('cards', () => {
    it('renders image, section, headline link, dek and date per card, in a grid', async () => {
      const el = await fixture<NewsRelated>(html`<news-related variant="cards" items=${json(related)}></news-related>`);
      const cards = parts(el, 'card');
      expect(cards.map((c) => `${c.localName} ${c.getAttribute('part')}`)).to.deep.equal(Array(3).fill('li item card'));
      expect(getComputedStyle($(el, 'ul')!).display).to.equal('grid');
      expect(parts(el, 'section').map((s) => s.textContent)).to.deep.equal(['Business', 'Asia Pacific', 'Europe']);
      expect(links(el)).to.deep.equal(related.map((item) => [item.headline, item.url]));
      expect($(el, '.dek')!.textContent).to.equal(related[0]!.dek);
      expect(parts(el, 'date')).to.have.length(3);
      await expect(el).to.be.accessible();
    });

    it('images are lazy, decorative unless imageAlt, in a 16:9 box reserved before they load', async () => {
      // The first image never answers within the test: its box must already have its size.
      const items = [{ ...related[0]!, image: '/test-api/related/slow?ms=3000&as=image' }, related[1]!];
      const wrapper = await fixture(html`<div style="inline-size: 640px">
        <news-related variant="cards" style="--news-related-card-min-size: 600px" items=${json(items)}></news-related>
      </div>`);
      const el = wrapper.querySelector('news-related')!;
      await el.updateComplete;
      const images = parts(el, 'image') as HTMLImageElement[];
      expect(images.map((img) => [img.getAttribute('loading'), img.getAttribute('alt')])).to.deep.equal([
        ['lazy', ''],
        ['lazy', 'A small red sail on a teal sea.'],
      ]);
      expect(images[0]!.complete && images[0]!.naturalWidth > 0).to.equal(false);
      const box = images[0]!.parentElement!.getBoundingClientRect();
      expect(box.width).to.equal(640);
      expect(Math.round(box.height)).to.equal(360);
    });

    it('the whole card is one link: one tab stop per card, the rest of the card clicks through it', async () => {
      const wrapper = await fixture(html`<div>
        <button id="before">before</button>
        <news-related variant="cards" items=${json(related)}></news-related>
        <button id="after">after</button>
      </div>`);
      const el = wrapper.querySelector('news-related')!;
      await el.updateComplete;
      const anchors = $$<HTMLAnchorElement>(el, 'a');
      expect(anchors).to.have.length(3);
      // Nothing else in a card can take focus.
      expect($$(el, '[tabindex], button, input').length).to.equal(0);
      wrapper.querySelector<HTMLButtonElement>('#before')!.focus();
      const stops: string[] = [];
      for (let i = 0; i < 4; i++) {
        await sendKeys({ press: 'Tab' });
        const active = document.activeElement === el ? el.shadowRoot!.activeElement : document.activeElement;
        stops.push(active?.getAttribute('href') ?? active?.id ?? '?');
      }
      expect(stops).to.deep.equal([...related.map((item) => item.url), 'after']);

      // The image, the section label and the date are covered by the link's overlay.
      const card = parts(el, 'card')[0]!;
      for (const name of ['image', 'section', 'date']) {
        const r = card.querySelector(`[part~="${name}"]`)!.getBoundingClientRect();
        const hit = el.shadowRoot!.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
        expect(hit === anchors[0], `${name} is covered by the link`).to.equal(true);
      }
    });

    it('shows a visible focus ring around the card when its link has keyboard focus', async () => {
      const wrapper = await fixture(html`<div><button>before</button>
        <news-related variant="cards" items=${json(related)}></news-related></div>`);
      const el = wrapper.querySelector('news-related')!;
      await el.updateComplete;
      wrapper.querySelector('button')!.focus();
      await sendKeys({ press: 'Tab' });
      const a = $<HTMLAnchorElement>(el, 'a')!;
      expect(el.shadowRoot!.activeElement === a).to.equal(true);
      const ring = getComputedStyle(a, '::after');
      expect(ring.outlineStyle).to.equal('solid');
      expect(parseFloat(ring.outlineWidth)).to.be.at.least(2);
    });

    it('cards without images have no image box', async () => {
      const el = await fixture<NewsRelated>(html`<news-related variant="cards" items=${json(relatedTextOnly)}></news-related>`);
      expect(parts(el, 'image')).to.have.length(0);
      expect($$(el, '.frame')).to.have.length(0);
      expect(links(el)).to.have.length(3);
      await expect(el).to.be.accessible();
    });

    it('a broken image is left out, its card stays, one warning names it', async () => {
      const items = [{ ...related[0]!, image: '/test/assets/does-not-exist.jpg' }, related[1]!];
      const el = await fixture<NewsRelated>(html`<news-related variant="cards" items=${json(items)}></news-related>`);
      await waitUntil(() => parts(el, 'image').length === 1, 'broken image not removed', { timeout: 5000 });
      expect(parts(el, 'card')).to.have.length(2);
      expect($$(el, '.frame')).to.have.length(1);
      expect(links(el)).to.have.length(2);
      expect(warnings).to.deep.equal([
        '[news-related] image "/test/assets/does-not-exist.jpg" failed to load; showing its card without it.',
      ]);
      await expect(el).to.be.accessible();
    });

    it('200 cards and a 400-character unbreakable headline stay inside a narrow container', async () => {
      const items = [{ ...related[0]!, headline: hugeHeadline, section: hugeHeadline }, ...many(199)];
      const wrapper = await fixture(html`<div style="inline-size: 300px">
        <news-related variant="cards" items=${json(items)}></news-related>
      </div>`);
      const el = wrapper.querySelector('news-related')!;
      await el.updateComplete;
      expect(parts(el, 'card')).to.have.length(200);
      expect(el.scrollWidth).to.be.at.most(300);
      const first = parts(el, 'card')[0]!.getBoundingClientRect();
      expect(first.width).to.be.at.most(300);
    });
  });

  describe('inline', () => {
    it('is one line: the label and the first item’s headline link, no heading, no landmark', async () => {
      const el = await fixture<NewsRelated>(html`<news-related variant="inline" items=${json(related)}></news-related>`);
      const line = parts(el, 'inline')[0]!;
      expect(line.localName).to.equal('p');
      expect(line.textContent!.replace(/\s+/g, ' ').trim()).to.equal(`Read also: ${related[0]!.headline}`);
      expect(parts(el, 'label')[0]!.textContent).to.equal('Read also');
      expect(links(el)).to.deep.equal([[related[0]!.headline, related[0]!.url]]);
      expect($$(el, 'section, aside, nav, h2, h3, h4, h5, h6, [role]')).to.have.length(0);
      await expect(el).to.be.accessible();
    });

    it('label sets the label; the default label and punctuation follow the language', async () => {
      const el = await fixture<NewsRelated>(html`<news-related variant="inline" label="Read more" items=${json(related)}></news-related>`);
      expect(parts(el, 'label')[0]!.textContent).to.equal('Read more');

      const wrapper = await fixture(html`<div lang="fr"><news-related variant="inline" items=${json(related)}></news-related></div>`);
      const fr = wrapper.querySelector('news-related')!;
      await fr.updateComplete;
      expect(parts(fr, 'inline')[0]!.textContent!.replace(/[ \n]+/g, ' ').trim()).to.equal(`À lire aussi\u00a0: ${related[0]!.headline}`);
    });

    it('sits between the paragraphs of a news-article, set off by a rule, taking only its line', async () => {
      const wrapper = await fixture(html`<div style="inline-size: 640px"><news-article headline="Iran warned Russia">
        <p>First paragraph of the story.</p>
        <news-related variant="inline" items=${json(related)}></news-related>
        <p>Second paragraph of the story.</p>
      </news-article></div>`);
      const el = wrapper.querySelector('news-related')!;
      await el.updateComplete;
      const [first, second] = [...wrapper.querySelectorAll('news-article > p')].map((p) => p.getBoundingClientRect());
      const box = el.getBoundingClientRect();
      expect(box.top).to.be.greaterThan(first!.bottom);
      expect(box.bottom).to.be.lessThan(second!.top);
      // One or two lines of text, not a block.
      expect(box.height).to.be.below(100);
      const line = getComputedStyle(parts(el, 'inline')[0]!);
      expect(line.borderLeftStyle).to.equal('solid');
      expect(getComputedStyle(parts(el, 'label')[0]!).textTransform).to.equal('uppercase');
      await expect(wrapper).to.be.accessible();
    });
  });

  describe('light DOM', () => {
    it('a plain list of links is read as the items and drawn by the element; the list itself is not rendered', async () => {
      const el = await fixture<NewsRelated>(html`<news-related variant="cards">${fallback}</news-related>`);
      expect(links(el)).to.deep.equal(fallbackLinks.map((link) => [link.headline, link.url]));
      expect($(el, 'slot')).to.equal(null);
      expect(shown(el.querySelector('ul'))).to.equal(false);
      await expect(el).to.be.accessible();
    });

    it('reads an image and a <time> in a list item', async () => {
      const el = await fixture<NewsRelated>(html`<news-related variant="cards"><ul>
        <li><img src="/test/assets/related/sea.svg" alt="A sail." /><a href="/a">Headline</a>
          <time datetime="2024-04-03">3 April</time></li>
      </ul></news-related>`);
      expect((parts(el, 'image')[0] as HTMLImageElement).getAttribute('alt')).to.equal('A sail.');
      expect((parts(el, 'date')[0] as HTMLTimeElement).dateTime).to.equal('2024-04-03');
    });

    it('follows changes to the light-DOM list', async () => {
      const el = await fixture<NewsRelated>(html`<news-related>${fallback}</news-related>`);
      const li = document.createElement('li');
      li.innerHTML = '<a href="/added">Added later</a>';
      el.querySelector('ul')!.append(li);
      await waitUntil(() => links(el).length === 3, 'added item not shown');
      expect(links(el)[2]).to.deep.equal(['Added later', '/added']);
    });

    it('items win over the light DOM, which stays the fallback', async () => {
      const el = await fixture<NewsRelated>(html`<news-related items=${json(related)}>${fallback}</news-related>`);
      expect(links(el).map(([, href]) => href)).to.deep.equal(related.map((item) => item.url));
      expect(shown(el.querySelector('ul'))).to.equal(false);
    });

    it('malformed items JSON warns once and falls back to the light DOM', async () => {
      const el = await fixture<NewsRelated>(html`<news-related items='[{"headline": "x",'>${fallback}</news-related>`);
      expect(links(el)).to.deep.equal(fallbackLinks.map((link) => [link.headline, link.url]));
      el.requestUpdate();
      await el.updateComplete;
      expect(warnings).to.have.length(1);
      expect(warnings[0]).to.match(/^\[news-related\] attribute "items" is not valid JSON: .+; showing the fallback\.$/);
    });

    it('malformed items JSON with no light DOM renders nothing', async () => {
      const el = await fixture<NewsRelated>(html`<news-related items="{nope"></news-related>`);
      expect(el.getBoundingClientRect().height).to.equal(0);
      expect(warnings).to.have.length(1);
    });
  });

  describe('bad input', () => {
    it('hostile markup is text; javascript:/data: urls are text, not links; skipped items warn once in total', async () => {
      (window as { __pwned?: number }).__pwned = undefined;
      const el = await fixture<NewsRelated>(html`<news-related variant="cards" items=${json(badItems)}></news-related>`);
      await aTimeout(50);
      expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
      expect($$(el, 'img, script')).to.have.length(0);
      expect(links(el)).to.deep.equal([[(badItems[0] as RelatedItem).headline, '/demo/related/a.html']]);
      const text = $$(el, '.headline').map((node) => `${node.localName} ${node.textContent}`);
      expect(text).to.deep.equal([
        `a ${(badItems[0] as RelatedItem).headline}`,
        'span A javascript: link is shown as text',
        'span A data: link is shown as text',
      ]);
      expect($$(el, 'a[href^="javascript"], a[href^="data"]')).to.have.length(0);
      expect(warnings).to.have.length(2);
      expect(warnings[0]).to.equal('[news-related] attribute "items" has 4 items without a headline or a url; skipping them.');
      expect(warnings[1]).to.match(/^\[news-related\] attribute "items" has 2 items whose url is not http\(s\) or relative \("javascript:/);
      el.requestUpdate();
      await el.updateComplete;
      expect(warnings).to.have.length(2);
      await expect(el).to.be.accessible();
    });

    it('an unsafe light-DOM link is shown as text with one warning naming the light-DOM list', async () => {
      const el = await fixture<NewsRelated>(html`<news-related><ul>
        <li><a href="javascript:alert(1)">Script link</a></li>
        <li><a href="/safe">Safe link</a></li>
      </ul></news-related>`);
      expect(links(el)).to.deep.equal([['Safe link', '/safe']]);
      expect($(el, 'span.headline')!.textContent).to.equal('Script link');
      expect(warnings).to.have.length(1);
      expect(warnings[0]).to.match(/^\[news-related\] the light-DOM list has 1 item whose url is not http\(s\)/);
    });

    it('200 list items and a huge headline do not overflow', async () => {
      const wrapper = await fixture(html`<div style="inline-size: 320px">
        <news-related items=${json([{ headline: hugeHeadline, url: '/h' }, ...many(199)])}></news-related>
      </div>`);
      const el = wrapper.querySelector('news-related')!;
      await el.updateComplete;
      expect(parts(el, 'item')).to.have.length(200);
      expect(el.scrollWidth).to.be.at.most(320);
      await expect(el).to.be.accessible();
    });
  });

  describe('RTL', () => {
    it('Persian: localized heading, Persian dates, and the layout mirrors (logical properties)', async () => {
      const wrapper = await fixture(html`<div lang="fa" dir="rtl" style="inline-size: 640px">
        <news-related variant="cards" items=${json(persian)}></news-related>
        <news-related variant="inline" items=${json(persian)}></news-related>
      </div>`);
      const [cards, inline] = [...wrapper.querySelectorAll('news-related')];
      await cards!.updateComplete;
      await inline!.updateComplete;
      expect($(cards!, 'h2')!.textContent).to.equal('مطالب مرتبط');
      expect(parts(cards!, 'date')[0]!.textContent).to.match(/[۰-۹]/);
      expect(parts(inline!, 'label')[0]!.textContent).to.equal('این را هم بخوانید');
      const line = getComputedStyle(parts(inline!, 'inline')[0]!);
      expect(line.borderRightStyle).to.equal('solid');
      expect(line.borderLeftStyle).to.equal('none');
      // The first card sits at the right edge in RTL.
      const grid = $(cards!, 'ul')!.getBoundingClientRect();
      const first = parts(cards!, 'card')[0]!.getBoundingClientRect();
      expect(Math.round(first.right)).to.equal(Math.round(grid.right));
      await expect(wrapper).to.be.accessible();
    });
  });

  describe('src', () => {
    it('fetches our list, shows it and fires news-related-loaded (bubbles, composed) with the items', async () => {
      const { el, event } = await loadedFixture(
        (onLoaded) => html`<news-related src=${listUrl} @news-related-loaded=${onLoaded}>${fallback}</news-related>`,
      );
      expect(event.bubbles && event.composed).to.equal(true);
      expect(event.detail.items).to.deep.equal(related);
      expect(links(el)).to.deep.equal(related.map((item) => [item.headline, item.url]));
      expect(shown(el.querySelector('ul'))).to.equal(false);
      expect($(el, '[aria-busy]')).to.equal(null);
      expect(warnings.join('\n')).to.equal('');
      await expect(el).to.be.accessible();
    });

    it('the event carries every item; max limits only what is shown', async () => {
      const { el, event } = await loadedFixture(
        (onLoaded) => html`<news-related max="1" src=${listUrl} @news-related-loaded=${onLoaded}></news-related>`,
      );
      expect(event.detail.items).to.have.length(3);
      expect(parts(el, 'item')).to.have.length(1);
    });

    it('while loading: aria-busy, space reserved, the fallback still shown', async () => {
      const el = await fixture<NewsRelated>(html`<news-related src="/test-api/related/slow?ms=1500">${fallback}</news-related>`);
      const busy = $(el, '[aria-busy="true"]');
      expect(busy).to.not.equal(null);
      expect(el.getBoundingClientRect().height).to.be.at.least(12 * 16 - 1);
      expect(fallbackShown(el)).to.equal(true);
      await expect(el).to.be.accessible();
      await oneEvent(el, 'news-related-loaded');
      await el.updateComplete;
      expect($(el, '[aria-busy]')).to.equal(null);
      expect(links(el)).to.have.length(3);
    });

    it('while loading with no fallback: an empty busy box that holds the space; inline holds a line', async () => {
      const el = await fixture<NewsRelated>(html`<news-related src="/test-api/related/slow?ms=1500"></news-related>`);
      expect(el.getBoundingClientRect().height).to.be.at.least(12 * 16 - 1);
      await expect(el).to.be.accessible();
      const inline = await fixture<NewsRelated>(html`<news-related variant="inline" src="/test-api/related/slow?ms=1500"></news-related>`);
      const height = inline.getBoundingClientRect().height;
      expect(height).to.be.greaterThan(10);
      expect(height).to.be.below(60);
    });

    const failures: Array<[string, string, RegExp]> = [
      ['a 404', missingUrl, /\(HTTP 404\)/],
      ['a 500', '/test-api/related/error', /\(HTTP 500\)/],
      ['an answer that is not JSON', '/test-api/related/not-json', /\(the answer is not JSON\)/],
      ['JSON that is not a list', '/test-api/related/not-list', /\(the answer is not a list of items\)/],
      ['a network error', 'http://127.0.0.1:9/related.json', /could not be loaded from "http:\/\/127\.0\.0\.1:9\/related\.json" \(.+\)/],
    ];
    for (const [name, src, reason] of failures) {
      it(`${name}: keeps the light-DOM fallback and warns once naming "src"`, async () => {
        let fired = false;
        const el = await fixture<NewsRelated>(html`<news-related src=${src} @news-related-loaded=${() => (fired = true)}>
          ${fallback}
        </news-related>`);
        const warning = await srcWarning();
        await el.updateComplete;
        expect(warning).to.match(/^\[news-related\] attribute "src" could not be loaded from /);
        expect(warning).to.match(reason);
        expect(warning).to.match(/; showing the fallback\.$/);
        expect(warnings, warnings.join('\n')).to.have.length(1);
        expect(fired).to.equal(false);
        expect(links(el)).to.deep.equal(fallbackLinks.map((link) => [link.headline, link.url]));
        expect($(el, '[aria-busy]')).to.equal(null);
        await expect(el).to.be.accessible();
      });
    }

    it('a 404 with a light-DOM fallback that has no links shows that fallback', async () => {
      const el = await fixture<NewsRelated>(html`<news-related src=${missingUrl}><p>See our <a href="/latest">latest news</a>.</p></news-related>`);
      await srcWarning();
      await el.updateComplete;
      expect($(el, 'slot')).to.not.equal(null);
      expect(shown(el.querySelector('p'))).to.equal(true);
    });

    it('times out after `timeout` ms, aborts the request, keeps the fallback', async () => {
      const id = `timeout-${Math.random()}`;
      const el = await fixture<NewsRelated>(html`<news-related timeout="200" src="/test-api/related/slow?ms=5000&id=${id}">
        ${fallback}
      </news-related>`);
      const warning = await srcWarning();
      expect(warning).to.contain('(no answer within 200 ms)');
      expect(fallbackShown(el)).to.equal(true);
      await waitUntil(async () => (await (await fetch(`/test-api/related/seen?id=${id}`)).json()).state === 'aborted', 'not aborted');
    });

    it('a timeout beyond what setTimeout holds (2^31 - 1 ms) does not give up at once', async () => {
      const el = await fixture<NewsRelated>(html`<news-related timeout="9999999999" src="/test-api/related/slow?ms=50"></news-related>`);
      await oneEvent(el, 'news-related-loaded');
      expect(warnings).to.deep.equal([]);
    });

    it('a new src aborts the request in flight and loads the new one, without a warning', async () => {
      const id = `change-${Math.random()}`;
      const el = await fixture<NewsRelated>(html`<news-related src="/test-api/related/slow?ms=5000&id=${id}"></news-related>`);
      await aTimeout(100);
      el.src = '/test-api/related/wordpress';
      await oneEvent(el, 'news-related-loaded');
      await el.updateComplete;
      expect(links(el)).to.deep.equal([['REST API Client Fixture: Post', 'http://example.org/?p=4']]);
      await waitUntil(async () => (await (await fetch(`/test-api/related/seen?id=${id}`)).json()).state === 'aborted', 'not aborted');
      expect(warnings).to.deep.equal([]);
    });

    it('leaving the page aborts the request; coming back loads again', async () => {
      const id = `leave-${Math.random()}`;
      const wrapper = await fixture(html`<div><news-related src="/test-api/related/slow?ms=800&id=${id}"></news-related></div>`);
      const el = wrapper.querySelector('news-related')!;
      await aTimeout(100);
      el.remove();
      await waitUntil(async () => (await (await fetch(`/test-api/related/seen?id=${id}`)).json()).state === 'aborted', 'not aborted');
      expect(warnings).to.deep.equal([]);
      const loaded = oneEvent(el, 'news-related-loaded');
      wrapper.append(el);
      await loaded;
      await el.updateComplete;
      expect(links(el)).to.have.length(3);
    });

    it('removing src stops loading and shows the fallback', async () => {
      const el = await fixture<NewsRelated>(html`<news-related src="/test-api/related/slow?ms=3000">${fallback}</news-related>`);
      el.removeAttribute('src');
      await el.updateComplete;
      expect($(el, '[aria-busy]')).to.equal(null);
      expect(fallbackShown(el)).to.equal(true);
    });

    it('items from src with problems warn once, naming src', async () => {
      const { el } = await loadedFixture(
        (onLoaded) => html`<news-related src="/test/assets/related/bad.json" @news-related-loaded=${onLoaded}></news-related>`,
      );
      expect(await (await fetch('/test/assets/related/bad.json')).json()).to.deep.equal(badItems);
      expect(links(el)).to.have.length(1);
      expect(warnings).to.have.length(2);
      expect(warnings[0]).to.equal(
        '[news-related] attribute "src" ("/test/assets/related/bad.json") has 4 items without a headline or a url; skipping them.',
      );
    });
  });

  describe('WordPress REST, served over HTTP', () => {
    it('WordPress’s own posts fixture: title, link and date_gmt', async () => {
      const { el, event } = await loadedFixture(
        (onLoaded) => html`<news-related variant="cards" src="/test-api/related/wordpress" @news-related-loaded=${onLoaded}></news-related>`,
      );
      expect(event.detail.items).to.deep.equal([
        {
          headline: 'REST API Client Fixture: Post',
          url: 'http://example.org/?p=4',
          published: '2017-02-14T00:00:00Z',
          dek: 'REST API Client Fixture: Post',
        },
      ]);
      expect(links(el)).to.deep.equal([['REST API Client Fixture: Post', 'http://example.org/?p=4']]);
      expect((parts(el, 'date')[0] as HTMLTimeElement).dateTime).to.equal('2017-02-14T00:00:00Z');
      expect(parts(el, 'date')[0]!.textContent).to.equal('February 14, 2017');
      await expect(el).to.be.accessible();
    });

    it('a real /wp/v2/posts?_embed answer (WordPress 6.1): decoded titles, featured image, category, excerpt', async () => {
      const response = await fetch('/test-api/related/wordpress-embed');
      expect(response.headers.get('x-wp-totalpages')).to.equal('1');
      const { el, event } = await loadedFixture(
        (onLoaded) => html`<news-related variant="cards" src="/test-api/related/wordpress-embed" @news-related-loaded=${onLoaded}></news-related>`,
      );
      const site = `${location.origin}/test-api/related/wp`;
      const items = event.detail.items as RelatedItem[];
      expect(items.map((item) => [item.headline, item.url, item.section, item.published])).to.deep.equal([
        ['Crocuses bloom early in the city’s parks & gardens, again', `${site}/2024/03/14/crocuses-bloom-early/`, 'Science & Nature', '2024-03-14T09:30:00Z'],
        ['Comments are closed on this story', `${site}/2024/03/12/comments-closed/`, 'Science & Nature', '2024-03-12T08:00:00Z'],
        ['A quiet week at the allotments', `${site}/2024/03/10/quiet-week-allotments/`, 'Uncategorized', '2024-03-10T07:15:00Z'],
      ]);
      expect(items[0]!.dek).to.equal('Gardeners say the mild winter woke the bulbs weeks ahead of time.');
      expect(items.map((item) => item.image ?? null)).to.deep.equal([`${site}/wp-content/uploads/crocus-1200-768x432.jpg`, null, null]);

      // What the reader sees: the <em> of the title is text, the image (medium_large) loads with its alt.
      expect(links(el).map(([text]) => text)).to.deep.equal(items.map((item) => item.headline));
      expect($$(el, 'em')).to.have.length(0);
      const img = parts(el, 'image')[0] as HTMLImageElement;
      expect(img.getAttribute('alt')).to.equal('Purple crocuses in the grass of a city park');
      await waitUntil(() => img.complete && img.naturalWidth > 0, 'featured image did not load', { timeout: 5000 });
      expect(parts(el, 'section').map((node) => node.textContent)).to.deep.equal(['Science & Nature', 'Science & Nature', 'Uncategorized']);
      expect(parts(el, 'date')[0]!.textContent).to.equal('March 14, 2024');
      expect(warnings).to.deep.equal([]);
      await expect(el).to.be.accessible();
    });
  });
});
