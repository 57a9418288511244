import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, waitFor } from 'storybook/test';
import '../src/components/news-byline/define.js';
import {
  authoredCredits,
  lightDomByline,
  linkedCredits,
  longNameCredits,
  persianCredits,
  seedBylineEn,
  seedCredits,
  unknownRoleCredits,
} from './fixtures/news-byline.js';
import { darkTheme } from './fixtures/themes.js';

interface BylineArgs {
  credits: unknown[];
  variant: 'full' | 'compact';
}

/** The rendered byline paragraph of the story's element. */
function byline(canvasElement: HTMLElement): HTMLElement | null {
  return canvasElement.querySelector('news-byline')!.shadowRoot!.querySelector('[part="byline"]');
}

const meta: Meta<BylineArgs> = {
  title: 'Elements/news-byline',
  component: 'news-byline',
  tags: ['autodocs'],
  args: { credits: seedCredits, variant: 'full' },
  argTypes: {
    variant: { control: 'inline-radio', options: ['full', 'compact'] },
    credits: { control: 'object' },
  },
  render: (args) => html`<news-byline variant=${args.variant} credits=${JSON.stringify(args.credits)}></news-byline>`,
};
export default meta;

type Story = StoryObj<BylineArgs>;

/** The reference article's credits: roles in order, people grouped by place. */
export const Default: Story = {
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(byline(canvasElement)?.textContent).toBe(seedBylineEn));
  },
};

/** `variant="compact"`: the authors only, without places ("By A, B, and C"). */
export const Compact: Story = {
  args: { credits: authoredCredits, variant: 'compact' },
  play: async ({ canvasElement }) => {
    await waitFor(() =>
      expect(byline(canvasElement)?.textContent).toBe('By Parisa Hafezi, Guy Faulconbridge, and Steve Holland'),
    );
  },
};

/**
 * Names with an http(s) or relative `url` are links. `javascript:` and `data:` urls are ignored
 * (the name stays plain text) and the console warns once.
 */
export const WithLinks: Story = {
  args: { credits: linkedCredits },
  play: async ({ canvasElement }) => {
    await waitFor(() => {
      const links = canvasElement.querySelector('news-byline')!.shadowRoot!.querySelectorAll('[part~="link"]');
      expect([...links].map((a) => a.textContent)).toEqual(['Parisa Hafezi', 'Steve Holland']);
    });
  },
};

/** Very long names and many people in many places wrap inside a narrow column. */
export const LongNames: Story = {
  args: { credits: longNameCredits },
  render: (args) =>
    html`<div style="max-inline-size: 20rem">
      <news-byline variant=${args.variant} credits=${JSON.stringify(args.credits)}></news-byline>
    </div>`,
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(byline(canvasElement)).not.toBeNull());
    const el = canvasElement.querySelector('news-byline')!;
    expect(el.scrollWidth).toBeLessThanOrEqual(el.clientWidth);
  },
};

/** Persian names and places under `lang="fa" dir="rtl"`: Persian labels, "و" and "؛" separators. */
export const RTLPersian: Story = {
  args: { credits: persianCredits },
  render: (args) =>
    html`<div lang="fa" dir="rtl">
      <news-byline variant=${args.variant} credits=${JSON.stringify(args.credits)}></news-byline>
    </div>`,
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(byline(canvasElement)?.textContent).toContain('گزارش تکمیلی از'));
    expect(byline(canvasElement)!.textContent).toContain('؛ نگارش');
  },
};

/** No `credits`: the light-DOM byline (what crawlers and no-JS readers get) is shown as it is. */
export const LightDomOnly: Story = {
  render: () => html`<news-byline>${lightDomByline}</news-byline>`,
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(canvasElement.querySelector('news-byline')!.shadowRoot!.querySelector('slot')).not.toBeNull());
    expect(byline(canvasElement)).toBeNull();
  },
};

/** A role outside the six known ones is shown as "role: names", after them, and warns once. */
export const UnknownRole: Story = {
  args: { credits: unknownRoleCredits },
  play: async ({ canvasElement }) => {
    await waitFor(() =>
      expect(byline(canvasElement)?.textContent).toBe(
        'Writing by Parisa Hafezi; Editing by Michael Georgy; Fact-checking: Sam Torres',
      ),
    );
  },
};

/** The dark theme from public tokens only; the links story's credits show the link colour too. */
export const DarkTheme: Story = {
  args: { credits: [...seedCredits, ...linkedCredits.slice(0, 1)] },
  render: (args) =>
    html`<div style=${darkTheme}>
      <news-byline variant=${args.variant} credits=${JSON.stringify(args.credits)}></news-byline>
    </div>`,
};
