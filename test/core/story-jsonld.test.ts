import { expect } from '@open-wc/testing';
import { articleBodyToHtml, extractJsonLd, serializeJsonLd, storyFromJsonLd, storyToJsonLd } from '../../src/core/story/jsonld.js';
import { storyFromJson } from '../../src/core/story/json.js';
import type { Story, StoryProblem, StoryResult } from '../../src/core/story/model.js';
import { hugeHtml, referenceJsonLd, referenceStoryJson } from './story-fixtures.js';

type Node = Record<string, unknown>;

const URL_ = 'https://news.example/world/2024/04/08/story';
/** A minimal NewsArticle with `extra` members merged in. */
const article = (extra: Node = {}): Node => ({
  '@context': 'https://schema.org',
  '@type': 'NewsArticle',
  headline: 'A headline',
  url: URL_,
  author: { '@type': 'Person', name: 'Ann Writer' },
  publisher: { '@type': 'Organization', name: 'News Example' },
  articleBody: 'Body.',
  ...extra,
});
const fields = (result: StoryResult) => result.problems.map((p) => p.field);
const roles = (story: Story | null) => story?.credits.map((c) => `${c.role}:${c.name}${c.location ? `@${c.location}` : ''}`);

/** Credits grouped the way the byline shows them: role order matters, not the order of the source. */
const byRole = (story: Story | null | undefined) => [...(story?.credits ?? [])].map((c) => `${c.role}:${c.name}:${c.location ?? ''}`).sort();

describe('core/story storyFromJsonLd', () => {
  it('reads the reference story as JSON-LD (test/fixtures/story/reference.jsonld.json) like our JSON', async () => {
    const { story, kind, problems } = storyFromJsonLd(await referenceJsonLd());
    const ours = storyFromJson(await referenceStoryJson()).story as Story;
    expect(problems).to.deep.equal([]);
    expect(kind).to.equal('json-ld');
    for (const key of ['url', 'id', 'headline', 'dek', 'section', 'published', 'lang', 'dir', 'publisher'] as const) {
      expect(story?.[key], key).to.deep.equal(ours[key]);
    }
    expect(byRole(story)).to.deep.equal(byRole(ours));
    expect(story?.image).to.deep.equal({
      src: ours.image?.src,
      alt: ours.image?.alt,
      width: 1200,
      height: 675,
      caption: ours.image?.caption,
      credit: 'REUTERS/Maxim Shemetov',
    });
    // articleBody is text: its paragraphs (the subheads among them) come back as <p>s.
    const paragraphs = story?.body.match(/<p>/g)?.length;
    expect(paragraphs).to.equal((ours.body.match(/<(?:p|h2)>/g)?.length ?? 0) - 3);
    expect(story?.body).to.contain('<p>“Important function”</p>');
  });

  const types: Array<[unknown, boolean]> = [
    ['NewsArticle', true],
    ['Article', true],
    ['ReportageNewsArticle', true],
    ['AnalysisNewsArticle', true],
    ['OpinionNewsArticle', true],
    ['BlogPosting', true],
    ['schema:NewsArticle', true],
    ['https://schema.org/NewsArticle', true],
    [['CreativeWork', 'NewsArticle'], true],
    ['WebPage', false],
    ['Recipe', false],
    [undefined, false],
  ];
  for (const [type, read] of types) {
    it(`${read ? 'reads' : 'refuses'} @type ${JSON.stringify(type)}`, () => {
      const result = storyFromJsonLd(article({ '@type': type }));
      expect(result.story !== null).to.equal(read);
      if (!read) expect(fields(result)).to.deep.equal(['@type']);
    });
  }

  const containers: Array<[string, unknown]> = [
    ['an object', article()],
    ['its JSON text', JSON.stringify(article())],
    ['a list, after other nodes', [{ '@type': 'BreadcrumbList' }, article()]],
    ['a @graph', { '@context': 'https://schema.org', '@graph': [{ '@type': 'WebSite', name: 'Site' }, article()] }],
    ['a list of @graph documents', [{ '@graph': [{ '@type': 'Organization', name: 'X' }] }, { '@graph': [article()] }]],
    ['the mainEntity of a WebPage', { '@context': 'https://schema.org', '@type': 'WebPage', mainEntity: article() }],
  ];
  for (const [name, input] of containers) {
    it(`finds the article in ${name}`, () => {
      expect(storyFromJsonLd(input).story?.headline).to.equal('A headline');
    });
  }

  it('follows @id references of a @graph, as Yoast SEO writes them', () => {
    const graph = {
      '@context': 'https://schema.org',
      '@graph': [
        {
          '@type': 'Article',
          '@id': `${URL_}#article`,
          isPartOf: { '@id': `${URL_}` },
          author: { name: 'Ann Writer', '@id': 'https://news.example/#/schema/person/1' },
          headline: 'Hello &amp; welcome',
          datePublished: '2024-04-08T10:00:00+00:00',
          dateModified: '2024-04-08T12:00:00+00:00',
          mainEntityOfPage: { '@id': URL_ },
          publisher: { '@id': 'https://news.example/#organization' },
          image: { '@id': `${URL_}#primaryimage` },
          articleSection: ['World', 'Iran'],
          inLanguage: 'en-US',
        },
        { '@type': 'WebPage', '@id': URL_, url: URL_, name: 'Hello - News Example', isPartOf: { '@id': 'https://news.example/#website' } },
        { '@type': 'ImageObject', '@id': `${URL_}#primaryimage`, url: 'https://news.example/a.jpg', contentUrl: 'https://news.example/a.jpg', width: 1200, height: 675, caption: 'A caption' },
        {
          '@type': 'Organization',
          '@id': 'https://news.example/#organization',
          name: 'News Example',
          url: 'https://news.example/',
          logo: { '@type': 'ImageObject', url: 'https://news.example/logo.png', contentUrl: 'https://news.example/logo.png' },
        },
        { '@type': 'Person', '@id': 'https://news.example/#/schema/person/1', name: 'Ann Writer', url: 'https://news.example/author/ann/' },
      ],
    };
    const { story, problems } = storyFromJsonLd(graph);
    expect(problems).to.deep.equal([{ field: 'articleBody', message: 'is missing; no body' }]);
    expect(story).to.deep.include({
      url: URL_,
      headline: 'Hello & welcome',
      published: '2024-04-08T10:00:00+00:00',
      updated: '2024-04-08T12:00:00+00:00',
      section: 'World',
      lang: 'en-US',
      dir: 'ltr',
      body: '',
    });
    expect(story?.credits).to.deep.equal([{ name: 'Ann Writer', role: 'author', url: 'https://news.example/author/ann/' }]);
    expect(story?.publisher).to.deep.equal({ name: 'News Example', url: 'https://news.example/', logo: 'https://news.example/logo.png' });
    expect(story?.image).to.deep.equal({ src: 'https://news.example/a.jpg', alt: null, width: 1200, height: 675, caption: 'A caption' });
    // isPartOf is a WebPage here: not a series.
    expect(story?.isPartOf).to.equal(undefined);
  });

  it('follows a reference cycle without looping', () => {
    const input = { '@graph': [article({ '@id': '#a', author: { '@id': '#p' } }), { '@id': '#p', '@type': 'Person', name: 'P', worksFor: { '@id': '#a' } }] };
    expect(roles(storyFromJsonLd(input).story)).to.deep.equal(['author:P']);
  });

  it('takes name when there is no headline, and decodes entities and drops tags', () => {
    expect(storyFromJsonLd(article({ headline: undefined, name: 'The <b>name</b> &amp; more' })).story?.headline).to.equal('The name & more');
  });

  const urls: Array<[string, Node, string | null]> = [
    ['url', {}, URL_],
    ['mainEntityOfPage as a string', { url: undefined, mainEntityOfPage: 'https://news.example/b' }, 'https://news.example/b'],
    ['mainEntityOfPage as a WebPage @id', { url: undefined, mainEntityOfPage: { '@type': 'WebPage', '@id': 'https://news.example/c' } }, 'https://news.example/c'],
    ['a relative url and mainEntityOfPage', { url: '/a', mainEntityOfPage: 'https://news.example/d' }, 'https://news.example/d'],
    ['no url at all', { url: undefined }, null],
    ['only a relative url', { url: '/a' }, null],
    ['a javascript: url', { url: 'javascript:alert(1)' }, null],
  ];
  for (const [name, extra, expected] of urls) {
    it(`reads the canonical URL from ${name}`, () => {
      const result = storyFromJsonLd(article(extra));
      expect(result.story?.url ?? null).to.equal(expected);
      if (expected === null) expect(fields(result)).to.deep.equal(['url']);
    });
  }

  it('refuses an article without headline or name', () => {
    const result = storyFromJsonLd(article({ headline: undefined }));
    expect(result.story).to.equal(null);
    expect(fields(result)).to.deep.equal(['headline']);
  });

  for (const [name, input] of [['null', null], ['a number', 3], ['text that is not JSON', '{"@type": '], ['an empty list', []]] as Array<[string, unknown]>) {
    it(`refuses ${name}, without throwing`, () => {
      const result = storyFromJsonLd(input);
      expect(result.story).to.equal(null);
      expect(result.kind).to.equal('json-ld');
      expect(result.problems).to.have.length(1);
    });
  }

  /** [what, image value, the story's image] */
  const images: Array<[string, unknown, unknown]> = [
    ['a URL', 'https://img.example/a.jpg', { src: 'https://img.example/a.jpg', alt: null }],
    ['a relative URL', '/a.jpg', { src: '/a.jpg', alt: null }],
    ['a list of URLs (the first)', ['https://img.example/16x9.jpg', 'https://img.example/1x1.jpg'], { src: 'https://img.example/16x9.jpg', alt: null }],
    [
      'an ImageObject with contentUrl, sizes as text and QuantitativeValue, creditText',
      { '@type': 'ImageObject', contentUrl: 'https://img.example/a.jpg', width: '1200', height: { '@type': 'QuantitativeValue', value: 675 }, caption: 'Cap &amp; tion', description: 'Alt text', creditText: 'REUTERS/Maxim Shemetov' },
      { src: 'https://img.example/a.jpg', alt: 'Alt text', width: 1200, height: 675, caption: 'Cap & tion', credit: 'REUTERS/Maxim Shemetov' },
    ],
    ['an ImageObject credited by its copyrightHolder', { url: '/a.jpg', copyrightHolder: { '@type': 'Organization', name: 'Agency' } }, { src: '/a.jpg', alt: null, credit: 'Agency' }],
    ['an ImageObject credited by its creator', { url: '/a.jpg', creator: { '@type': 'Person', name: 'Ana Lens' } }, { src: '/a.jpg', alt: null, credit: 'Ana Lens' }],
    ['a javascript: URL, then a good one', ['javascript:alert(1)', '/b.jpg'], { src: '/b.jpg', alt: null }],
    ['nothing', undefined, undefined],
  ];
  for (const [name, image, expected] of images) {
    it(`reads an image given as ${name}`, () => {
      expect(storyFromJsonLd(article({ image })).story?.image).to.deep.equal(expected);
    });
  }

  it('falls back to thumbnailUrl', () => {
    expect(storyFromJsonLd(article({ thumbnailUrl: 'https://img.example/t.jpg' })).story?.image).to.deep.equal({ src: 'https://img.example/t.jpg', alt: null });
  });

  it('leaves out an image whose only URL is javascript:, and says so', () => {
    const result = storyFromJsonLd(article({ image: { '@type': 'ImageObject', url: 'javascript:alert(1)' } }));
    expect(result.story?.image).to.equal(undefined);
    expect(fields(result)).to.deep.equal(['image']);
  });

  /** [what, members, credits as role:name@place] */
  const people: Array<[string, Node, string[]]> = [
    ['an author name', { author: 'Ann Writer' }, ['author:Ann Writer']],
    ['a list of Persons and an Organization', { author: [{ '@type': 'Person', name: 'A' }, { '@type': 'Organization', name: 'Wire Desk' }] }, ['author:A', 'author:Wire Desk']],
    ['givenName and familyName', { author: { '@type': 'Person', givenName: 'Ann', familyName: 'Writer' } }, ['author:Ann Writer']],
    ['a creator who is also the author (credited once)', { creator: { '@type': 'Person', name: 'Ann Writer' } }, ['author:Ann Writer']],
    ['a Role editor in author', { author: [{ '@type': 'Role', roleName: 'editor', author: { '@type': 'Person', name: 'E' } }] }, ['editing:E']],
    ['Role names of every kind', {
      author: [
        { '@type': 'Role', roleName: 'Editing', author: { name: 'E' } },
        { '@type': 'Role', roleName: 'reporter', author: { name: 'R' } },
        { '@type': 'Role', roleName: 'Writer', author: 'W' },
        { '@type': 'Role', roleName: 'photographer', creator: { name: 'P' } },
        { '@type': 'Role', roleName: 'columnist', author: { name: 'C' } },
      ],
    }, ['editing:E', 'reporting:R', 'writing:W', 'photography:P', 'author:C']],
    ['a contributor (reporting) and an additional reporter with a workLocation', {
      author: undefined,
      contributor: [
        { '@type': 'Person', name: 'R' },
        { '@type': 'Role', roleName: 'additional reporting', contributor: [{ '@type': 'Person', name: 'N', workLocation: { '@type': 'Place', name: 'Dushanbe' } }, { name: 'S', workLocation: 'Washington' }] },
        { '@type': 'Role', roleName: 'fact-checking', contributor: { name: 'F' } },
      ],
    }, ['reporting:R', 'additional-reporting:N@Dushanbe', 'additional-reporting:S@Washington', 'reporting:F']],
    ['an editor property', { editor: [{ '@type': 'Person', name: 'E1' }, 'E2'] }, ['author:Ann Writer', 'editing:E1', 'editing:E2']],
  ];
  for (const [name, extra, expected] of people) {
    it(`credits ${name}`, () => {
      expect(roles(storyFromJsonLd(article(extra)).story)).to.deep.equal(expected);
    });
  }

  it('says when there is no author, and when a Role has no person', () => {
    expect(fields(storyFromJsonLd(article({ author: undefined })))).to.deep.equal(['author']);
    const result = storyFromJsonLd(article({ author: { '@type': 'Role', roleName: 'writer' } }));
    expect(fields(result)).to.deep.equal(['author']);
    expect(result.story?.credits).to.deep.equal([]);
  });

  it('drops an author URL that is javascript: (the name stays)', () => {
    const result = storyFromJsonLd(article({ author: { '@type': 'Person', name: 'A', url: 'javascript:alert(1)' } }));
    expect(result.story?.credits).to.deep.equal([{ name: 'A', role: 'author' }]);
    expect(fields(result)).to.deep.equal(['author']);
  });

  const bodies: Array<[string, string, string]> = [
    ['paragraphs split on blank lines', 'One.\n\nTwo\nstill two.\r\n\r\nThree.', '<p>One.</p>\n<p>Two still two.</p>\n<p>Three.</p>'],
    ['lines when there is no blank line', 'One.\nTwo.', '<p>One.</p>\n<p>Two.</p>'],
    ['markup characters in text, escaped', 'a < b && c > "d" \'e\' <script>alert(1)</script>x', '<p>a &lt; b &amp;&amp; c &gt; &quot;d&quot; &#39;e&#39; &lt;script&gt;alert(1)&lt;/script&gt;x</p>'],
    ['HTML, kept as is', '<p>Already <a href="/x">HTML</a></p>\n\n<p>Two</p>', '<p>Already <a href="/x">HTML</a></p>\n\n<p>Two</p>'],
    ['blank text', '  \n\n ', ''],
  ];
  for (const [name, input, expected] of bodies) {
    it(`turns articleBody into body HTML: ${name}`, () => {
      expect(articleBodyToHtml(input)).to.equal(expected);
      expect(storyFromJsonLd(article({ articleBody: input })).story?.body).to.equal(expected);
    });
  }

  it('passes a 2 MB HTML articleBody through untouched', () => {
    const body = hugeHtml(2 * 1024 * 1024);
    const { story } = storyFromJsonLd(article({ articleBody: body }));
    expect(story?.body === body).to.equal(true);
  });

  it('reads a 2 MB text articleBody into paragraphs', () => {
    const text = 'Word & word. '.repeat(80).concat('\n\n').repeat(2048);
    const { story } = storyFromJsonLd(article({ articleBody: text }));
    expect(story?.body.match(/<p>/g)).to.have.length(2048);
    expect(story?.body.includes(' & ')).to.equal(false);
  });

  it('names the publisher after the host when there is none', () => {
    const result = storyFromJsonLd(article({ publisher: undefined }));
    expect(result.story?.publisher).to.deep.equal({ name: 'news.example', url: 'https://news.example/' });
    expect(fields(result)).to.deep.equal(['publisher']);
  });

  it('reads publisher url and logo as a URL, and isPartOf as a series', () => {
    const { story } = storyFromJsonLd(
      article({
        publisher: { '@type': 'NewsMediaOrganization', name: 'P', url: 'https://p.example/', logo: 'https://p.example/logo.svg' },
        isPartOf: { '@type': ['CreativeWork', 'Product'], name: 'Special report', url: 'https://p.example/series' },
      }),
    );
    expect(story?.publisher).to.deep.equal({ name: 'P', url: 'https://p.example/', logo: 'https://p.example/logo.svg' });
    expect(story?.isPartOf).to.deep.equal({ name: 'Special report', url: 'https://p.example/series' });
  });

  const languages: Array<[unknown, string | undefined, string | undefined, boolean]> = [
    ['fa', 'fa', 'rtl', false],
    [{ '@type': 'Language', name: 'Arabic', alternateName: 'ar' }, 'ar', 'rtl', false],
    ['en-GB', 'en-GB', 'ltr', false],
    ['English', undefined, undefined, true],
  ];
  for (const [inLanguage, lang, dir, problem] of languages) {
    it(`reads inLanguage ${JSON.stringify(inLanguage)}`, () => {
      const result = storyFromJsonLd(article({ inLanguage }));
      expect(result.story?.lang).to.equal(lang);
      expect(result.story?.dir).to.equal(dir);
      expect(fields(result)).to.deep.equal(problem ? ['inLanguage'] : []);
    });
  }

  it('drops dates that are not ISO 8601, and says so', () => {
    const result = storyFromJsonLd(article({ datePublished: 'April 8, 2024', dateModified: '2024-04-08T11:00:00+03:00' }));
    expect(result.story?.published).to.equal(undefined);
    expect(result.story?.updated).to.equal('2024-04-08T11:00:00+03:00');
    expect(fields(result)).to.deep.equal(['datePublished']);
  });
});

describe('core/story extractJsonLd', () => {
  const ld = (attrs: string, content: string) => `<script ${attrs}>${content}</script>`;
  const cases: Array<[string, string, unknown[], number]> = [
    ['a block in a page', `<!doctype html><html><head>${ld('type="application/ld+json"', '{"a":1}')}</head><body><p>x</p></body></html>`, [{ a: 1 }], 0],
    ['two blocks, in order', ld('type="application/ld+json"', '{"a":1}') + ld("type='application/ld+json'", '[{"b":2}]'), [{ a: 1 }, [{ b: 2 }]], 0],
    ['unquoted and upper-case type, other attributes', ld('id="x" TYPE=APPLICATION/LD+JSON class="y"', '{"a":1}'), [{ a: 1 }], 0],
    ['a charset parameter', ld('type="application/ld+json; charset=utf-8"', '{"a":1}'), [{ a: 1 }], 0],
    ['an HTML comment wrapper', ld('type="application/ld+json"', '<!--\n{"a":1}\n-->'), [{ a: 1 }], 0],
    ['a CDATA wrapper', ld('type="application/ld+json"', '//<![CDATA[\n{"a":1}\n//]]>'), [{ a: 1 }], 0],
    ['other scripts, ignored', ld('', 'var a = {"a":1};') + ld('type="module"', '{}') + ld('type="application/json"', '{"j":1}'), [], 0],
    ['a malformed block, skipped', ld('type="application/ld+json"', '{"a":1,}') + ld('type="application/ld+json"', '{"b":2}'), [{ b: 2 }], 1],
    ['an empty block, skipped', ld('type="application/ld+json"', '  '), [], 1],
    ['< escaped in the JSON', ld('type="application/ld+json"', '{"h":"a \\u003c/script> b"}'), [{ h: 'a </script> b' }], 0],
  ];
  for (const [name, html, expected, problemCount] of cases) {
    it(`extracts ${name}`, () => {
      const problems: StoryProblem[] = [];
      expect(extractJsonLd(html, problems)).to.deep.equal(expected);
      expect(problems).to.have.length(problemCount);
    });
  }

  it('works without a problems list', () => {
    expect(extractJsonLd('<script type="application/ld+json">nope</script>')).to.deep.equal([]);
  });
});

describe('core/story storyToJsonLd', () => {
  it('writes the reference story as a NewsArticle with the canonical URL', async () => {
    const story = storyFromJson(await referenceStoryJson()).story as Story;
    const ld = storyToJsonLd(story);
    expect(ld).to.deep.include({
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      mainEntityOfPage: story.url,
      url: story.url,
      headline: story.headline,
      description: story.dek,
      datePublished: '2024-04-08T10:00:00Z',
      inLanguage: 'en',
      articleSection: 'World',
    });
    expect(ld).not.to.have.property('dateModified');
    // Relative URLs become absolute against the canonical URL.
    expect(ld.image).to.deep.equal({
      '@type': 'ImageObject',
      url: 'http://127.0.0.1:8000/demo/images/crocus-1200.jpg',
      width: 1200,
      height: 675,
      caption: story.image?.caption,
      description: story.image?.alt,
      creditText: 'REUTERS/Maxim Shemetov',
    });
    expect(ld.publisher).to.deep.equal({ '@type': 'Organization', name: 'The Wire Desk', url: 'http://127.0.0.1:8000/demo/index.html' });
    expect(ld.author).to.deep.equal({ '@type': 'Role', roleName: 'writer', author: { '@type': 'Person', name: 'Parisa Hafezi' } });
    expect(ld.editor).to.deep.equal([
      { '@type': 'Person', name: 'Michael Georgy' },
      { '@type': 'Person', name: 'Gareth Jones' },
    ]);
  });

  it('writes authors as Persons with their URL', () => {
    const { story } = storyFromJsonLd(article({ author: [{ '@type': 'Person', name: 'A', url: '/people/a' }, { '@type': 'Person', name: 'B' }] }));
    expect(storyToJsonLd(story as Story).author).to.deep.equal([
      { '@type': 'Person', name: 'A', url: 'https://news.example/people/a' },
      { '@type': 'Person', name: 'B' },
    ]);
  });

  it('is read back by storyFromJsonLd with the same credits, image and metadata', async () => {
    const story = storyFromJson(await referenceStoryJson()).story as Story;
    story.credits.push({ name: 'Ana Lens', role: 'photography' }, { name: 'Rita Reporter', role: 'reporting', location: 'Tehran' }, { name: 'Al Author', role: 'author', url: 'https://news.example/al' });
    story.isPartOf = { name: 'Special report', url: 'https://news.example/series' };
    story.updated = '2024-04-08T14:25:00Z';
    const back = storyFromJsonLd(JSON.parse(serializeJsonLd(storyToJsonLd(story))));
    expect(back.problems).to.deep.equal([{ field: 'articleBody', message: 'is missing; no body' }]);
    expect(byRole(back.story)).to.deep.equal(byRole(story));
    for (const key of ['url', 'id', 'headline', 'dek', 'section', 'published', 'updated', 'lang', 'dir', 'publisher', 'isPartOf'] as const) {
      expect(back.story?.[key], key).to.deep.equal(story[key]);
    }
    // JSON-LD has no srcset: the rest of the image comes back, its URL made absolute.
    const { srcset: _srcset, sizes: _sizes, ...image } = story.image as NonNullable<Story['image']>;
    expect(back.story?.image).to.deep.equal({ ...image, src: 'http://127.0.0.1:8000/demo/images/crocus-1200.jpg' });
  });

  it('serializes for a script element: no </script> or <!-- can close or change it', () => {
    const text = serializeJsonLd({ headline: '</script><script>alert(1)</script><!-- \u2028' });
    expect(text).not.to.contain('<');
    expect(text).not.to.contain('\u2028');
    expect(JSON.parse(text)).to.deep.equal({ headline: '</script><script>alert(1)</script><!-- \u2028' });
  });
});
