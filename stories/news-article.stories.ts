import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing, type TemplateResult } from 'lit';
import { expect, waitFor } from 'storybook/test';
import '../src/components/news-article/define.js';
import '../src/components/news-photo/define.js';
import '../src/components/news-byline/define.js';
import {
  persianArticle,
  referenceArticle,
  referenceExcerpt,
  sampleDek,
  type ArticleBlock,
  type ArticleFixture,
} from './fixtures/news-article.js';
import { persianCredits, seedCredits } from './fixtures/news-byline.js';
import { crocus, persian as persianPhoto } from './fixtures/news-photo.js';
import { darkTheme } from './fixtures/themes.js';

type ArticleArgs = Pick<ArticleFixture, 'section' | 'kicker' | 'headline' | 'dek' | 'published' | 'updated'>;

/** The hero photo in the `media` slot: the reference image with the given words. */
function heroPhoto(words: { alt: string; caption: string; credit: string }, priority = false): TemplateResult {
  return html`<news-photo
    slot="media"
    src=${crocus.src}
    srcset=${crocus.srcset}
    sizes=${crocus.sizes}
    width=${crocus.width}
    height=${crocus.height}
    alt=${words.alt}
    caption=${words.caption}
    credit=${words.credit}
    ?priority=${priority}
  ></news-photo>`;
}

/** The body blocks as the light-DOM HTML a CMS would send. */
function body(blocks: readonly ArticleBlock[]): TemplateResult[] {
  return blocks.map((block) => {
    if (block.type === 'h2') return html`<h2>${block.text}</h2>`;
    if (block.type === 'related') {
      return html`<p><strong>${block.label}</strong> <a href=${block.href}>${block.text}</a></p>`;
    }
    return html`<p>${block.text}</p>`;
  });
}

function article(args: ArticleArgs, content: unknown = body(referenceExcerpt)): TemplateResult {
  return html`<news-article
    section=${args.section || nothing}
    kicker=${args.kicker || nothing}
    headline=${args.headline || nothing}
    dek=${args.dek || nothing}
    published=${args.published || nothing}
    updated=${args.updated || nothing}
    >${content}</news-article
  >`;
}

/** The element's shadow root in the story's canvas. */
function shadow(canvasElement: HTMLElement): ShadowRoot {
  return canvasElement.querySelector('news-article')!.shadowRoot!;
}

const meta: Meta<ArticleArgs> = {
  title: 'Elements/news-article',
  component: 'news-article',
  tags: ['autodocs'],
  args: {
    section: referenceArticle.section,
    kicker: referenceArticle.kicker,
    headline: referenceArticle.headline,
    dek: '',
    published: referenceArticle.published,
    updated: '',
  },
  render: (args) => article(args),
};
export default meta;

type Story = StoryObj<ArticleArgs>;

/**
 * The reference article: section, kicker, headline and date from attributes; paragraphs, a
 * READ ALSO line (a plain link) and the "IMPORTANT FUNCTION" subhead in the light DOM.
 */
export const Default: Story = {
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(shadow(canvasElement).querySelector('h1')?.textContent?.trim()).toBe(referenceArticle.headline));
    const time = shadow(canvasElement).querySelector('time')!;
    await expect(time.getAttribute('datetime')).toBe('2024-04-08T10:00Z');
    const p = canvasElement.querySelector('news-article > p')!;
    await expect(getComputedStyle(p).marginBlockEnd).toBe('24px');
  },
};

/** Invalid `published` ("2024-02-31"): left out, with one console warning naming the attribute. */
export const InvalidDate: Story = {
  args: { published: '2024-02-31' },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(shadow(canvasElement).querySelector('h1')).not.toBeNull());
    await expect(shadow(canvasElement).querySelector('time')).toBeNull();
  },
};

/**
 * A heading in the `headline` slot (as a CMS renders it) replaces the attribute and stays the
 * page's only `h1`: the element wraps it in no heading of its own.
 */
export const SlottedHeadline: Story = {
  render: (args) =>
    article(
      args,
      html`<h1 slot="headline">Prior to the attack in Moscow, <em>Iran</em> warned Russia about a security threat</h1>
        ${body(referenceExcerpt.slice(0, 3))}`,
    ),
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(shadow(canvasElement).querySelector('[part="headline"]')).not.toBeNull());
    await expect(shadow(canvasElement).querySelector('h1')).toBeNull();
    await expect(canvasElement.querySelectorAll('h1')).toHaveLength(1);
  },
};

/** A Persian article (`dir="rtl" lang="fa"`): solar hijri dates in Persian digits, mirrored layout. */
export const RTLPersian: Story = {
  args: {
    section: persianArticle.section,
    kicker: persianArticle.kicker,
    headline: persianArticle.headline,
    dek: persianArticle.dek,
    published: persianArticle.published,
    updated: persianArticle.updated,
  },
  render: (args) => html`<div dir="rtl" lang="fa">
    ${article(
      args,
      html`${heroPhoto(persianPhoto)}
        <news-byline slot="byline" credits=${JSON.stringify(persianCredits)}></news-byline>
        ${body(persianArticle.body)}
        <p slot="footer">${persianArticle.credits}</p>`,
    )}
  </div>`,
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(shadow(canvasElement).querySelector('[part="dates"]')?.textContent).toMatch(/[۰-۹]/));
  },
};

/** The page sets the colour tokens on a wrapper; the header and the light-DOM body follow. */
export const DarkTheme: Story = {
  args: { dek: sampleDek, updated: '2024-04-09T07:30Z' },
  render: (args) => html`<div style=${darkTheme}>${article(args)}</div>`,
};

/**
 * The full header: a `<news-photo>` in the `media` slot, a `<news-byline>` in the `byline` slot,
 * a dek, an update time and a footer.
 */
export const WithPhotoAndByline: Story = {
  args: { dek: sampleDek, updated: '2024-04-08T14:45Z' },
  render: (args) =>
    article(
      args,
      html`${heroPhoto(crocus, true)}
        <news-byline slot="byline" credits=${JSON.stringify(seedCredits)}></news-byline>
        ${body(referenceExcerpt)}
        <p slot="footer">${referenceArticle.credits}</p>`,
    ),
  play: async ({ canvasElement }) => {
    const photo = canvasElement.querySelector('news-photo')!;
    const byline = canvasElement.querySelector('news-byline')!;
    await waitFor(() => expect(photo.assignedSlot?.closest('[part="media"]')).not.toBeNull());
    await expect(byline.assignedSlot?.closest('[part="meta"]')).not.toBeNull();
  },
};
