import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../src/components/news-byline/define.js';
import type { NewsByline } from '../src/components/news-byline/news-byline.js';
import { formatCreditsText, parseCredits } from '../src/core/credits.js';
import {
  authoredCredits,
  hostileCredits,
  lightDomByline,
  linkedCredits,
  manyCredits,
  persianCredits,
  seedBylineEn,
  seedCredits,
  unknownRoleCredits,
} from '../stories/fixtures/news-byline.js';
import { captureWarnings } from './helpers/warnings.js';

const seedJson = JSON.stringify(seedCredits);

/** The rendered byline's text, as a reader sees it ('' when the light DOM is shown instead). */
function bylineText(el: NewsByline): string {
  return el.shadowRoot!.querySelector('[part="byline"]')?.textContent ?? '';
}

function parts(el: NewsByline, part: string): HTMLElement[] {
  return [...el.shadowRoot!.querySelectorAll<HTMLElement>(`[part~="${part}"]`)];
}

/**
 * Whether the shadow root holds a match. Assert on this boolean, not on the element: a failing
 * chai assertion that prints a shadow-DOM element (a <slot>) crashed Chromium's test page here.
 */
function has(el: NewsByline, selector: string): boolean {
  return el.shadowRoot!.querySelector(selector) !== null;
}

/** The light-DOM nodes the default slot shows; none when the rendered credits replace them. */
function slotted(el: NewsByline): Node[] {
  return el.shadowRoot!.querySelector('slot')?.assignedNodes() ?? [];
}

describe('<news-byline>', () => {
  const warnings = captureWarnings('news-byline');
  const bylineWarnings = () => warnings;

  describe('credits', () => {
    it('reads the reference article credits exactly, from the JSON attribute', async () => {
      const el = await fixture<NewsByline>(html`<news-byline credits=${seedJson}></news-byline>`);
      expect(bylineText(el)).to.equal(seedBylineEn);
      expect(el.shadowRoot!.querySelector('p[part="byline"]')).to.exist;
      expect(bylineWarnings()).to.deep.equal([]);
      await expect(el).to.be.accessible();
    });

    it('reads the same from the property (an array)', async () => {
      const el = await fixture<NewsByline>(html`<news-byline .credits=${seedCredits}></news-byline>`);
      expect(bylineText(el)).to.equal(seedBylineEn);
      await expect(el).to.be.accessible();
    });

    it('accepts JSON text through the property too', async () => {
      const el = await fixture<NewsByline>(html`<news-byline></news-byline>`);
      el.credits = seedJson;
      await el.updateComplete;
      expect(bylineText(el)).to.equal(seedBylineEn);
    });

    it('marks groups, labels, names and places as parts', async () => {
      const el = await fixture<NewsByline>(html`<news-byline .credits=${seedCredits}></news-byline>`);
      expect(parts(el, 'group').map((g) => g.textContent)).to.deep.equal([
        'Additional reporting by Nazarali Pirnazarov in Dushanbe, Steve Holland and Jonathan Landay in Washington',
        'Writing by Parisa Hafezi',
        'Editing by Michael Georgy and Gareth Jones',
      ]);
      expect(parts(el, 'label').map((l) => l.textContent)).to.deep.equal([
        'Additional reporting by ',
        'Writing by ',
        'Editing by ',
      ]);
      expect(parts(el, 'name').map((n) => n.textContent)).to.deep.equal(seedCredits.map((c) => c.name));
      expect(parts(el, 'place').map((p) => p.textContent)).to.deep.equal(['Dushanbe', 'Washington']);
      expect(parts(el, 'link')).to.have.length(0);
    });

    it('re-renders when the property changes', async () => {
      const el = await fixture<NewsByline>(html`<news-byline .credits=${seedCredits}></news-byline>`);
      el.credits = [{ name: 'Guy Faulconbridge', location: 'Moscow' }];
      await el.updateComplete;
      expect(bylineText(el)).to.equal('By Guy Faulconbridge in Moscow');
      el.credits = [...seedCredits];
      await el.updateComplete;
      expect(bylineText(el)).to.equal(seedBylineEn);
    });

    it('re-renders when the attribute changes', async () => {
      const el = await fixture<NewsByline>(html`<news-byline credits=${seedJson}></news-byline>`);
      el.setAttribute('credits', JSON.stringify([{ name: 'Parisa Hafezi', role: 'writing' }]));
      await el.updateComplete;
      expect(bylineText(el)).to.equal('Writing by Parisa Hafezi');
      el.removeAttribute('credits');
      await el.updateComplete;
      expect(bylineText(el)).to.equal('');
      expect(el.shadowRoot!.querySelector('slot')).to.exist;
    });

    it('renders 1,000 people', async () => {
      const many = manyCredits(1000);
      const el = await fixture<NewsByline>(html`<news-byline .credits=${many}></news-byline>`);
      expect(parts(el, 'name')).to.have.length(1000);
      expect(bylineText(el)).to.equal(formatCreditsText(parseCredits(many).credits, 'en'));
      expect(bylineText(el).startsWith('By Reporter 1, Reporter 3, ')).to.equal(true);
      await expect(el).to.be.accessible();
    });
  });

  describe('light DOM', () => {
    it('shows the light-DOM text as it is without credits', async () => {
      const el = await fixture<NewsByline>(html`<news-byline><span>${lightDomByline}</span></news-byline>`);
      expect(has(el, '[part="byline"]'), 'rendered byline').to.equal(false);
      expect(slotted(el).map((n) => n.textContent)).to.deep.equal([lightDomByline]);
      expect(el.querySelector('span')!.getClientRects().length).to.be.greaterThan(0);
      await expect(el).to.be.accessible();
    });

    it('keeps the light DOM but shows the rendered credits instead of it', async () => {
      const el = await fixture<NewsByline>(
        html`<news-byline credits=${seedJson}><span>${lightDomByline}</span></news-byline>`,
      );
      expect(el.querySelector('span')!.textContent).to.equal(lightDomByline);
      expect(has(el, 'slot'), 'default slot rendered').to.equal(false);
      expect(el.querySelector('span')!.getClientRects().length).to.equal(0);
      expect(bylineText(el)).to.equal(seedBylineEn);
      await expect(el).to.be.accessible();
    });

    it('falls back to the light DOM when no entry is usable', async () => {
      const el = await fixture<NewsByline>(
        html`<news-byline .credits=${[{ role: 'writing' }, 42]}><span>${lightDomByline}</span></news-byline>`,
      );
      expect(slotted(el).map((n) => n.textContent)).to.deep.equal([lightDomByline]);
      expect(bylineWarnings()).to.have.length(1);
    });
  });

  describe('variant', () => {
    it('defaults to full and reflects the attribute', async () => {
      const el = await fixture<NewsByline>(html`<news-byline></news-byline>`);
      expect(el.variant).to.equal('full');
      expect(el.getAttribute('variant')).to.equal('full');
    });

    it('compact shows only the authors, without places', async () => {
      const el = await fixture<NewsByline>(html`<news-byline variant="compact" .credits=${authoredCredits}></news-byline>`);
      expect(bylineText(el)).to.equal('By Parisa Hafezi, Guy Faulconbridge, and Steve Holland');
      expect(parts(el, 'place')).to.have.length(0);
      await expect(el).to.be.accessible();
    });

    it('compact without authors shows the first role present', async () => {
      const el = await fixture<NewsByline>(html`<news-byline variant="compact" credits=${seedJson}></news-byline>`);
      expect(bylineText(el)).to.equal('Additional reporting by Nazarali Pirnazarov, Steve Holland, and Jonathan Landay');
      await expect(el).to.be.accessible();
    });

    it('switches between full and compact', async () => {
      const el = await fixture<NewsByline>(html`<news-byline .credits=${authoredCredits}></news-byline>`);
      expect(bylineText(el)).to.equal('By Parisa Hafezi in Dubai, Guy Faulconbridge in Moscow, Steve Holland in Washington; Editing by Michael Georgy');
      el.variant = 'compact';
      await el.updateComplete;
      expect(bylineText(el)).to.equal('By Parisa Hafezi, Guy Faulconbridge, and Steve Holland');
    });

    it('warns once about an unknown variant and renders full', async () => {
      const el = await fixture<NewsByline>(html`<news-byline variant="tiny" credits=${seedJson}></news-byline>`);
      expect(bylineText(el)).to.equal(seedBylineEn);
      el.requestUpdate();
      await el.updateComplete;
      expect(bylineWarnings()).to.deep.equal([
        '[news-byline] attribute "variant" must be "full" or "compact", got "tiny"; using "full"',
      ]);
    });
  });

  describe('links', () => {
    it('links names whose url is http(s) or relative, and only those', async () => {
      const el = await fixture<NewsByline>(html`<news-byline .credits=${linkedCredits}></news-byline>`);
      const links = parts(el, 'link') as HTMLAnchorElement[];
      expect(links.map((a) => [a.textContent, a.getAttribute('href')])).to.deep.equal([
        ['Parisa Hafezi', 'https://example.com/journalists/parisa-hafezi'],
        ['Steve Holland', '/journalists/steve-holland'],
      ]);
      expect(links.every((a) => a.closest('[part~="name"]'))).to.equal(true);
      expect(el.shadowRoot!.querySelectorAll('a')).to.have.length(2);
      expect(parts(el, 'name').map((n) => n.textContent)).to.deep.equal([
        'Parisa Hafezi',
        'Steve Holland',
        'Jonathan Landay',
        'Gareth Jones',
      ]);
      await expect(el).to.be.accessible();
    });

    it('warns once about urls that are not http(s), naming the person', async () => {
      const el = await fixture<NewsByline>(html`<news-byline .credits=${linkedCredits}></news-byline>`);
      el.requestUpdate();
      await el.updateComplete;
      const list = bylineWarnings();
      expect(list).to.have.length(1);
      expect(list[0]).to.match(/^\[news-byline\] attribute "credits": 2 urls: "Jonathan Landay" has a url that is not http\(s\)/);
    });

    it('links are reached with Tab, show a focus ring and are underlined', async () => {
      const wrapper = await fixture<HTMLDivElement>(
        html`<div><button>before</button><news-byline .credits=${linkedCredits}></news-byline></div>`,
      );
      const el = wrapper.querySelector('news-byline')!;
      await el.updateComplete; // its language's strings load first
      wrapper.querySelector('button')!.focus();
      await sendKeys({ press: 'Tab' });
      const link = parts(el, 'link')[0] as HTMLAnchorElement;
      expect(el.shadowRoot!.activeElement === link, 'first link focused').to.equal(true);
      expect(getComputedStyle(link).outlineStyle).to.equal('solid');
      expect(getComputedStyle(link).textDecorationLine).to.contain('underline');
      await sendKeys({ press: 'Tab' });
      expect(el.shadowRoot!.activeElement === parts(el, 'link')[1], 'second link focused').to.equal(true);
    });
  });

  describe('bad input', () => {
    it('shows an unknown role as "role: names" and warns once naming it', async () => {
      const el = await fixture<NewsByline>(html`<news-byline .credits=${unknownRoleCredits}></news-byline>`);
      expect(bylineText(el)).to.equal('Writing by Parisa Hafezi; Editing by Michael Georgy; Fact-checking: Sam Torres');
      el.credits = [...unknownRoleCredits];
      await el.updateComplete;
      const list = bylineWarnings();
      expect(list).to.have.length(1);
      expect(list[0]).to.match(/^\[news-byline\] attribute "credits": role "Fact-checking" is not one of/);
      await expect(el).to.be.accessible();
    });

    it('warns once about malformed JSON and shows the light DOM', async () => {
      const el = await fixture<NewsByline>(
        html`<news-byline credits='[{"name": "Parisa Hafezi"'><span>${lightDomByline}</span></news-byline>`,
      );
      expect(bylineText(el)).to.equal('');
      expect(slotted(el).map((n) => n.textContent)).to.deep.equal([lightDomByline]);
      el.requestUpdate();
      await el.updateComplete;
      el.variant = 'compact';
      await el.updateComplete;
      const list = bylineWarnings();
      expect(list).to.have.length(1);
      expect(list[0]!.startsWith('[news-byline] attribute "credits" is not valid JSON: ')).to.equal(true);
      await expect(el).to.be.accessible();
    });

    it('warns again for a different malformed value, not for the same one', async () => {
      const el = await fixture<NewsByline>(html`<news-byline credits="{"></news-byline>`);
      el.setAttribute('credits', '[1,');
      await el.updateComplete;
      expect(bylineWarnings()).to.have.length(2);
      el.setAttribute('credits', seedJson);
      await el.updateComplete;
      el.setAttribute('credits', '[1,');
      await el.updateComplete;
      expect(bylineWarnings()).to.have.length(2);
    });

    it('recovers when malformed JSON is replaced by valid credits', async () => {
      const el = await fixture<NewsByline>(html`<news-byline credits="not json"></news-byline>`);
      el.setAttribute('credits', seedJson);
      await el.updateComplete;
      expect(bylineText(el)).to.equal(seedBylineEn);
    });

    it('warns about JSON that is not an array and shows the light DOM', async () => {
      const el = await fixture<NewsByline>(
        html`<news-byline credits='{"name":"Parisa Hafezi"}'><span>${lightDomByline}</span></news-byline>`,
      );
      expect(slotted(el).map((n) => n.textContent)).to.deep.equal([lightDomByline]);
      expect(bylineWarnings()).to.deep.equal([
        '[news-byline] attribute "credits" must be an array of { name, role?, location?, url? }, got an object; showing the light-DOM content instead',
      ]);
    });

    it('skips bad entries with one warning and shows the rest', async () => {
      const credits = [
        { name: 'Parisa Hafezi' },
        { role: 'editing' },
        { name: 42 },
        { name: 'Gareth Jones', location: { city: 'London' } },
        null,
        { name: 'Michael Georgy', role: 'editing' },
      ];
      const el = await fixture<NewsByline>(html`<news-byline .credits=${credits}></news-byline>`);
      expect(bylineText(el)).to.equal('By Parisa Hafezi; Editing by Michael Georgy');
      const list = bylineWarnings();
      expect(list).to.have.length(1);
      expect(list[0]).to.match(/^\[news-byline\] attribute "credits": skipped 4 entries: entry 1 has no "name"; /);
      expect(list[0]).to.contain('(and 1 more)');
    });

    it('shows names and places that look like HTML as text', async () => {
      const el = await fixture<NewsByline>(html`<news-byline .credits=${hostileCredits}></news-byline>`);
      expect(has(el, 'img, b, script'), 'elements from names').to.equal(false);
      expect(parts(el, 'name').map((n) => n.textContent)).to.deep.equal(hostileCredits.map((c) => c.name));
      expect(parts(el, 'place')[0]!.textContent).to.equal(hostileCredits[1]!.location);
      expect((window as { __bylineXss?: boolean }).__bylineXss).to.equal(undefined);
      await expect(el).to.be.accessible();
    });
  });

  describe('language', () => {
    it('takes the language of an ancestor', async () => {
      const wrapper = await fixture<HTMLDivElement>(html`<div lang="de"><news-byline credits=${seedJson}></news-byline></div>`);
      const el = wrapper.querySelector('news-byline')!;
      await el.updateComplete; // its language's strings load first
      expect(bylineText(el)).to.equal(
        'Zusätzliche Berichterstattung: Nazarali Pirnazarov in Dushanbe, Steve Holland und Jonathan Landay in Washington; ' +
          'Text: Parisa Hafezi; Redaktion: Michael Georgy und Gareth Jones',
      );
      await expect(el).to.be.accessible();
    });

    it('follows a change of the ancestor language', async () => {
      const wrapper = await fixture<HTMLDivElement>(html`<div lang="de"><news-byline credits=${seedJson}></news-byline></div>`);
      const el = wrapper.querySelector('news-byline')!;
      await el.updateComplete; // its language's strings load first
      wrapper.lang = 'es';
      await waitUntil(() => bylineText(el).startsWith('Información adicional de '), 'byline did not switch to Spanish');
      expect(bylineText(el)).to.equal(formatCreditsText(parseCredits(seedCredits).credits, 'es'));
    });

    it('reads Persian right to left with Persian list separators', async () => {
      const wrapper = await fixture<HTMLDivElement>(
        html`<div lang="fa" dir="rtl"><news-byline .credits=${persianCredits}></news-byline></div>`,
      );
      const el = wrapper.querySelector('news-byline')!;
      await el.updateComplete; // its language's strings load first
      const expected =
        'گزارش تکمیلی از نظرعلی پیرنظروف در دوشنبه و استیو هالند و جاناتان لندی در واشنگتن؛ ' +
        'نگارش پریسا حافظی؛ ویرایش مایکل جورجی و گرت جونز';
      expect(bylineText(el)).to.equal(expected);
      expect(getComputedStyle(el.shadowRoot!.querySelector('[part="byline"]')!).direction).to.equal('rtl');
      await expect(el).to.be.accessible();
    });

    it('uses the Persian comma between three names', async () => {
      const three = [{ name: 'الف' }, { name: 'ب' }, { name: 'پ' }];
      const el = await fixture<NewsByline>(html`<news-byline lang="fa" dir="rtl" .credits=${three}></news-byline>`);
      expect(bylineText(el)).to.equal('نوشتهٔ الف،\u200f ب، و پ');
      await expect(el).to.be.accessible();
    });
  });

  describe('styles', () => {
    it('uses the UI font and the byline colour token', async () => {
      const wrapper = await fixture<HTMLDivElement>(
        html`<div style="--news-byline-color: rgb(1, 2, 3)"><news-byline credits=${seedJson}></news-byline></div>`,
      );
      const el = wrapper.querySelector('news-byline')!;
      await el.updateComplete; // its language's strings load first
      expect(getComputedStyle(el).color).to.equal('rgb(1, 2, 3)');
      expect(getComputedStyle(el).fontFamily).to.contain('system-ui');
    });

    it('isolates each name and place, so a Latin name keeps its direction in a Persian byline', async () => {
      const el = await fixture<NewsByline>(
        html`<news-byline lang="fa" dir="rtl" .credits=${[{ name: 'Steve Holland', location: 'Washington, D.C.' }]}></news-byline>`,
      );
      expect(getComputedStyle(parts(el, 'name')[0]!).unicodeBidi).to.equal('isolate');
      expect(getComputedStyle(parts(el, 'place')[0]!).unicodeBidi).to.equal('isolate');
    });

    it('wraps a very long name inside a narrow column', async () => {
      const wrapper = await fixture<HTMLDivElement>(
        html`<div style="inline-size: 8rem"><news-byline .credits=${[{ name: 'W'.repeat(200) }]}></news-byline></div>`,
      );
      const el = wrapper.querySelector('news-byline')!;
      await el.updateComplete; // its language's strings load first
      expect(el.scrollWidth).to.be.at.most(el.clientWidth);
    });
  });
});
