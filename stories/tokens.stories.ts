import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing, type TemplateResult } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import { expect, waitFor, within } from 'storybook/test';
import { TOKENS, type Token } from '../src/styles/token-list.js';
import '../src/components/news-photo/define.js';
import '../src/components/news-byline/define.js';
import { crocus } from './fixtures/news-photo.js';
import { seedCredits } from './fixtures/news-byline.js';

/*
 * The design-token reference, generated from TOKENS (src/styles/token-list.ts): adding a token
 * there adds a row here. Each preview reads `var(<token>, <default>)`, so it shows the value in
 * effect where it is rendered — the default, or an override set on a wrapper (see "Override").
 */

type SampleKind = 'color' | 'font-family' | 'font-size' | 'line-height' | 'length' | 'radius' | 'none';

/** What kind of preview a token gets, from its name (token names follow one scheme). */
function sampleKind(token: Token): SampleKind {
  const n = token.name;
  if (/-(color|backdrop)(-|$)/.test(n)) return 'color';
  if (/-font-(body|heading|ui)$/.test(n)) return 'font-family';
  if (/-(font-size-[a-z]+|headline-size)$/.test(n)) return 'font-size';
  if (/-line-height-/.test(n)) return 'line-height';
  if (/-radius$/.test(n)) return 'radius';
  if (/-(space-\d+|measure)$/.test(n)) return 'length';
  return 'none';
}

function sample(token: Token): TemplateResult | typeof nothing {
  const value = `var(${token.name}, ${token.value})`;
  switch (sampleKind(token)) {
    case 'color':
      return html`<span class="swatch" aria-hidden="true" style=${styleMap({ background: value })}></span>`;
    case 'font-family':
      return html`<span class="text-sample" style=${styleMap({ fontFamily: value })}>Crocuses bloom early</span>`;
    case 'font-size':
      return html`<span class="text-sample" style=${styleMap({ fontSize: value })}>Aa</span>`;
    case 'line-height':
      return html`<span class="text-sample lines" style=${styleMap({ lineHeight: value })}
        >Two lines of text<br />show the line height</span
      >`;
    case 'radius':
      return html`<span class="box" aria-hidden="true" style=${styleMap({ borderRadius: value })}></span>`;
    case 'length':
      return html`<span class="bar" aria-hidden="true" style=${styleMap({ inlineSize: value })}></span>`;
    default:
      return nothing;
  }
}

const tableStyles = html`<style>
  .tokens {
    font-family: system-ui, sans-serif;
    color: #1a1a1a;
    background: #ffffff;
  }
  .tokens table {
    border-collapse: collapse;
    inline-size: 100%;
    font-size: 0.875rem;
  }
  .tokens caption {
    text-align: start;
    font-weight: 600;
    font-size: 1rem;
    padding-block-end: 0.5rem;
  }
  .tokens th,
  .tokens td {
    text-align: start;
    vertical-align: top;
    padding: 0.5rem;
    border-block-end: 1px solid #d4d4d4;
  }
  .tokens code {
    font-size: 0.8125rem;
    overflow-wrap: anywhere;
  }
  .tokens th[scope='row'] code {
    white-space: nowrap;
  }
  .tokens .preview {
    inline-size: 11rem;
  }
  .tokens .swatch,
  .tokens .box {
    display: inline-block;
    inline-size: 2.5rem;
    block-size: 2.5rem;
    border: 1px solid #767676;
  }
  .tokens .box {
    background: #f1f1f1;
  }
  .tokens .bar {
    display: block;
    /* Lengths wider than the column (the article measure) are cut at its width. */
    max-inline-size: 11rem;
    block-size: 0.75rem;
    background: #0b57d0;
  }
  .tokens .text-sample {
    display: inline-block;
  }
</style>`;

function tokenTable(caption: string): TemplateResult {
  return html`${tableStyles}
    <div class="tokens">
      <table>
        <caption>
          ${caption}
        </caption>
        <thead>
          <tr>
            <th scope="col">Token</th>
            <th scope="col">Default</th>
            <th scope="col">Group</th>
            <th scope="col" class="preview">Preview</th>
            <th scope="col">Description</th>
          </tr>
        </thead>
        <tbody>
          ${TOKENS.map(
            (token) => html`<tr data-token=${token.name}>
              <th scope="row"><code>${token.name}</code></th>
              <td><code>${token.value}</code></td>
              <td>${token.group}</td>
              <td class="preview">${sample(token)}</td>
              <td>${token.description}</td>
            </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
}

interface OverrideArgs {
  accent: string;
  text: string;
  muted: string;
  radius: string;
  space3: string;
  fontUi: string;
}

/** A photo and a byline: the elements whose look the overrides change. */
const specimen = () => html`<news-photo
    src=${crocus.small}
    alt=${crocus.alt}
    width=${crocus.width}
    height=${crocus.height}
    caption=${crocus.caption}
    credit=${crocus.credit}
    loading="eager"
  ></news-photo>
  <news-byline credits=${JSON.stringify(seedCredits)}></news-byline>`;

const specimenStyles = html`<style>
  .specimens {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(16rem, 1fr));
    gap: 1.5rem;
    margin-block-end: 2rem;
    font-family: system-ui, sans-serif;
    color: #1a1a1a;
  }
  .specimens h2 {
    font-size: 1rem;
    margin-block: 0 0.5rem;
  }
</style>`;

const meta: Meta<OverrideArgs> = {
  title: 'Foundations/Design tokens',
  tags: ['autodocs'],
  parameters: {
    layout: 'padded',
    docs: {
      description: {
        component:
          'Every public `--news-*` custom property, its default, and a preview of the value in effect. ' +
          'Set any of them on `:root`, a wrapper or one element to re-theme the elements; they read them ' +
          'through private `--_*` variables, so an unset token falls back to the default shown here. ' +
          'Generated from `src/styles/token-list.ts`.',
      },
    },
  },
};
export default meta;

type Story = StoryObj<OverrideArgs>;

/** Every token with its default value. */
export const AllTokens: Story = {
  name: 'All tokens',
  render: () => tokenTable(`news-elements design tokens (${TOKENS.length})`),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const table = canvas.getByRole('table');
    // One row per token, in the order of the list: the page is generated, not hand-copied.
    const rows = [...table.querySelectorAll('tbody tr')].map((tr) => tr.getAttribute('data-token'));
    await expect(rows).toEqual(TOKENS.map((t) => t.name));
    for (const token of TOKENS) {
      await expect(canvas.getByRole('rowheader', { name: token.name })).toBeVisible();
    }
    // Color previews show the default value.
    const swatch = table.querySelector<HTMLElement>('tr[data-token="--news-color-accent"] .swatch')!;
    await expect(getComputedStyle(swatch).backgroundColor).toBe('rgb(179, 38, 30)');
  },
};

/**
 * Tokens set on a wrapper: the elements inside it (and the previews) pick up the overrides;
 * everything not overridden keeps its default. Change the values in Controls.
 */
export const Override: Story = {
  args: {
    accent: '#005a70',
    text: '#202124',
    muted: '#2f4f4f',
    radius: '16px',
    space3: '2rem',
    fontUi: 'Georgia, serif',
  },
  argTypes: {
    accent: { name: '--news-color-accent', control: 'color' },
    text: { name: '--news-color-text', control: 'color' },
    muted: { name: '--news-color-text-muted', control: 'color' },
    radius: { name: '--news-radius', control: 'text' },
    space3: { name: '--news-space-3', control: 'text' },
    fontUi: { name: '--news-font-ui', control: 'text' },
  },
  render: (args) => {
    const overrides = styleMap({
      '--news-color-accent': args.accent,
      '--news-color-text': args.text,
      '--news-color-text-muted': args.muted,
      '--news-radius': args.radius,
      '--news-space-3': args.space3,
      '--news-font-ui': args.fontUi,
    });
    return html`${specimenStyles}
      <div class="specimens">
        <div class="default-tokens">
          <h2>Default tokens</h2>
          ${specimen()}
        </div>
        <div class="overridden" style=${overrides}>
          <h2>Overridden on this wrapper</h2>
          ${specimen()}
        </div>
      </div>
      <div style=${overrides}>${tokenTable('Design tokens in effect inside the wrapper')}</div>`;
  },
  play: async ({ canvasElement, args }) => {
    const inShadow = (wrapper: string, tag: string, part: string) =>
      canvasElement.querySelector(`${wrapper} ${tag}`)!.shadowRoot!.querySelector<HTMLElement>(`[part~="${part}"]`);
    // The photo's frame reads --news-photo-radius, which defaults to var(--news-radius).
    await waitFor(() => expect(inShadow('.overridden', 'news-photo', 'frame')).not.toBeNull());
    await expect(getComputedStyle(inShadow('.overridden', 'news-photo', 'frame')!).borderTopLeftRadius).toBe(args.radius);
    await expect(getComputedStyle(inShadow('.default-tokens', 'news-photo', 'frame')!).borderTopLeftRadius).toBe('4px');
    // The byline reads --news-byline-color, which defaults to var(--news-color-text-muted).
    const color = (el: Element) => getComputedStyle(el).color;
    await waitFor(() => expect(inShadow('.overridden', 'news-byline', 'byline')).not.toBeNull());
    const probe = document.createElement('span');
    probe.style.color = args.muted;
    canvasElement.append(probe);
    const muted = color(probe);
    probe.remove();
    await expect(color(inShadow('.overridden', 'news-byline', 'byline')!)).toBe(muted);
    await expect(color(inShadow('.default-tokens', 'news-byline', 'byline')!)).toBe('rgb(85, 85, 85)');
    // The preview table inside the wrapper follows too; a token not overridden keeps its default.
    const table = canvasElement.querySelector('.tokens')!;
    const link = table.querySelector<HTMLElement>('tr[data-token="--news-color-link"] .swatch')!;
    await expect(getComputedStyle(link).backgroundColor).toBe('rgb(11, 87, 208)');
  },
};
