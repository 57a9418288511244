/**
 * The language an element speaks: its own `lang`, else the nearest ancestor's, crossing shadow
 * roots (an element inside <news-story>'s shadow root takes the story's language), else the
 * document's, else English.
 */
export function resolveLang(el: Element): string {
  let node: Node | null = el;
  while (node) {
    if (node instanceof Element) {
      const lang = node.getAttribute('lang');
      if (lang) return lang;
    }
    node = node.parentNode ?? (node instanceof ShadowRoot ? node.host : null);
  }
  return 'en';
}
