import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { expect, waitFor } from 'storybook/test';
import '../src/components/news-comment-form/define.js';
import type { NewsCommentForm } from '../src/components/news-comment-form/news-comment-form.js';
import '../src/components/news-story/define.js';
import type { NewsStory } from '../src/components/news-story/news-story.js';
import referenceJsonLd from '../test/fixtures/story/reference.jsonld.json';
import recordedPost from '../test/fixtures/wordpress/story-post-embed.json';
import { accepting, fakeTransport } from './fixtures/news-comment-form.js';
import { partial, persianStory, sample, withComments } from './fixtures/news-story.js';

interface StoryArgs {
  /** The story as data (our model, a WordPress post or JSON-LD). */
  story?: unknown;
  src?: string;
  href?: string;
  publisher?: string;
  comments: boolean;
  font?: 'page';
  timeout?: number;
  /** Story-only: a link to the original in the light DOM (shown when there is no story). */
  fallback: boolean;
}

const CANONICAL = 'https://publisher.example/world/iran-warned-russia';

const fallbackLink = html`<p><a href=${CANONICAL}>Iran warned Russia about a security threat before the Moscow attack (Reuters)</a></p>`;

const element = (args: StoryArgs) => html`<news-story
  src=${ifDefined(args.src)}
  href=${ifDefined(args.href)}
  publisher=${ifDefined(args.publisher)}
  font=${ifDefined(args.font)}
  timeout=${ifDefined(args.timeout)}
  ?comments=${args.comments}
  .story=${args.story}
  >${args.fallback ? fallbackLink : nothing}</news-story
>`;

/*
 * The recorded WordPress answer (test/fixtures/wordpress/story-post-embed.json, WordPress 6.1.9),
 * as the element would receive it: Storybook has no WordPress, so the post is passed as `.story`.
 * Its uploads (http://wordpress.test/wp-content/uploads/…) are mapped to the demo's photos, which
 * Storybook serves from /demo/images/ (.storybook/main.ts); its other links point at a
 * placeholder site that is never fetched.
 */
const UPLOADS: Readonly<Record<string, string>> = {
  'crocus-city-hall.jpg': 'crocus-1200.jpg',
  'crocus-city-hall-1024x576.jpg': 'crocus-1024.jpg',
  'crocus-city-hall-768x432.jpg': 'crocus-768.jpg',
  'crocus-city-hall-300x169.jpg': 'crocus-300.jpg',
  'crocus-city-hall-150x150.jpg': 'crocus-150x150.jpg',
  'kerman-hills.jpg': 'related-hills.jpg',
  'kerman-hills-300x169.jpg': 'related-hills.jpg',
  'moscow-evening.jpg': 'related-city.jpg',
  'moscow-evening-300x169.jpg': 'related-city-300.jpg',
};

function wordpressPost(): unknown {
  const text = JSON.stringify(recordedPost.response.body)
    .replace(/http:\/\/wordpress\.test\/wp-content\/uploads\/([\w.-]+)/g, (whole, name: string) =>
      UPLOADS[name] ? `${window.location.origin}/demo/images/${UPLOADS[name]}` : whole,
    )
    .replaceAll('http://wordpress.test', 'https://wordpress.example');
  return JSON.parse(text) as unknown;
}

/** The reference article's JSON-LD (test/fixtures/story/reference.jsonld.json), at the publisher's URL. */
const jsonLd = {
  ...referenceJsonLd,
  url: CANONICAL,
  mainEntityOfPage: { '@type': 'WebPage', '@id': CANONICAL },
  publisher: { ...referenceJsonLd.publisher, url: 'https://publisher.example/' },
};

const shadow = (canvasElement: HTMLElement) => canvasElement.querySelector<NewsStory>('news-story')!.shadowRoot!;
const article = (canvasElement: HTMLElement) => shadow(canvasElement).querySelector('news-article');
/** The body as rendered: the nested <news-article>'s children without a slot. */
const body = (canvasElement: HTMLElement) => [...(article(canvasElement)?.children ?? [])].filter((child) => !child.hasAttribute('slot'));
const headline = (canvasElement: HTMLElement) => article(canvasElement)?.shadowRoot?.querySelector('h1')?.textContent?.trim() ?? '';

/** Waits until the body (sanitized by the lazily loaded sanitizer) has at least `count` paragraphs. */
async function bodyRendered(canvasElement: HTMLElement, count: number): Promise<void> {
  await waitFor(() => expect(body(canvasElement).filter((node) => node.localName === 'p').length).toBeGreaterThanOrEqual(count), {
    timeout: 5000,
  });
}

const meta: Meta<StoryArgs> = {
  title: 'Elements/news-story',
  component: 'news-story',
  tags: ['autodocs'],
  args: { story: sample, comments: false, fallback: false },
  argTypes: {
    font: { control: 'inline-radio', options: [undefined, 'page'] },
    fallback: { control: 'boolean', description: 'Story only: a link to the original in the light DOM, shown while there is no story.' },
  },
  render: (args) => html`<div style="max-inline-size: 60rem">${element(args)}</div>`,
};
export default meta;

type Story = StoryObj<StoryArgs>;

/**
 * A story set as the `story` property: publisher line, section, kicker, headline, dek, dates,
 * byline, hero photo with caption and credit, the body (its `<script>` and `onerror` removed by
 * the sanitizer, its "READ ALSO:" line an inline `<news-related>`), related links and "Read the
 * original at Reuters".
 */
export const Default: Story = {
  play: async ({ canvasElement }) => {
    await bodyRendered(canvasElement, 2);
    await expect(headline(canvasElement)).toBe(sample.headline);
    await expect(article(canvasElement)!.querySelector('script')).toBeNull();
    await expect(article(canvasElement)!.querySelector('news-related[variant="inline"]')).not.toBeNull();
    await expect(shadow(canvasElement).querySelector('[part="original-link"]')!.getAttribute('href')).toBe(sample.url);
  },
};

/**
 * A real WordPress REST answer (`/wp-json/wp/v2/posts/11?_embed`, recorded from WordPress 6.1.9)
 * set as `story`: title, excerpt as the dek, author, category as the section, the featured image
 * with its `srcset` from `media_details.sizes`; in the body, the block-editor figure and the classic
 * `[caption]` become `<news-photo>`s and the "READ ALSO:"/"READ MORE:" lines inline related links.
 * WordPress does not send its site's name: `publisher="The Wire Desk"` gives it. (With a server,
 * `src="https://site/wp-json/wp/v2/posts/11?_embed"` loads the same answer.)
 */
export const FromWordPress: Story = {
  name: 'From WordPress',
  args: { story: undefined, publisher: 'The Wire Desk' },
  render: (args) => html`<div style="max-inline-size: 60rem">${element({ ...args, story: wordpressPost() })}</div>`,
  play: async ({ canvasElement }) => {
    await bodyRendered(canvasElement, 8);
    await expect(headline(canvasElement)).toBe('Exclusive: Prior to the attack in Moscow, Iran warned Russia about a security threat');
    await expect(body(canvasElement).filter((node) => node.localName === 'news-photo')).toHaveLength(2);
    await expect(body(canvasElement).filter((node) => node.localName === 'news-related')).toHaveLength(3);
    const hero = shadow(canvasElement).querySelector('news-photo[slot="media"]')!;
    await expect(hero.getAttribute('srcset')).toContain('/demo/images/crocus-768.jpg 768w');
    // Every photo of the body is one of the demo's (nothing is fetched from the placeholder site).
    const sources = [...article(canvasElement)!.querySelectorAll('img')].map((img) => img.src);
    await expect(sources.filter((src) => !src.startsWith(`${window.location.origin}/demo/images/`))).toEqual([]);
  },
};

/**
 * schema.org `NewsArticle` JSON-LD in a `<script type="application/ld+json">` inside the element:
 * no request at all. `author`, `editor` and `contributor` roles become the byline; `articleBody`
 * (plain text) becomes paragraphs.
 */
export const JsonLdInline: Story = {
  name: 'JSON-LD (inline script)',
  args: { story: undefined },
  render: (args) => {
    // Built with DOM calls: the script must be inside the element when it first renders, and a
    // Lit template does not bind inside <script>.
    const box = document.createElement('div');
    box.style.maxInlineSize = '60rem';
    const el = document.createElement('news-story');
    if (args.publisher) el.setAttribute('publisher', args.publisher);
    if (args.font) el.setAttribute('font', args.font);
    const script = document.createElement('script');
    script.type = 'application/ld+json';
    script.textContent = JSON.stringify(jsonLd, null, 2);
    el.append(script);
    box.append(el);
    return box;
  },
  play: async ({ canvasElement }) => {
    await bodyRendered(canvasElement, 5);
    await expect(headline(canvasElement)).toBe(referenceJsonLd.headline);
    await waitFor(() => expect(shadow(canvasElement).querySelector('news-byline')?.shadowRoot?.textContent).toContain('Parisa Hafezi'));
  },
};

const pendingUrl = '/news-story/pending.json';

/**
 * While `src` loads, the element holds a viewport's height and says so (`aria-busy`, a status
 * line). Storybook has no server that keeps an answer open, so this story's `beforeEach` makes the
 * fetch of one made-up URL (`/news-story/pending.json`) never settle (it still honours the
 * element's abort); every other request goes to the network. The browser tests hold the answer
 * open on a real local server.
 */
export const Loading: Story = {
  args: { story: undefined, src: pendingUrl, href: CANONICAL, timeout: 24 * 60 * 60 * 1000 },
  beforeEach: () => {
    const original = window.fetch;
    window.fetch = (input, init) =>
      String(input instanceof Request ? input.url : input).endsWith(pendingUrl)
        ? new Promise((_, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal!.reason)))
        : original(input, init);
    return () => {
      window.fetch = original;
    };
  },
  play: async ({ canvasElement }) => {
    const root = shadow(canvasElement);
    await waitFor(() => expect(root.querySelector('[part="loading"][aria-busy="true"]')).not.toBeNull());
    await expect(root.querySelector('[role="status"]')!.textContent).toBe('Loading the story…');
    await expect(canvasElement.querySelector('news-story')!.getBoundingClientRect().height).toBeGreaterThan(300);
  },
};

/**
 * `src` answers 404: the element says the story could not be loaded, links the original (`href`)
 * and shows its light-DOM fallback; the console says why, once.
 */
export const LoadError: Story = {
  name: 'Error',
  args: { story: undefined, src: '/news-story/does-not-exist.json', href: CANONICAL, fallback: true },
  play: async ({ canvasElement }) => {
    const root = shadow(canvasElement);
    await waitFor(() => expect(root.querySelector('[part="error"]')).not.toBeNull(), { timeout: 5000 });
    await expect(root.querySelector('[part="error"] a')!.getAttribute('href')).toBe(CANONICAL);
  },
};

/** A Persian story: right to left, Persian dates and digits, "Read the original" in Persian. */
export const PersianRTL: Story = {
  name: 'Persian (RTL)',
  args: { story: persianStory },
  play: async ({ canvasElement }) => {
    await bodyRendered(canvasElement, 3);
    const box = shadow(canvasElement).querySelector('[part="story"]')!;
    await expect(box.getAttribute('dir')).toBe('rtl');
    await expect(getComputedStyle(box).direction).toBe('rtl');
  },
};

/** Only what is required and a body: no photo, no byline, no dek, no dates, no related links. */
export const Partial: Story = {
  args: { story: partial },
  play: async ({ canvasElement }) => {
    await bodyRendered(canvasElement, 2);
    const root = shadow(canvasElement);
    await expect(root.querySelector('news-photo')).toBeNull();
    await expect(root.querySelector('news-byline')).toBeNull();
    await expect(root.querySelector('[part="original"]')!.textContent!.replace(/\s+/g, ' ').trim()).toBe('Read the original at The Wire Desk');
  },
};

/**
 * `font="page"`: the story takes the partner page's font family (here a monospace one) instead
 * of its own tokens, when the publisher allows it. Sizes, colours and layout stay the story's.
 */
export const PageFont: Story = {
  name: 'Page font',
  args: { font: 'page' },
  render: (args) => html`<div style="max-inline-size: 60rem; font-family: 'Courier New', Courier, monospace">${element(args)}</div>`,
  play: async ({ canvasElement }) => {
    await bodyRendered(canvasElement, 1);
    const page = getComputedStyle(canvasElement.querySelector('news-story')!.parentElement!).fontFamily;
    await expect(getComputedStyle(article(canvasElement)!.shadowRoot!.querySelector('h1')!).fontFamily).toBe(page);
    await expect(getComputedStyle(body(canvasElement)[0]!).fontFamily).toBe(page);
  },
};

/**
 * `comments` and a story whose source has an open comment endpoint: a `<news-comment-form>` under
 * the story (its module, news-elements/comment-form, is loaded). In this story nothing is posted
 * anywhere: when the reader sends, the form gets a fake transport that answers "held for
 * moderation" after 400 ms.
 */
export const WithComments: Story = {
  args: { story: withComments, comments: true },
  render: (args) => html`<div
    style="max-inline-size: 60rem"
    @news-comment-submit=${(event: Event) => {
      const form = event.composedPath()[0] as NewsCommentForm;
      if (form.localName === 'news-comment-form') form.transport = fakeTransport(accepting('hold'), 400);
      else event.preventDefault();
    }}
  >
    ${element(args)}
  </div>`,
  play: async ({ canvasElement }) => {
    await bodyRendered(canvasElement, 2);
    await waitFor(() => expect(shadow(canvasElement).querySelector('news-comment-form textarea')).not.toBeNull());
  },
};
