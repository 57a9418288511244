import { expect } from '@open-wc/testing';
import { detectStory, parseStoryText } from '../../src/core/story/detect.js';
import { serializeJsonLd, storyToJsonLd } from '../../src/core/story/jsonld.js';
import type { Story, StoryResult } from '../../src/core/story/model.js';
import { referenceJsonLd, referenceStoryJson, wordpressBody } from './story-fixtures.js';

const summary = (result: StoryResult) => ({ kind: result.kind, headline: result.story?.headline ?? null });

/** A page with JSON-LD in its head, as a publisher serves it. */
const page = (...blocks: string[]) =>
  `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>T</title>${blocks
    .map((block) => `<script type="application/ld+json">${block}</script>`)
    .join('\n')}</head><body><h1>Story</h1></body></html>`;

describe('core/story detectStory', () => {
  const REFERENCE = 'Prior to the attack in Moscow, Iran warned Russia about a security threat';

  it('reads our story JSON with storyFromJson', async () => {
    expect(summary(detectStory(await referenceStoryJson()))).to.deep.equal({ kind: 'news-story', headline: REFERENCE });
  });

  it('reads JSON-LD with storyFromJsonLd', async () => {
    expect(summary(detectStory(await referenceJsonLd()))).to.deep.equal({ kind: 'json-ld', headline: REFERENCE });
  });

  it('reads a real WordPress post (post-embed.json) with storyFromWordPress, passing the options on', async () => {
    const result = detectStory(await wordpressBody('post-embed'), { publisher: { name: 'Garden News' }, lang: 'en' });
    expect(summary(result)).to.deep.equal({ kind: 'wordpress', headline: 'Crocuses bloom early in the city’s parks & gardens, again' });
    expect(result.story?.publisher).to.deep.equal({ name: 'Garden News' });
    expect(result.story?.lang).to.equal('en');
  });

  it('reads the first post of a real WordPress posts list (posts-embed.json), and says so', async () => {
    const posts = await wordpressBody<unknown[]>('posts-embed');
    const result = detectStory(posts);
    expect(summary(result)).to.deep.equal({ kind: 'wordpress', headline: 'Crocuses bloom early in the city’s parks & gardens, again' });
    expect(result.problems).to.deep.equal([{ field: '', message: 'is a list of 3 WordPress posts; showing the first' }]);
  });

  it('reads a list of one post without a problem', async () => {
    const posts = await wordpressBody<unknown[]>('posts-embed');
    expect(detectStory(posts.slice(0, 1)).problems).to.deep.equal([]);
  });

  /** [what, input, kind, headline or null] */
  const shapes: Array<[string, unknown, StoryResult['kind'], string | null]> = [
    ['a JSON-LD @graph', { '@context': 'https://schema.org', '@graph': [{ '@type': 'NewsArticle', headline: 'G', url: 'https://n.example/g' }] }, 'json-ld', 'G'],
    ['a JSON-LD list (extractJsonLd output)', [{ '@type': 'BreadcrumbList' }, { '@type': 'NewsArticle', headline: 'L', url: 'https://n.example/l' }], 'json-ld', 'L'],
    ['JSON-LD with a schema.org @context object', { '@context': { '@vocab': 'http://schema.org/' }, '@type': 'Article', headline: 'V', url: 'https://n.example/v' }, 'json-ld', 'V'],
    ['JSON-LD without an article', { '@context': 'https://schema.org', '@type': 'Recipe', name: 'Soup' }, 'json-ld', null],
    ['a list of our stories', [{ type: 'news-story', version: 1, url: 'https://n.example/s', headline: 'S', publisher: { name: 'N' } }], 'news-story', 'S'],
    ['our JSON without its type (read, with a problem)', { version: 1, url: 'https://n.example/t', headline: 'T', publisher: { name: 'N' } }, 'news-story', 'T'],
    ['our JSON of another version', { type: 'news-story', version: 2, url: 'https://n.example/t', headline: 'T' }, 'news-story', null],
    ['a WordPress error answer', { code: 'rest_post_invalid_id', message: 'Invalid post ID.', data: { status: 404 } }, 'wordpress', null],
    ['an empty list', [], null, null],
    ['a list of numbers', [1, 2], null, null],
    ['an object of another kind', { title: 'Not a post', body: 'x' }, null, null],
    ['null', null, null, null],
    ['a number', 7, null, null],
    ['JSON text of a story', JSON.stringify({ type: 'news-story', version: 1, url: 'https://n.example/j', headline: 'J', publisher: { name: 'N' } }), 'news-story', 'J'],
  ];
  for (const [name, input, kind, headline] of shapes) {
    it(`tells ${name}`, () => {
      const result = detectStory(input);
      expect(summary(result)).to.deep.equal({ kind, headline });
      if (headline === null) expect(result.problems.length).to.be.greaterThan(0);
    });
  }

  it('says what WordPress answered in its error', () => {
    const { problems } = detectStory({ code: 'rest_post_invalid_id', message: 'Invalid post&#8217;s ID.', data: { status: 404 } });
    expect(problems).to.deep.equal([{ field: '', message: 'is an error from WordPress (rest_post_invalid_id, 404): Invalid post’s ID.' }]);
  });
});

describe('core/story parseStoryText', () => {
  /** [what, text, content type, kind, headline or null] */
  const texts: Array<[string, () => Promise<string>, string | undefined, StoryResult['kind'], string | null]> = [
    ['our story JSON', async () => JSON.stringify(await referenceStoryJson()), 'application/json', 'news-story', 'Prior to the attack in Moscow, Iran warned Russia about a security threat'],
    ['a WordPress answer with its charset', async () => JSON.stringify(await wordpressBody('post-embed')), 'application/json; charset=UTF-8', 'wordpress', 'Crocuses bloom early in the city’s parks & gardens, again'],
    ['JSON-LD as application/ld+json', async () => JSON.stringify(await referenceJsonLd()), 'application/ld+json', 'json-ld', 'Prior to the attack in Moscow, Iran warned Russia about a security threat'],
    ['JSON without a content type', async () => JSON.stringify(await referenceJsonLd()), undefined, 'json-ld', 'Prior to the attack in Moscow, Iran warned Russia about a security threat'],
    ['JSON after a byte order mark', async () => `\uFEFF${JSON.stringify(await referenceStoryJson())}`, 'application/json', 'news-story', 'Prior to the attack in Moscow, Iran warned Russia about a security threat'],
    ['an HTML page with JSON-LD', async () => page('{"@type":"WebSite","name":"x"}', JSON.stringify(await referenceJsonLd())), 'text/html; charset=utf-8', 'json-ld', 'Prior to the attack in Moscow, Iran warned Russia about a security threat'],
    ['an HTML page without a content type', async () => page(JSON.stringify(await referenceJsonLd())), undefined, 'json-ld', 'Prior to the attack in Moscow, Iran warned Russia about a security threat'],
    ['an HTML page served as JSON (an error page)', async () => page(JSON.stringify(await referenceJsonLd())), 'application/json', 'json-ld', 'Prior to the attack in Moscow, Iran warned Russia about a security threat'],
    ['an HTML page without JSON-LD', async () => '<!doctype html><title>404</title><p>Not found</p>', 'text/html', 'json-ld', null],
    ['malformed JSON', async () => '{"type": "news-story", "version": 1,', 'application/json', null, null],
    ['an empty answer', async () => '', 'application/json', null, null],
    ['a JSON string', async () => '"a story"', 'application/json', null, null],
    ['plain text', async () => 'Just some words.', 'text/plain', null, null],
  ];
  for (const [name, make, contentType, kind, headline] of texts) {
    it(`reads ${name}`, async () => {
      const result = parseStoryText(await make(), contentType);
      expect(summary(result)).to.deep.equal({ kind, headline });
      if (headline === null) expect(result.problems.length).to.be.greaterThan(0);
    });
  }

  it('reports a malformed JSON-LD block of a page, and reads the good one', async () => {
    const result = parseStoryText(page('{"@type": "NewsArticle",}', JSON.stringify(await referenceJsonLd())), 'text/html');
    expect(result.story?.headline).to.equal('Prior to the attack in Moscow, Iran warned Russia about a security threat');
    expect(result.problems.map((p) => p.field)).to.deep.equal(['script[type="application/ld+json"]']);
  });

  it('reads the JSON-LD storyToJsonLd writes into a page, however hostile the headline', async () => {
    const story: Story = {
      version: 1,
      url: 'https://news.example/a',
      headline: '</script><script>alert(1)</script> & more',
      credits: [],
      body: '',
      related: [],
      publisher: { name: 'N' },
    };
    const result = parseStoryText(page(serializeJsonLd(storyToJsonLd(story))), 'text/html');
    // The block was not cut short by the </script> in the data: the story is there (its headline
    // read as JSON-LD text is, tags dropped).
    expect(result.problems.map((p) => p.field)).to.deep.equal(['articleBody', 'author']);
    expect(result.story?.headline).to.equal('& more');
  });

  it('never throws on text that is not a string', () => {
    expect(parseStoryText(undefined as unknown as string).story).to.equal(null);
  });
});

describe('core/story relative URLs', () => {
  const base = {
    type: 'news-story',
    version: 1,
    url: 'https://publisher.example/2024/04/story.html',
    headline: 'Headline',
    publisher: { name: 'Publisher', url: 'https://publisher.example/', logo: 'logo.png' },
    credits: [{ name: 'Ann Writer', role: 'writing', url: '/author/ann' }],
    image: { src: '/img/hero.jpg', srcset: '/img/hero-600.jpg 600w,/img/hero.jpg 1200w', alt: 'Hero', width: 1200, height: 675 },
    related: [{ headline: 'Other', url: 'other.html', image: '../img/o.jpg' }],
    comments: { action: '/wp-json/wp/v2/comments', format: 'wordpress', postId: '7', open: true },
    body: '<p>x</p>',
  };

  it('come out absolute against the canonical URL (hero, srcset, credits, related, publisher logo, comments)', () => {
    const story = detectStory(base).story!;
    expect(story.image?.src).to.equal('https://publisher.example/img/hero.jpg');
    expect(story.image?.srcset).to.equal('https://publisher.example/img/hero-600.jpg 600w, https://publisher.example/img/hero.jpg 1200w');
    expect(story.credits[0]?.url).to.equal('https://publisher.example/author/ann');
    expect(story.related[0]?.url).to.equal('https://publisher.example/2024/04/other.html');
    expect(story.related[0]?.image).to.equal('https://publisher.example/2024/img/o.jpg');
    expect(story.publisher.url).to.equal('https://publisher.example/');
    expect(story.publisher.logo).to.equal('https://publisher.example/2024/04/logo.png');
    expect(story.comments?.action).to.equal('https://publisher.example/wp-json/wp/v2/comments');
  });

  it('the same from JSON text, and absolute URLs are left as they are', () => {
    const story = parseStoryText(JSON.stringify({ ...base, credits: [{ name: 'B', role: 'writing', url: 'https://other.example/b' }] })).story!;
    expect(story.image?.src).to.equal('https://publisher.example/img/hero.jpg');
    expect(story.credits[0]?.url).to.equal('https://other.example/b');
  });
});
