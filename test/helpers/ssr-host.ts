/**
 * <ssr-test-host markup="…">: renders its `markup` attribute as its shadow tree. Server-rendered,
 * the elements in that markup get `defer-hydration` and are taken over only when the host's own
 * hydration releases them, as the elements inside <news-story>'s shadow root are. Test-only; the
 * same module runs in the SSR worker (test/server/ssr-worker.js) and in the browser.
 */
import { LitElement } from 'lit';
import { html, unsafeStatic } from 'lit/static-html.js';

export class SsrTestHost extends LitElement {
  static override properties = { markup: { type: String } };

  declare markup: string | undefined;

  override render() {
    return html`${unsafeStatic(this.markup ?? '')}`;
  }
}

if (!customElements.get('ssr-test-host')) customElements.define('ssr-test-host', SsrTestHost);
