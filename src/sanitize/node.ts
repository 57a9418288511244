/**
 * `news-elements/sanitize/node`: the story-body sanitizer and transform on a server, for
 * `renderStory()` and the CLI. Node only (it imports jsdom); browser code never imports it.
 *
 * The same allow-list, URL rules and transform as in the browser (`./story-body.ts`,
 * `./transform.ts`), run on one jsdom window created on first use and reused: DOMPurify's instance
 * for that window is created once too. The result is a string of HTML.
 *
 * @module
 */
import { JSDOM } from 'jsdom';
import { sanitizeStoryBody, type StoryBodyWindow } from './story-body.js';
import { transformStoryBody } from './transform.js';

export interface SanitizeStoryBodyNodeOptions {
  /** The story's canonical URL: relative URLs are resolved against it (see `sanitizeStoryBody`). */
  baseUrl?: string;
  /**
   * Turn figures into `<news-photo>`s and "read also" paragraphs into `<news-related>`s
   * (default `true`). `false` gives the sanitizer's output alone.
   */
  transform?: boolean;
}

let serverWindow: StoryBodyWindow | undefined;

/** The one jsdom window every call uses (no scripts run in it, nothing is fetched by it). */
function jsdomWindow(): StoryBodyWindow {
  // jsdom's window type is not the DOM lib's Window; the sanitizer uses only what both have.
  serverWindow ??= new JSDOM('').window as unknown as StoryBodyWindow;
  return serverWindow;
}

/**
 * Sanitizes (and, by default, transforms) a story body on a server: HTML as the source sent it in,
 * safe HTML with `<news-photo>` and `<news-related>` elements out.
 */
export function sanitizeStoryBodyHtmlNode(html: string, options: SanitizeStoryBodyNodeOptions = {}): string {
  const window = jsdomWindow();
  const fragment = sanitizeStoryBody(html, { window, baseUrl: options.baseUrl });
  if (options.transform !== false) transformStoryBody(fragment);
  // The fragment is already the window's: a div of the same document serializes it without
  // adopting it again (jsdom loads no images, so a live element is as inert as a template here).
  const container = window.document.createElement('div');
  container.append(fragment);
  return container.innerHTML;
}
