// `node bench/explain-render.js` only (bundled with Lit by it): Lit and one trivial element, the
// least a Lit page can do. The static article is wrapped in one <news-minimal> (a `news-` tag, so the
// render probe waits for it to be defined and rendered).
import { LitElement, css, html } from 'lit';

class NewsMinimal extends LitElement {
  static styles = css`
    :host {
      display: block;
    }
  `;
  render() {
    return html`<slot></slot>`;
  }
}
customElements.define('news-minimal', NewsMinimal);
