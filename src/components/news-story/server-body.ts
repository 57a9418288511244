/**
 * The body a server renderer (`renderStory`) has already sanitized and rendered for a story, keyed
 * by the story object. `<news-story>`'s server render writes only `token` (a text Lit escapes and
 * does not parse); `renderStory` then puts the body in its place. Lit's SSR would otherwise parse
 * body HTML for custom elements and render them a second time. A story set from page code never
 * has an entry, so its body always goes through the sanitizer in the browser. Not public API.
 */
export interface ServerBody {
  token: string;
  html: string;
}

const prepared = new WeakMap<object, ServerBody>();

export function setServerBody(story: object, body: ServerBody): void {
  prepared.set(story, body);
}

export function serverBody(story: object): ServerBody | undefined {
  return prepared.get(story);
}
