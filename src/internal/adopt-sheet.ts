/**
 * Styles for light-DOM content (an article body, a comment form's native fields), which shadow
 * CSS cannot reach: one constructable sheet per document, adopted into the element's root node
 * (the document, or the shadow root of an element that renders it).
 */
export interface SheetAdopter {
  /**
   * Adopts the sheet into `root` once, first, so a sheet a site or a host element adopted itself
   * wins at equal specificity. A detached tree is skipped (adopt again when connected). Never
   * throws: an engine without constructable stylesheets keeps the page's own styles.
   */
  adopt(root: Node): void;
  /** The sheet made for `doc`, if any (for tests and tooling). */
  sheet(doc: Document): CSSStyleSheet | undefined;
}

export function sheetAdopter(cssText: string): SheetAdopter {
  // A sheet can be adopted only in the document that made it.
  const sheets = new WeakMap<Document, CSSStyleSheet>();
  return {
    adopt(root) {
      try {
        const isDocument = root.nodeType === Node.DOCUMENT_NODE;
        if (!isDocument && !(root.nodeType === Node.DOCUMENT_FRAGMENT_NODE && 'host' in root)) return;
        const doc = isDocument ? (root as Document) : root.ownerDocument;
        const Sheet = (doc?.defaultView as (Window & typeof globalThis) | null | undefined)?.CSSStyleSheet;
        if (!doc || !Sheet) return;
        let sheet = sheets.get(doc);
        if (!sheet) {
          sheet = new Sheet();
          sheet.replaceSync(cssText);
          sheets.set(doc, sheet);
        }
        const target = root as Document | ShadowRoot;
        if (!target.adoptedStyleSheets.includes(sheet)) target.adoptedStyleSheets = [sheet, ...target.adoptedStyleSheets];
      } catch {
        /* no constructable stylesheets */
      }
    },
    sheet: (doc) => sheets.get(doc),
  };
}
