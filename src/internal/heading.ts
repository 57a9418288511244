import { html, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';

/**
 * `<h3>`…`<h6>` for levels 3 to 6, `<h2>` for anything else. Lit cannot bind a tag name, and
 * `lit/static-html.js` would cost more bytes than one template per level.
 */
export function headingTemplate(level: number, text: string, id: string, cls: string, part?: string): TemplateResult {
  switch (level) {
    case 3:
      return html`<h3 id=${id} class=${cls} part=${ifDefined(part)}>${text}</h3>`;
    case 4:
      return html`<h4 id=${id} class=${cls} part=${ifDefined(part)}>${text}</h4>`;
    case 5:
      return html`<h5 id=${id} class=${cls} part=${ifDefined(part)}>${text}</h5>`;
    case 6:
      return html`<h6 id=${id} class=${cls} part=${ifDefined(part)}>${text}</h6>`;
    default:
      return html`<h2 id=${id} class=${cls} part=${ifDefined(part)}>${text}</h2>`;
  }
}
