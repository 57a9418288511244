import { css } from 'lit';

export const styles = css`
  figure {
    margin: 0;
  }

  /* The image box. With width/height known it has its final aspect ratio before any byte arrives. */
  .frame {
    position: relative;
    inline-size: 100%;
    max-inline-size: 100%;
    overflow: hidden;
    border-radius: var(--_photo-radius);
    background: var(--_color-surface);
  }

  /* Known ratio: an empty SVG of the image's ratio, in flow, gives the frame its height at any
     width (in server-rendered HTML too: no inline style, no script). */
  .ratio-box {
    display: block;
    inline-size: 100%;
    block-size: auto;
  }

  .image,
  ::slotted(img) {
    display: block;
    inline-size: 100%;
    max-inline-size: 100%;
    block-size: auto;
    border-radius: var(--_photo-radius);
  }

  /* Known ratio: the image fills the reserved box, whatever its own attributes or load state. */
  .ratio .image,
  .ratio ::slotted(img) {
    position: absolute;
    inset: 0;
    block-size: 100%;
    object-fit: cover;
  }

  /* A failed image stays in layout (a lazy image must keep loading when src changes) but is never
     painted: no broken-image icon, no browser alt text. */
  .broken .image,
  .broken ::slotted(img) {
    visibility: hidden;
  }

  .broken:not(.ratio) {
    min-block-size: 10rem;
  }

  .fallback {
    position: absolute;
    inset: 0;
    display: flex;
    flex-direction: column;
    align-items: center;
    justify-content: center;
    gap: var(--_space-2);
    padding: var(--_space-3);
    overflow: hidden;
    background: var(--_color-surface);
    color: var(--_color-text-muted);
    font-family: var(--_font-ui);
    font-size: var(--_font-size-small);
    line-height: 1.4;
    text-align: center;
    overflow-wrap: anywhere;
  }

  .fallback svg {
    inline-size: 2rem;
    block-size: 2rem;
    flex: none;
  }

  .fallback-status {
    font-weight: 600;
  }

  .fallback-alt {
    max-inline-size: 40rem;
  }

  .expand-button {
    position: absolute;
    inset-block-start: var(--_space-2);
    inset-inline-end: var(--_space-2);
    display: inline-flex;
    align-items: center;
    justify-content: center;
    inline-size: 44px;
    block-size: 44px;
    padding: 0;
    border: 1px solid rgb(255 255 255 / 0.7);
    border-radius: var(--_radius);
    background: rgb(0 0 0 / 0.7);
    color: #ffffff;
    cursor: zoom-in;
  }

  .expand-button:hover {
    background: rgb(0 0 0 / 0.85);
  }

  /* The ring sits on a photo of any colour: a background-coloured halo keeps it visible. */
  .expand-button:focus-visible {
    outline: 2px solid var(--_color-focus);
    outline-offset: 2px;
    box-shadow: 0 0 0 2px var(--_color-background);
  }

  .expand-button svg {
    inline-size: 1.25rem;
    block-size: 1.25rem;
  }

  figcaption {
    margin-block-start: var(--_space-2);
    font-family: var(--_font-ui);
    font-size: var(--_font-size-small);
    line-height: 1.45;
    color: var(--_photo-caption-color);
    overflow-wrap: anywhere;
  }

  .credit {
    font-size: 0.9em;
    letter-spacing: 0.04em;
    text-transform: uppercase;
    color: var(--_color-text-muted);
  }

  dialog {
    /* Logical viewport units: the dynamic ones leave room for mobile toolbars; vi/vb for older engines. */
    max-inline-size: min(96vi, 100rem);
    max-inline-size: min(96dvi, 100rem);
    max-block-size: 96vb;
    max-block-size: 96dvb;
    padding: 0;
    border: 0;
    border-radius: var(--_radius);
    background: var(--_color-background);
    color: var(--_color-text);
    overflow: auto;
  }

  /* ::backdrop inherits from the dialog in current engines; the fallback covers older ones. */
  dialog::backdrop {
    background: var(--_photo-backdrop, rgb(0 0 0 / 0.85));
  }

  .dialog-body {
    display: flex;
    flex-direction: column;
    gap: var(--_space-2);
    padding: var(--_space-2) var(--_space-3) var(--_space-3);
  }

  .close-button {
    align-self: flex-end;
    min-block-size: 44px;
    min-inline-size: 44px;
    padding-block: var(--_space-1);
    padding-inline: var(--_space-3);
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius);
    background: var(--_color-background);
    color: var(--_color-text);
    font-family: var(--_font-ui);
    font-size: var(--_font-size-small);
    cursor: pointer;
  }

  .dialog-image {
    display: block;
    max-inline-size: 100%;
    max-block-size: calc(96vb - 9rem);
    max-block-size: calc(96dvb - 9rem);
    inline-size: auto;
    block-size: auto;
    margin-inline: auto;
    object-fit: contain;
  }

  .dialog-caption {
    margin: 0;
    max-inline-size: 60rem;
  }
`;
