import { aTimeout, expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import '../src/components/news-photo/define.js';
import { NewsPhoto } from '../src/components/news-photo/news-photo.js';
import { brokenSrc, crocus, persian, testPhoto } from '../stories/fixtures/news-photo.js';
import { captureWarnings } from './helpers/warnings.js';

const part = <T extends Element = HTMLElement>(el: NewsPhoto, name: string): T | null =>
  el.shadowRoot!.querySelector<T>(`[part~="${name}"]`);

const box = (node: Element) => node.getBoundingClientRect();

/** The `[news-photo]` warnings printed while a test runs. */
const warnings = captureWarnings('news-photo');

async function loaded(img: HTMLImageElement): Promise<void> {
  await waitUntil(() => img.complete && img.naturalWidth > 0, 'image did not load', { timeout: 5000 });
}

async function fallbackShown(el: NewsPhoto): Promise<HTMLElement> {
  await waitUntil(() => part(el, 'fallback'), 'fallback not shown', { timeout: 5000 });
  return part(el, 'fallback')!;
}

describe('news-photo', () => {
  describe('attributes', () => {
    it('passes src, srcset, sizes, alt, width and height to the img, lazy by default', async () => {
      const el = await fixture<NewsPhoto>(html`<news-photo
        src=${testPhoto.src}
        srcset="${testPhoto.src} 1200w"
        sizes="50vw"
        alt=${testPhoto.alt}
        width="1200"
        height="800"
      ></news-photo>`);
      const img = part<HTMLImageElement>(el, 'image')!;
      expect(img.localName).to.equal('img');
      expect(img.getAttribute('src')).to.equal(testPhoto.src);
      expect(img.getAttribute('srcset')).to.equal(`${testPhoto.src} 1200w`);
      expect(img.getAttribute('sizes')).to.equal('50vw');
      expect(img.getAttribute('alt')).to.equal(testPhoto.alt);
      expect(img.getAttribute('width')).to.equal('1200');
      expect(img.getAttribute('height')).to.equal('800');
      expect(img.getAttribute('loading')).to.equal('lazy');
      expect(img.hasAttribute('fetchpriority')).to.equal(false);
      await expect(el).to.be.accessible();
    });

    it('priority loads eagerly with fetchpriority="high"', async () => {
      const el = await fixture<NewsPhoto>(html`<news-photo
        priority
        src=${testPhoto.src}
        alt=${testPhoto.alt}
        width="1200"
        height="800"
      ></news-photo>`);
      const img = part<HTMLImageElement>(el, 'image')!;
      expect(img.getAttribute('loading')).to.equal('eager');
      expect(img.getAttribute('fetchpriority')).to.equal('high');
      await expect(el).to.be.accessible();
    });

    it('loading="eager" is kept without raising the priority; a bad value warns and stays lazy', async () => {
      const eager = await fixture<NewsPhoto>(html`<news-photo loading="eager" src=${testPhoto.src} alt=""></news-photo>`);
      expect(part(eager, 'image')!.getAttribute('loading')).to.equal('eager');
      expect(part(eager, 'image')!.hasAttribute('fetchpriority')).to.equal(false);
      expect(warnings).to.deep.equal([]);

      const bad = await fixture<NewsPhoto>(html`<news-photo loading="soon" src=${testPhoto.src} alt=""></news-photo>`);
      expect(part(bad, 'image')!.getAttribute('loading')).to.equal('lazy');
      expect(warnings).to.have.length(1);
      expect(warnings[0]).to.contain('"loading"');
    });

    it('applies priority and loading to a light-DOM img that lacks them, never over the author\'s', async () => {
      const el = await fixture<NewsPhoto>(html`<news-photo priority>
        <img src=${testPhoto.png} alt=${testPhoto.alt} width="120" height="80" />
      </news-photo>`);
      const img = el.querySelector('img')!;
      expect(img.getAttribute('loading')).to.equal('eager');
      expect(img.getAttribute('fetchpriority')).to.equal('high');
      el.priority = false;
      el.setAttribute('loading', 'lazy');
      await el.updateComplete;
      expect(img.getAttribute('loading')).to.equal('lazy');
      expect(img.hasAttribute('fetchpriority')).to.equal(false);

      const eager = await fixture<NewsPhoto>(html`<news-photo loading="eager"><img src=${testPhoto.png} alt="" /></news-photo>`);
      expect(eager.querySelector('img')!.getAttribute('loading')).to.equal('eager');
      expect(eager.querySelector('img')!.hasAttribute('fetchpriority')).to.equal(false);

      const own = await fixture<NewsPhoto>(html`<news-photo priority>
        <img src=${testPhoto.png} alt="" loading="lazy" fetchpriority="low" />
      </news-photo>`);
      expect(own.querySelector('img')!.getAttribute('loading')).to.equal('lazy');
      expect(own.querySelector('img')!.getAttribute('fetchpriority')).to.equal('low');

      // Without priority or loading, the page's img is left as written.
      const plain = await fixture<NewsPhoto>(html`<news-photo><img src=${testPhoto.png} alt="" /></news-photo>`);
      expect(plain.querySelector('img')!.hasAttribute('loading')).to.equal(false);
      expect(plain.querySelector('img')!.hasAttribute('fetchpriority')).to.equal(false);
    });

    it('ignores a width that is not a positive number, with one warning', async () => {
      const el = await fixture<NewsPhoto>(html`<news-photo src=${testPhoto.src} alt="" width="wide" height="800"></news-photo>`);
      expect(part(el, 'image')!.hasAttribute('width')).to.equal(false);
      expect(part(el, 'frame')!.style.aspectRatio).to.equal('');
      el.requestUpdate();
      await el.updateComplete;
      expect(warnings).to.have.length(1);
      expect(warnings[0]).to.contain('[news-photo] attribute "width"');
    });
  });

  describe('semantics', () => {
    it('renders a figure whose figcaption holds the caption and the credit as separate parts', async () => {
      const el = await fixture<NewsPhoto>(html`<news-photo
        src=${testPhoto.src}
        alt=${crocus.alt}
        width="1200"
        height="800"
        caption=${crocus.caption}
        credit=${crocus.credit}
      ></news-photo>`);
      const figure = part(el, 'figure')!;
      const img = part<HTMLImageElement>(el, 'image')!;
      const figcaption = part(el, 'figcaption')!;
      expect(figure.localName).to.equal('figure');
      expect(figcaption.localName).to.equal('figcaption');
      expect(figcaption.parentElement).to.equal(figure);
      expect(figure.contains(img)).to.equal(true);
      // The image's accessible name is its alt: nothing overrides it.
      expect(img.alt).to.equal(crocus.alt);
      for (const attr of ['role', 'aria-label', 'aria-labelledby', 'aria-hidden']) expect(img.hasAttribute(attr)).to.equal(false);
      expect(part(el, 'caption')!.textContent!.trim()).to.equal(crocus.caption);
      expect(part(el, 'credit')!.textContent!.trim()).to.equal('REUTERS/Maxim Shemetov');
      expect(part(el, 'caption')!.contains(part(el, 'credit'))).to.equal(false);
      await expect(el).to.be.accessible();
    });

    it('renders no figcaption when there is neither caption nor credit', async () => {
      const el = await fixture<NewsPhoto>(html`<news-photo src=${testPhoto.src} alt=${testPhoto.alt} caption="  "></news-photo>`);
      expect(el.shadowRoot!.querySelector('figcaption')).to.equal(null);
      expect(part(el, 'figure')!.localName).to.equal('figure');
      await expect(el).to.be.accessible();
    });

    it('renders a figcaption with only the credit when there is no caption', async () => {
      const el = await fixture<NewsPhoto>(html`<news-photo src=${testPhoto.src} alt=${testPhoto.alt} credit=${crocus.credit}></news-photo>`);
      expect(part(el, 'figcaption')).to.not.equal(null);
      expect(part(el, 'caption')).to.equal(null);
      expect(part(el, 'credit')!.textContent!.trim()).to.equal(crocus.credit);
      await expect(el).to.be.accessible();
    });

    it('styles the caption with the UI font tokens and sets the credit apart', async () => {
      const el = await fixture<NewsPhoto>(html`<news-photo
        style="--news-photo-caption-color: rgb(1, 2, 3); --news-font-size-small: 13px; --news-photo-radius: 9px"
        src=${testPhoto.src}
        alt=${testPhoto.alt}
        caption="Caption"
        credit="Credit"
      ></news-photo>`);
      const figcaption = getComputedStyle(part(el, 'figcaption')!);
      expect(figcaption.color).to.equal('rgb(1, 2, 3)');
      expect(figcaption.fontSize).to.equal('13px');
      expect(getComputedStyle(part(el, 'credit')!).textTransform).to.equal('uppercase');
      expect(getComputedStyle(part(el, 'frame')!).borderTopLeftRadius).to.equal('9px');
    });
  });

  describe('light DOM', () => {
    it('keeps a light-DOM img in the light DOM and slots it into the frame', async () => {
      const el = await fixture<NewsPhoto>(html`<news-photo caption=${crocus.caption} credit=${crocus.credit}>
        <img src=${testPhoto.png} alt=${testPhoto.alt} width="120" height="80" />
      </news-photo>`);
      const img = el.querySelector('img')!;
      expect(img.parentElement).to.equal(el);
      expect(part(el, 'image')).to.equal(null);
      expect(img.assignedSlot).to.not.equal(null);
      expect(part(el, 'frame')!.contains(img.assignedSlot)).to.equal(true);
      await loaded(img);
      expect(box(img).width).to.be.greaterThan(0);
      expect(getComputedStyle(img).visibility).to.equal('visible');
      expect(part(el, 'caption')!.textContent!.trim()).to.equal(crocus.caption);
      await expect(el).to.be.accessible();
    });

    it('reads the light-DOM img size to reserve the aspect ratio', async () => {
      const wrapper = await fixture<HTMLDivElement>(html`<div style="width: 360px">
        <news-photo><img src=${testPhoto.png} alt=${testPhoto.alt} width="120" height="80" /></news-photo>
      </div>`);
      const el = wrapper.querySelector('news-photo')!;
      await el.updateComplete;
      expect(box(part(el, 'frame')!).height).to.be.closeTo(240, 1);
    });

    it('slotted caption and credit take rich text over the attributes', async () => {
      const el = await fixture<NewsPhoto>(html`<news-photo
        src=${testPhoto.src}
        alt=${testPhoto.alt}
        caption="Attribute caption"
        credit="Attribute credit"
      >
        <span slot="caption">Rescuers at <em>Crocus City Hall</em></span>
        <span slot="credit">REUTERS/<b>Maxim Shemetov</b></span>
      </news-photo>`);
      for (const name of ['caption', 'credit']) {
        const slot = part(el, name)!.querySelector('slot')!;
        const [slotted] = slot.assignedElements();
        expect(slotted, name).to.equal(el.querySelector(`[slot="${name}"]`));
        expect(box(slotted!).width, name).to.be.greaterThan(0);
        // The attribute text is the slot's fallback content: not rendered while the slot is filled.
        const range = document.createRange();
        range.selectNodeContents(slot);
        expect(range.getBoundingClientRect().width, name).to.equal(0);
      }
      await expect(el).to.be.accessible();
    });

    it('renders a figcaption for slotted content alone, and follows light-DOM changes', async () => {
      const el = await fixture<NewsPhoto>(html`<news-photo src=${testPhoto.src} alt=${testPhoto.alt}></news-photo>`);
      expect(part(el, 'figcaption')).to.equal(null);
      const caption = document.createElement('span');
      caption.slot = 'caption';
      caption.textContent = 'Added later';
      el.append(caption);
      await waitUntil(() => part(el, 'figcaption'), 'figcaption not rendered');
      expect(part(el, 'caption')!.querySelector('slot')!.assignedElements()).to.deep.equal([caption]);
      await expect(el).to.be.accessible();
    });
  });

  describe('no layout shift', () => {
    it('has its final aspect ratio before the image arrives, at any container width', async () => {
      // A lazy image far below the viewport is never fetched: the box is all there is.
      const wrapper = await fixture<HTMLDivElement>(html`<div style="width: 300px; margin-block-start: 30000px">
        <news-photo src="${testPhoto.src}?never" alt=${testPhoto.alt} width="1200" height="800"></news-photo>
      </div>`);
      const el = wrapper.querySelector('news-photo')!;
      await el.updateComplete;
      const img = part<HTMLImageElement>(el, 'image')!;
      expect(img.naturalWidth).to.equal(0);
      expect(box(el).width).to.be.closeTo(300, 0.5);
      expect(box(part(el, 'frame')!).height).to.be.closeTo(200, 1);
      expect(box(el).height).to.be.closeTo(200, 1);
      wrapper.style.width = '600px';
      expect(box(part(el, 'frame')!).height).to.be.closeTo(400, 1);
      expect(box(img).width).to.be.closeTo(600, 1);
    });

    it('scales a loaded image to the container width', async () => {
      const wrapper = await fixture<HTMLDivElement>(html`<div style="width: 250px">
        <news-photo src=${testPhoto.src} alt=${testPhoto.alt} width="1200" height="800" loading="eager"></news-photo>
      </div>`);
      const el = wrapper.querySelector('news-photo')!;
      await el.updateComplete;
      const img = part<HTMLImageElement>(el, 'image')!;
      await loaded(img);
      expect(box(img).width).to.be.closeTo(250, 1);
      expect(box(img).height).to.be.closeTo(250 * (800 / 1200), 1);
    });
  });

  describe('broken image', () => {
    it('keeps the box and shows a fallback with the alt text, the caption and one warning', async () => {
      const wrapper = await fixture<HTMLDivElement>(html`<div style="width: 420px">
        <news-photo
          src=${brokenSrc}
          alt=${testPhoto.alt}
          width="1200"
          height="800"
          loading="eager"
          caption=${crocus.caption}
          expandable
        ></news-photo>
      </div>`);
      const el = wrapper.querySelector('news-photo')!;
      const fallback = await fallbackShown(el);
      expect(fallback.textContent).to.contain('Image unavailable');
      expect(fallback.textContent).to.contain(testPhoto.alt);
      expect(box(part(el, 'frame')!).height).to.be.closeTo(280, 1);
      expect(box(fallback).height).to.be.closeTo(280, 1);
      // The browser's broken image (icon, alt text) is never painted.
      expect(getComputedStyle(part(el, 'image')!).visibility).to.equal('hidden');
      expect(part(el, 'caption')!.textContent!.trim()).to.equal(crocus.caption);
      // Nothing to expand.
      expect(part(el, 'expand-button')).to.equal(null);
      el.requestUpdate();
      await el.updateComplete;
      await aTimeout(50);
      expect(warnings).to.have.length(1);
      expect(warnings[0]).to.contain('[news-photo]').and.contain('does-not-exist.jpg');
      await expect(el).to.be.accessible();
    });

    it('localizes the fallback', async () => {
      const wrapper = await fixture<HTMLDivElement>(html`<div lang="fa" dir="rtl">
        <news-photo src=${brokenSrc} alt=${persian.alt} loading="eager"></news-photo>
      </div>`);
      const el = wrapper.querySelector('news-photo')!;
      const fallback = await fallbackShown(el);
      expect(fallback.textContent).to.contain('تصویر در دسترس نیست');
      expect(fallback.textContent).to.contain(persian.alt);
      // No ratio known: the fallback still gets room.
      expect(box(part(el, 'frame')!).height).to.be.greaterThan(100);
      await expect(el).to.be.accessible();
    });

    it('shows no alt text for a decorative image and hides the fallback from assistive technology', async () => {
      const el = await fixture<NewsPhoto>(html`<news-photo src=${brokenSrc} alt="" width="1200" height="800" loading="eager"></news-photo>`);
      const fallback = await fallbackShown(el);
      expect(fallback.textContent!.trim()).to.equal('Image unavailable');
      expect(fallback.getAttribute('aria-hidden')).to.equal('true');
      await expect(el).to.be.accessible();
    });

    it('shows the fallback for a light-DOM img that fails', async () => {
      const el = await fixture<NewsPhoto>(html`<news-photo caption="Caption">
        <img src="${brokenSrc}?light" alt=${testPhoto.alt} width="1200" height="800" />
      </news-photo>`);
      const fallback = await fallbackShown(el);
      expect(fallback.textContent).to.contain(testPhoto.alt);
      expect(getComputedStyle(el.querySelector('img')!).visibility).to.equal('hidden');
      expect(warnings).to.have.length(1);
      expect(warnings[0]).to.contain('does-not-exist.jpg?light');
      await expect(el).to.be.accessible();
    });

    it('shows the fallback for a light-DOM img that had already failed', async () => {
      const holder = await fixture<HTMLDivElement>(html`<div>
        <img src="${brokenSrc}?before" alt=${testPhoto.alt} width="1200" height="800" />
      </div>`);
      const img = holder.querySelector('img')!;
      await waitUntil(() => img.complete, 'image did not fail', { timeout: 5000 });
      expect(img.naturalWidth).to.equal(0);
      const el = document.createElement('news-photo');
      el.append(img);
      holder.append(el);
      const fallback = await fallbackShown(el);
      expect(fallback.textContent).to.contain(testPhoto.alt);
      expect(warnings).to.have.length(1);
      expect(warnings[0]).to.contain('does-not-exist.jpg?before');
    });

    it('recovers when src changes to a good URL, and warns again for a new bad one', async () => {
      const el = await fixture<NewsPhoto>(html`<news-photo src=${brokenSrc} alt=${testPhoto.alt} width="1200" height="800"></news-photo>`);
      await fallbackShown(el);
      el.src = testPhoto.src;
      await el.updateComplete;
      const img = part<HTMLImageElement>(el, 'image')!;
      await loaded(img);
      await el.updateComplete;
      expect(part(el, 'fallback')).to.equal(null);
      expect(getComputedStyle(img).visibility).to.equal('visible');
      expect(warnings).to.have.length(1);

      el.src = `${brokenSrc}?again`;
      await fallbackShown(el);
      expect(warnings).to.have.length(2);
      expect(warnings[1]).to.contain('does-not-exist.jpg?again');
    });

    it('recovers when a light-DOM img gets a good src', async () => {
      const el = await fixture<NewsPhoto>(html`<news-photo>
        <img src="${brokenSrc}?light-recover" alt=${testPhoto.alt} width="1200" height="800" />
      </news-photo>`);
      await fallbackShown(el);
      const img = el.querySelector('img')!;
      img.src = testPhoto.png;
      await loaded(img);
      await waitUntil(() => !part(el, 'fallback'), 'fallback still shown');
      expect(getComputedStyle(img).visibility).to.equal('visible');
    });
  });

  describe('alt', () => {
    it('warns once when alt is missing', async () => {
      const el = await fixture<NewsPhoto>(html`<news-photo src=${testPhoto.src}></news-photo>`);
      el.caption = 'A re-render';
      await el.updateComplete;
      expect(warnings).to.have.length(1);
      expect(warnings[0]).to.contain('[news-photo] attribute "alt" is missing');
    });

    it('warns when a light-DOM img has no alt', async () => {
      await fixture<NewsPhoto>(html`<news-photo><img src=${testPhoto.png} width="120" height="80" /></news-photo>`);
      expect(warnings).to.have.length(1);
      expect(warnings[0]).to.contain('"alt"');
    });

    it('gives a light-DOM img without alt the element\'s alt, and follows it', async () => {
      const el = await fixture<NewsPhoto>(html`<news-photo alt=${testPhoto.alt}>
        <img src=${testPhoto.png} width="120" height="80" />
      </news-photo>`);
      const img = el.querySelector('img')!;
      expect(img.getAttribute('alt')).to.equal(testPhoto.alt);
      expect(warnings).to.deep.equal([]);
      await expect(el).to.be.accessible();

      el.alt = 'Another description';
      await el.updateComplete;
      expect(img.getAttribute('alt')).to.equal('Another description');
      el.alt = null;
      await el.updateComplete;
      expect(img.hasAttribute('alt')).to.equal(false);
      await waitUntil(() => warnings.length === 1, 'no warning once both have no alt');
      expect(warnings[0]).to.contain('"alt"');
    });

    it('never overwrites an alt the author put on the light-DOM img', async () => {
      const el = await fixture<NewsPhoto>(html`<news-photo alt="Element alt">
        <img src=${testPhoto.png} alt="Image alt" width="120" height="80" />
      </news-photo>`);
      const img = el.querySelector('img')!;
      expect(img.getAttribute('alt')).to.equal('Image alt');
      el.alt = 'Changed';
      await el.updateComplete;
      expect(img.getAttribute('alt')).to.equal('Image alt');
      // An author's decorative alt="" wins as well.
      const decorative = await fixture<NewsPhoto>(html`<news-photo alt="Element alt"><img src=${testPhoto.png} alt="" /></news-photo>`);
      expect(decorative.querySelector('img')!.getAttribute('alt')).to.equal('');
    });

    it('does not warn for alt="" (a decorative image)', async () => {
      const el = await fixture<NewsPhoto>(html`<news-photo src=${testPhoto.src} alt=""></news-photo>`);
      expect(part(el, 'image')!.getAttribute('alt')).to.equal('');
      await fixture(html`<news-photo><img src=${testPhoto.png} alt="" /></news-photo>`);
      expect(warnings).to.deep.equal([]);
      await expect(el).to.be.accessible();
    });
  });

  describe('expandable', () => {
    async function expandable(): Promise<NewsPhoto> {
      return fixture<NewsPhoto>(html`<news-photo
        expandable
        src=${testPhoto.src}
        alt=${testPhoto.alt}
        width="1200"
        height="800"
        caption=${crocus.caption}
        credit=${crocus.credit}
      ></news-photo>`);
    }

    it('has no button or dialog unless expandable', async () => {
      const el = await fixture<NewsPhoto>(html`<news-photo src=${testPhoto.src} alt=${testPhoto.alt}></news-photo>`);
      expect(part(el, 'expand-button')).to.equal(null);
      expect(el.shadowRoot!.querySelector('dialog')).to.equal(null);
    });

    it('has a localized, large enough, visibly focused expand button', async () => {
      const wrapper = await fixture<HTMLDivElement>(html`<div>
        <button id="before">Before</button>
        <news-photo expandable src=${testPhoto.src} alt=${testPhoto.alt} width="1200" height="800"></news-photo>
      </div>`);
      const el = wrapper.querySelector('news-photo')!;
      await el.updateComplete;
      const button = part<HTMLButtonElement>(el, 'expand-button')!;
      expect(button.localName).to.equal('button');
      expect(button.getAttribute('aria-label')).to.equal('View full image');
      expect(box(button).width).to.be.at.least(44);
      expect(box(button).height).to.be.at.least(44);
      wrapper.querySelector<HTMLButtonElement>('#before')!.focus();
      await sendKeys({ press: 'Tab' });
      expect(el.shadowRoot!.activeElement).to.equal(button);
      expect(getComputedStyle(button).outlineStyle).to.equal('solid');
      await expect(el).to.be.accessible();
    });

    it('opens the full image with its caption in a modal dialog; the Close button closes it and focus returns', async () => {
      const el = await expandable();
      const button = part<HTMLButtonElement>(el, 'expand-button')!;
      button.click();
      const dialog = el.shadowRoot!.querySelector('dialog')!;
      await waitUntil(() => dialog.open, 'dialog did not open');
      expect(dialog.matches(':modal')).to.equal(true);
      await el.updateComplete;
      const image = part<HTMLImageElement>(el, 'dialog-image')!;
      expect(image.getAttribute('src')).to.equal(testPhoto.src);
      expect(image.alt).to.equal(testPhoto.alt);
      const labelledBy = el.shadowRoot!.getElementById(dialog.getAttribute('aria-labelledby')!)!;
      expect(labelledBy.textContent!.trim()).to.equal(crocus.caption);
      expect(part(el, 'dialog-caption')!.textContent).to.contain(crocus.credit);
      const close = part<HTMLButtonElement>(el, 'close-button')!;
      expect(close.textContent!.trim()).to.equal('Close');
      await expect(el).to.be.accessible();

      close.click();
      await waitUntil(() => !dialog.open, 'dialog did not close');
      // The close event (and our focus call) comes a task after close().
      await waitUntil(() => el.shadowRoot!.activeElement === button, 'focus did not return to the button');
      await el.updateComplete;
      expect(part(el, 'dialog-image')).to.equal(null);
    });

    it('opens from the keyboard, closes with Escape and returns focus to the button', async () => {
      const el = await expandable();
      const button = part<HTMLButtonElement>(el, 'expand-button')!;
      button.focus();
      await sendKeys({ press: 'Enter' });
      const dialog = el.shadowRoot!.querySelector('dialog')!;
      await waitUntil(() => dialog.open, 'dialog did not open');
      await waitUntil(() => el.shadowRoot!.activeElement === part(el, 'close-button'), 'focus not in the dialog');
      await sendKeys({ press: 'Escape' });
      await waitUntil(() => !dialog.open, 'Escape did not close the dialog');
      await waitUntil(() => el.shadowRoot!.activeElement === button, 'focus did not return to the button');
    });

    it('names the dialog by the alt without a caption, uses srcset at full width and paints the backdrop token', async () => {
      const el = await fixture<NewsPhoto>(html`<news-photo
        expandable
        style="--news-photo-backdrop: rgb(10, 20, 30)"
        src=${testPhoto.src}
        srcset="${testPhoto.src} 1200w"
        alt=${testPhoto.alt}
      ></news-photo>`);
      part<HTMLButtonElement>(el, 'expand-button')!.click();
      const dialog = el.shadowRoot!.querySelector('dialog')!;
      await waitUntil(() => dialog.open, 'dialog did not open');
      await el.updateComplete;
      expect(dialog.getAttribute('aria-label')).to.equal(testPhoto.alt);
      expect(dialog.hasAttribute('aria-labelledby')).to.equal(false);
      const image = part<HTMLImageElement>(el, 'dialog-image')!;
      expect(image.getAttribute('srcset')).to.equal(`${testPhoto.src} 1200w`);
      expect(image.getAttribute('sizes')).to.equal('100vw');
      expect(getComputedStyle(dialog, '::backdrop').backgroundColor).to.equal('rgb(10, 20, 30)');
      await expect(el).to.be.accessible();
      dialog.close();
    });

    it('closes the dialog with a click on its backdrop, not on its content', async () => {
      const el = await expandable();
      const button = part<HTMLButtonElement>(el, 'expand-button')!;
      button.click();
      const dialog = el.shadowRoot!.querySelector('dialog')!;
      await waitUntil(() => dialog.open, 'dialog did not open');
      await el.updateComplete;
      // A click on the content keeps it open.
      const caption = box(part(el, 'dialog-caption')!);
      await sendMouse({ type: 'click', position: [Math.round(caption.left + 5), Math.round(caption.top + 5)] });
      await aTimeout(50);
      expect(dialog.open).to.equal(true);
      // A point outside the dialog's box is its backdrop: the event's target is the dialog itself.
      const rect = box(dialog);
      expect(rect.top).to.be.greaterThan(4);
      let target: EventTarget | null = null;
      dialog.addEventListener('click', (event) => (target = event.composedPath()[0] ?? null), { once: true });
      await sendMouse({ type: 'click', position: [Math.round(rect.left + rect.width / 2), 2] });
      await waitUntil(() => !dialog.open, 'a backdrop click did not close the dialog');
      expect(target).to.equal(dialog);
      await waitUntil(() => el.shadowRoot!.activeElement === button, 'focus did not return to the button');
    });

    it('closes the dialog when the photo is removed, and is modal again after re-insertion', async () => {
      const el = await expandable();
      const parent = el.parentElement!;
      part<HTMLButtonElement>(el, 'expand-button')!.click();
      const dialog = el.shadowRoot!.querySelector('dialog')!;
      await waitUntil(() => dialog.open, 'dialog did not open');
      el.remove();
      expect(dialog.open).to.equal(false);
      parent.append(el);
      await el.updateComplete;
      await aTimeout(50);
      expect(dialog.open).to.equal(false);
      expect(dialog.hasAttribute('open')).to.equal(false);
      // Focus is not stolen by the late close event.
      expect(el.shadowRoot!.activeElement).to.equal(null);

      part<HTMLButtonElement>(el, 'expand-button')!.click();
      await waitUntil(() => dialog.open, 'dialog did not open again');
      await el.updateComplete;
      expect(dialog.matches(':modal')).to.equal(true);
      expect(part(el, 'dialog-image')).to.not.equal(null);
      await expect(el).to.be.accessible();
      dialog.close();
    });

    it('sizes the dialog with dynamic viewport units in logical axes', () => {
      const css = NewsPhoto.styles
        .flat(Infinity as 1)
        .map((sheet) => String((sheet as { cssText?: string }).cssText ?? ''))
        .join('\n');
      const dialogRules = css.slice(css.indexOf('dialog {'));
      expect(dialogRules).to.not.match(/\d(vw|vh)\b/);
      expect(dialogRules).to.match(/\d+dvi\b/);
      expect(dialogRules).to.match(/\d+dvb\b/);
    });

    it('expands a light-DOM img', async () => {
      const el = await fixture<NewsPhoto>(html`<news-photo expandable caption="Caption">
        <img src=${testPhoto.png} alt=${testPhoto.alt} width="120" height="80" />
      </news-photo>`);
      part<HTMLButtonElement>(el, 'expand-button')!.click();
      const dialog = el.shadowRoot!.querySelector('dialog')!;
      await waitUntil(() => dialog.open, 'dialog did not open');
      await el.updateComplete;
      const image = part<HTMLImageElement>(el, 'dialog-image')!;
      expect(image.src).to.equal(el.querySelector('img')!.src);
      expect(image.alt).to.equal(testPhoto.alt);
      dialog.close();
    });
  });

  describe('right to left', () => {
    it('puts the expand button at the inline end and localizes it in Persian', async () => {
      const wrapper = await fixture<HTMLDivElement>(html`<div dir="rtl" lang="fa" style="width: 400px">
        <news-photo
          expandable
          src=${testPhoto.src}
          alt=${persian.alt}
          width="1200"
          height="800"
          caption=${persian.caption}
          credit=${persian.credit}
        ></news-photo>
      </div>`);
      const el = wrapper.querySelector('news-photo')!;
      await el.updateComplete;
      const button = part(el, 'expand-button')!;
      const frame = box(part(el, 'frame')!);
      expect(button.getAttribute('aria-label')).to.equal('نمایش تصویر کامل');
      expect(box(button).left - frame.left).to.be.lessThan(20);
      expect(box(button).right).to.be.lessThan(frame.left + frame.width / 2);
      await expect(el).to.be.accessible();

      wrapper.dir = 'ltr';
      wrapper.lang = 'en';
      await waitUntil(() => button.getAttribute('aria-label') === 'View full image', 'label did not follow lang');
      expect(frame.right - box(button).right).to.be.lessThan(20);
    });
  });
});
