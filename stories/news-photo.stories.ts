import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { expect, userEvent, waitFor } from 'storybook/test';
import '../src/components/news-photo/define.js';
import { brokenSrc, crocus, longCaption, persian } from './fixtures/news-photo.js';
import { darkTheme } from './fixtures/themes.js';

interface PhotoArgs {
  src?: string;
  srcset?: string;
  sizes?: string;
  alt?: string;
  width?: number;
  height?: number;
  caption?: string;
  credit?: string;
  loading?: 'lazy' | 'eager';
  priority: boolean;
  expandable: boolean;
}

/** A part of the story's <news-photo> shadow root. */
function part<T extends Element = HTMLElement>(canvasElement: HTMLElement, name: string): T | null {
  return canvasElement.querySelector('news-photo')!.shadowRoot!.querySelector<T>(`[part~="${name}"]`);
}

const photo = (args: PhotoArgs) => html`<news-photo
  src=${ifDefined(args.src)}
  srcset=${ifDefined(args.srcset)}
  sizes=${ifDefined(args.sizes)}
  alt=${ifDefined(args.alt)}
  width=${ifDefined(args.width)}
  height=${ifDefined(args.height)}
  caption=${ifDefined(args.caption)}
  credit=${ifDefined(args.credit)}
  loading=${ifDefined(args.loading)}
  ?priority=${args.priority}
  ?expandable=${args.expandable}
></news-photo>`;

const meta: Meta<PhotoArgs> = {
  title: 'Elements/news-photo',
  component: 'news-photo',
  tags: ['autodocs'],
  args: {
    src: crocus.src,
    srcset: crocus.srcset,
    sizes: crocus.sizes,
    alt: crocus.alt,
    width: crocus.width,
    height: crocus.height,
    caption: crocus.caption,
    credit: crocus.credit,
    loading: 'lazy',
    priority: false,
    expandable: false,
  },
  argTypes: {
    loading: { control: 'inline-radio', options: ['lazy', 'eager'] },
  },
  render: (args) => html`<div style="max-width: 42rem">${photo(args)}</div>`,
};
export default meta;

type Story = StoryObj<PhotoArgs>;

/** The reference article's lead photo, with its caption and credit. */
export const Default: Story = {
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(part(canvasElement, 'credit')?.textContent?.trim()).toBe(crocus.credit));
    await expect(part(canvasElement, 'figure')?.localName).toBe('figure');
  },
};

/** Neither caption nor credit: no empty `figcaption` is rendered. */
export const NoCaption: Story = {
  args: { caption: undefined, credit: undefined },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(part(canvasElement, 'frame')).not.toBeNull());
    await expect(part(canvasElement, 'figcaption')).toBeNull();
  },
};

/** The `caption` and `credit` slots take rich text, and win over the attributes. */
export const SlottedCaption: Story = {
  render: (args) => html`<div style="max-width: 42rem">
    <news-photo src=${ifDefined(args.src)} alt=${ifDefined(args.alt)} width=${ifDefined(args.width)} height=${ifDefined(args.height)}>
      <span slot="caption">Rescuers work to extinguish fire at the burning <em>Crocus City Hall</em> concert venue
        outside Moscow, <strong>March 22</strong>.</span>
      <span slot="credit">REUTERS/<b>Maxim Shemetov</b></span>
    </news-photo>
  </div>`,
};

/** A plain `<img>` inside the element: the photo shows even before (or without) JavaScript. */
export const LightDomImage: Story = {
  render: (args) => html`<div style="max-width: 42rem">
    <news-photo caption=${ifDefined(args.caption)} credit=${ifDefined(args.credit)}>
      <img src=${crocus.src} alt=${crocus.alt} width=${crocus.width} height=${crocus.height} />
    </news-photo>
  </div>`,
  play: async ({ canvasElement }) => {
    const img = canvasElement.querySelector('news-photo > img') as HTMLImageElement;
    await waitFor(() => expect(img.assignedSlot).not.toBeNull());
  },
};

/** An image that 404s: the box keeps its size and a fallback shows the alt text. */
export const BrokenImage: Story = {
  args: { src: brokenSrc, srcset: undefined, sizes: undefined },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(part(canvasElement, 'fallback')?.textContent).toContain('Image unavailable'), {
      timeout: 5000,
    });
  },
};

/** `expandable`: a button opens the full image and its caption in a modal dialog. */
export const Expandable: Story = {
  args: { expandable: true },
  play: async ({ canvasElement }) => {
    const button = await waitFor(() => {
      const found = part<HTMLButtonElement>(canvasElement, 'expand-button');
      expect(found).not.toBeNull();
      return found!;
    });
    const dialog = part<HTMLDialogElement>(canvasElement, 'dialog')!;
    await userEvent.click(button);
    await waitFor(() => expect(dialog.open).toBe(true));
    await waitFor(() => expect(part(canvasElement, 'dialog-caption')?.textContent).toContain(crocus.credit));
    await userEvent.click(part<HTMLButtonElement>(canvasElement, 'close-button')!);
    await waitFor(() => expect(dialog.open).toBe(false));
    const host = canvasElement.querySelector('news-photo')!;
    await waitFor(() => expect(host.shadowRoot!.activeElement).toBe(button));
  },
};

/** The hero photo at the top of an article: eager, with `fetchpriority="high"`. */
export const Priority: Story = {
  args: { priority: true },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(part(canvasElement, 'image')?.getAttribute('fetchpriority')).toBe('high'));
  },
};

/** Persian, right to left: the expand button sits at the inline end (the left). */
export const RTLPersian: Story = {
  args: { alt: persian.alt, caption: persian.caption, credit: persian.credit, expandable: true },
  render: (args) => html`<div dir="rtl" lang="fa" style="max-width: 42rem">${photo(args)}</div>`,
};

/** A caption of several sentences wraps under the photo. */
export const LongCaption: Story = {
  args: { caption: longCaption },
};

/** Re-themed with public tokens only. */
export const DarkTheme: Story = {
  args: { expandable: true },
  render: (args) => html`<div style=${darkTheme}><div style="max-width: 42rem">${photo(args)}</div></div>`,
};
