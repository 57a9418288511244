import { css } from 'lit';

export const styles = css`
  :host {
    font-family: var(--_font-ui);
    color: var(--_color-text);
    overflow-wrap: anywhere;
  }

  /* Space held while src loads, so what arrives does not push the page down. */
  [aria-busy] {
    min-block-size: 12rem;
  }
  .inline[aria-busy],
  .line[aria-busy] {
    min-block-size: 1.5em;
  }

  .heading {
    margin-block: 0 var(--_space-3);
    margin-inline: 0;
    padding-block-start: var(--_space-2);
    border-block-start: 3px solid var(--_related-label-color);
    font-size: var(--_font-size-small);
    font-weight: 700;
    letter-spacing: 0.06em;
    line-height: 1.3;
    text-transform: uppercase;
  }

  ul {
    margin: 0;
    padding: 0;
    list-style: none;
  }

  a {
    color: inherit;
    text-decoration: none;
  }
  a:hover,
  .card:hover a {
    text-decoration: underline;
  }

  .headline {
    font-family: var(--_font-heading);
    font-weight: 700;
    line-height: 1.3;
  }

  time,
  .dek {
    display: block;
    margin-block-start: var(--_space-1);
    font-size: var(--_font-size-small);
    color: var(--_color-text-muted);
  }

  /* Small capitals by size and case: synthesized small caps would shrink Arabic script too. */
  .section,
  .label {
    font-size: var(--_font-size-small);
    font-weight: 700;
    letter-spacing: 0.05em;
    text-transform: uppercase;
    color: var(--_related-label-color);
  }

  .list li {
    padding-block: var(--_space-2);
    border-block-end: 1px solid var(--_color-border);
  }

  .cards ul {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, var(--_related-card-min-size)), 1fr));
    gap: var(--_space-4) var(--_space-3);
  }

  /* The headline's link covers the whole card (one link, one tab stop). */
  .card {
    position: relative;
    display: flex;
    flex-direction: column;
    gap: var(--_space-1);
  }
  .card a::after {
    content: '';
    position: absolute;
    inset: 0;
    border-radius: var(--_related-card-radius);
  }
  .card a:focus-visible {
    outline: none;
  }
  .card a:focus-visible::after {
    outline: 2px solid var(--_color-focus);
    outline-offset: 4px;
  }

  /* The box is reserved before the lazy image arrives. */
  .frame {
    aspect-ratio: 16 / 9;
    overflow: hidden;
    border-radius: var(--_related-card-radius);
    background: var(--_color-surface);
  }
  .frame img {
    display: block;
    inline-size: 100%;
    block-size: 100%;
    object-fit: cover;
  }

  /* A line of the article, set off from the paragraphs around it. */
  .inline {
    margin-block: var(--_space-4);
    padding-block: var(--_space-2);
    padding-inline-start: var(--_space-3);
    border-inline-start: 3px solid var(--_related-label-color);
    line-height: 1.4;
  }
  .inline a {
    color: var(--_color-link);
    font-weight: 600;
    text-decoration: underline;
    text-underline-offset: 0.15em;
  }
`;
