/**
 * Loads the story test fixtures over HTTP from web-test-runner's own server (it serves the repo
 * root): the recorded WordPress answers (`test/fixtures/wordpress/*.json`, body under
 * `.response.body`, the site written as http://wordpress.test) and the reference story in our
 * JSON and as JSON-LD (`test/fixtures/story/`). Each call gives a fresh copy, free to mutate.
 */
import type { Story } from '../../src/core/story/model.js';

async function load<T>(path: string): Promise<T> {
  const response = await fetch(path);
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
  return (await response.json()) as T;
}

/** The body WordPress answered, as recorded from WordPress 6.1 by scripts/wordpress/. */
export async function wordpressBody<T = Record<string, unknown>>(name: string): Promise<T> {
  const fixture = await load<{ response: { body: T } }>(`/test/fixtures/wordpress/${name}.json`);
  return fixture.response.body;
}

/** Whether a recorded fixture exists (another helper may record more while these tests are written). */
export async function hasFixture(path: string): Promise<boolean> {
  return (await fetch(path, { method: 'HEAD' })).ok;
}

export const referenceStoryJson = () => load<Record<string, unknown>>('/test/fixtures/story/reference.story.json');
export const referenceJsonLd = () => load<Record<string, unknown>>('/test/fixtures/story/reference.jsonld.json');
export const storySchema = () => load<Record<string, unknown>>('/schema/story-v1.schema.json');

/** A whole, valid story for table rows to start from (copy it: `story()`). */
export const story = (): Story => ({
  version: 1,
  url: 'https://news.example/world/2024/04/08/story',
  headline: 'Headline',
  credits: [],
  body: '<p>Body</p>',
  related: [],
  publisher: { name: 'News Example', url: 'https://news.example/' },
});

/** A string of `size` characters of valid HTML paragraphs (a huge body). */
export function hugeHtml(size: number): string {
  const paragraph = '<p>The quick brown fox &amp; the lazy dog — “quoted” — <a href="/x">link</a>.</p>\n';
  return paragraph.repeat(Math.ceil(size / paragraph.length)).slice(0, size);
}
