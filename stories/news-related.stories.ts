import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { expect, waitFor } from 'storybook/test';
import '../src/components/news-article/define.js';
import '../src/components/news-related/define.js';
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
} from './fixtures/news-related.js';

interface RelatedArgs {
  variant: 'list' | 'cards' | 'inline';
  items?: readonly unknown[];
  src?: string;
  timeout?: number;
  heading?: string;
  headingLevel?: number;
  label?: string;
  max?: number;
  /** Story-only: write the plain light-DOM list inside the element. */
  fallback: boolean;
}

const fallbackList = html`<ul>
  ${fallbackLinks.map((link) => html`<li><a href=${link.url}>${link.headline}</a></li>`)}
</ul>`;

const element = (args: RelatedArgs) => html`<news-related
  variant=${args.variant}
  src=${ifDefined(args.src)}
  timeout=${ifDefined(args.timeout)}
  heading=${ifDefined(args.heading)}
  heading-level=${ifDefined(args.headingLevel)}
  label=${ifDefined(args.label)}
  max=${ifDefined(args.max)}
  .items=${args.items}
  >${args.fallback ? fallbackList : nothing}</news-related
>`;

/** The headline links the story's element shows, as text. */
function headlines(canvasElement: HTMLElement, index = 0): string[] {
  const host = canvasElement.querySelectorAll('news-related')[index]!;
  return [...host.shadowRoot!.querySelectorAll('[part~="item-link"]')].map((a) => a.textContent ?? '');
}

const meta: Meta<RelatedArgs> = {
  title: 'Elements/news-related',
  component: 'news-related',
  tags: ['autodocs'],
  args: { variant: 'list', items: related, fallback: false },
  argTypes: {
    variant: { control: 'inline-radio', options: ['list', 'cards', 'inline'] },
    headingLevel: { control: { type: 'number', min: 2, max: 6 } },
    fallback: { control: 'boolean', description: 'Story only: a plain `<ul>` of links in the light DOM.' },
  },
  render: (args) => html`<div style="max-inline-size: 60rem">${element(args)}</div>`,
};
export default meta;

type Story = StoryObj<RelatedArgs>;

/** The "Related articles" block at the end of the reference article: a list of links. */
export const List: Story = {
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(headlines(canvasElement)).toEqual(related.map((item) => item.headline)));
  },
};

/** Cards: image, section, headline, summary and date, in a grid; the whole card is one link. */
export const Cards: Story = {
  args: { variant: 'cards' },
};

/** Cards of items that have no image: no empty image boxes. */
export const CardsWithoutImages: Story = {
  args: { variant: 'cards', items: relatedTextOnly },
};

/**
 * The inline variant between the paragraphs of a `<news-article>`, as the reference article's
 * "READ ALSO:" and "READ MORE:" lines (`label` sets the label).
 */
export const Inline: Story = {
  args: { variant: 'inline' },
  render: (args) => html`<news-article headline="Iran warned Russia of a possible terrorist attack before Moscow shooting">
    <p>Iran had informed Russia of the potential for a significant “terrorist operation” on Russian soil before the attack.</p>
    ${element(args)}
    <p>Iran detained 35 people in January, including a commander of the Islamic State’s branch ISIS-Khorasan.</p>
    ${element({ ...args, label: 'Read more', items: related.slice(1) })}
    <p>The Islamic State was reported to have lost territory in 2017.</p>
  </news-article>`,
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(headlines(canvasElement, 1)).toEqual([related[1]!.headline]));
  },
};

/** Cards, `max="2"`, a custom heading at level 3. */
export const MaxAndHeading: Story = {
  args: { variant: 'cards', max: 2, heading: 'More on this story', headingLevel: 3 },
};

/**
 * A plain light-DOM list (what readers without JavaScript see) read as the items and drawn as
 * cards.
 */
export const LightDomList: Story = {
  args: { variant: 'cards', items: undefined, fallback: true },
};

/** `src` pointing at a JSON list: the items replace the light-DOM fallback when they arrive. */
export const FromSrc: Story = {
  args: { variant: 'cards', items: undefined, src: listUrl, fallback: true },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(headlines(canvasElement)).toEqual(related.map((item) => item.headline)));
  },
};

const pendingUrl = '/news-related/pending.json';

/**
 * While `src` loads: the element holds its space and is `aria-busy`. Storybook has no server that
 * can keep an answer open, so this story's `beforeEach` makes the fetch of one made-up URL
 * (`/news-related/pending.json`) never settle (it still honours the element's abort); every other
 * request goes to the network. The browser tests hold the answer open on a real local server.
 */
export const Loading: Story = {
  args: { items: undefined, src: pendingUrl, timeout: 24 * 60 * 60 * 1000 },
  beforeEach: () => {
    const original = window.fetch;
    window.fetch = (input, init) =>
      String(input).endsWith(pendingUrl)
        ? new Promise((_, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal!.reason)))
        : original(input, init);
    return () => {
      window.fetch = original;
    };
  },
  play: async ({ canvasElement }) => {
    const host = canvasElement.querySelector('news-related')!;
    await waitFor(() => expect(host.shadowRoot!.querySelector('[aria-busy="true"]')).not.toBeNull());
    await expect(host.getBoundingClientRect().height).toBeGreaterThan(100);
  },
};

/** `src` answers 404: the light-DOM fallback stays, and the console says why. */
export const ErrorFallback: Story = {
  args: { items: undefined, src: missingUrl, fallback: true },
  play: async ({ canvasElement }) => {
    const host = canvasElement.querySelector('news-related')!;
    await waitFor(() => expect(host.shadowRoot!.querySelector('[aria-busy]')).toBeNull(), { timeout: 5000 });
    await expect(headlines(canvasElement)).toEqual(fallbackLinks.map((link) => link.headline));
  },
};

/** Persian, right to left: cards and the inline line mirror; heading, label and dates in Persian. */
export const RTLPersian: Story = {
  args: { variant: 'cards', items: persian },
  render: (args) => html`<div lang="fa" dir="rtl" style="max-inline-size: 60rem">
    ${element(args)} ${element({ ...args, variant: 'inline' })}
  </div>`,
};

/** 200 items and a 400-character headline without a break: the list wraps and never overflows. */
export const ManyItems: Story = {
  args: { items: [{ headline: hugeHeadline, url: '/demo/related/huge.html' }, ...many(199)] },
  render: (args) => html`<div style="max-inline-size: 24rem">${element(args)}</div>`,
};

/** 24 cards, the first with a 400-character headline without a break. */
export const ManyCards: Story = {
  args: { variant: 'cards', items: [{ ...related[0]!, headline: hugeHeadline }, ...many(23)] },
};

/**
 * Hostile and broken items: markup in a headline is text, `javascript:`/`data:` URLs are shown as
 * text and not linked, items without headline or URL are left out (the console warns once each).
 */
export const BadInput: Story = {
  args: { variant: 'cards', items: badItems },
  play: async ({ canvasElement }) => {
    const host = canvasElement.querySelector('news-related')!;
    await waitFor(() => expect(host.shadowRoot!.querySelectorAll('.headline')).toHaveLength(3));
    await expect(host.shadowRoot!.querySelectorAll('a')).toHaveLength(1);
    await expect(host.shadowRoot!.querySelector('img')).toBeNull();
  },
};
