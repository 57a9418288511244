import { noChange } from 'lit';
import { Directive, directive, PartType, type ElementPart, type PartInfo } from 'lit/directive.js';

/**
 * Sets inline styles through the CSSOM (`style.setProperty`) on every render, the first included.
 * Lit's `styleMap` writes its first render as a `style="…"` attribute string, which a strict
 * Content-Security-Policy (`style-src 'self'`, no 'unsafe-inline') blocks; CSSOM writes are allowed.
 * Use as an element directive: `<div ${cssomStyle({ 'aspect-ratio': '16 / 9' })}>`.
 */
class CssomStyleDirective extends Directive {
  private applied = new Set<string>();

  constructor(info: PartInfo) {
    super(info);
    if (info.type !== PartType.ELEMENT) throw new Error('cssomStyle must be used on an element, not in an attribute');
  }

  render(_styles: Readonly<Record<string, string | undefined>>): typeof noChange {
    return noChange;
  }

  override update(part: ElementPart, [styles]: [Readonly<Record<string, string | undefined>>]): typeof noChange {
    const style = (part.element as HTMLElement).style;
    const next = new Set<string>();
    for (const [name, value] of Object.entries(styles)) {
      if (value === undefined) continue;
      style.setProperty(name, value);
      next.add(name);
    }
    for (const name of this.applied) if (!next.has(name)) style.removeProperty(name);
    this.applied = next;
    return noChange;
  }
}

export const cssomStyle = directive(CssomStyleDirective);
