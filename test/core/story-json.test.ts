import { expect } from '@open-wc/testing';
import { storyFromJson, storyToJson, STORY_FIELDS } from '../../src/core/story/json.js';
import type { Story, StoryResult } from '../../src/core/story/model.js';
import { hugeHtml, referenceStoryJson } from './story-fixtures.js';

/** A minimal valid story JSON, with `extra` members merged in. */
const json = (extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  type: 'news-story',
  version: 1,
  url: 'https://news.example/a',
  headline: 'A headline',
  publisher: { name: 'News Example' },
  ...extra,
});

const fields = (result: StoryResult) => result.problems.map((p) => p.field);

describe('core/story storyFromJson', () => {
  it('reads the reference story (test/fixtures/story/reference.story.json) without a problem', async () => {
    const source = await referenceStoryJson();
    const { story, kind, problems } = storyFromJson(source);
    expect(problems).to.deep.equal([]);
    expect(kind).to.equal('news-story');
    expect(story?.headline).to.equal('Prior to the attack in Moscow, Iran warned Russia about a security threat');
    expect(story?.kicker).to.equal('Exclusive');
    expect(story?.section).to.equal('World');
    expect(story?.publisher).to.deep.equal({ name: 'The Wire Desk', url: 'http://127.0.0.1:8000/demo/index.html' });
    expect(story?.image).to.deep.include({ src: '/demo/images/crocus-1200.jpg', width: 1200, height: 675, credit: 'REUTERS/Maxim Shemetov' });
    expect(story?.credits.map((c) => `${c.role}:${c.name}${c.location ? `@${c.location}` : ''}`)).to.deep.equal([
      'additional-reporting:Nazarali Pirnazarov@Dushanbe',
      'additional-reporting:Steve Holland@Washington',
      'additional-reporting:Jonathan Landay@Washington',
      'writing:Parisa Hafezi',
      'editing:Michael Georgy',
      'editing:Gareth Jones',
    ]);
    expect(story?.related.map((item) => item.url)).to.deep.equal([
      '/demo/related/tesla-customers.html',
      '/demo/related/philippines-arbitration.html',
      '/demo/related/dutch-hostage.html',
      '/demo/related/kerman-memorial.html',
    ]);
    expect(story?.comments).to.deep.equal({ action: '/wp-json/wp/v2/comments', format: 'wordpress', postId: '1', open: true });
    expect(story?.body.match(/<h2>/g)).to.have.length(2);
    expect(story?.body.match(/<p><strong>READ (?:ALSO|MORE):<\/strong> <a href="\/demo\/related\/[a-z-]+\.html">/g)).to.have.length(3);
  });

  it('writes the reference story back as it was (storyToJson is the inverse)', async () => {
    const source = await referenceStoryJson();
    const { story } = storyFromJson(source);
    const { $schema: _schema, ...expected } = source;
    expect(storyToJson(story as Story)).to.deep.equal(expected);
    // Same members in the same order, all the way down (a boolean: the texts are long).
    expect(JSON.stringify(storyToJson(story as Story)) === JSON.stringify(expected), 'same JSON text').to.equal(true);
  });

  it('reads its JSON text too', () => {
    expect(storyFromJson(JSON.stringify(json())).story?.headline).to.equal('A headline');
  });

  it('trims text fields and leaves blank ones out', () => {
    const { story, problems } = storyFromJson(
      json({ headline: '  Spaced  ', url: ' https://news.example/a ', section: ' World ', kicker: '   ', dek: '\n dek \t', id: ' 42 ' }),
    );
    expect(problems).to.deep.equal([]);
    expect(story).to.deep.include({ headline: 'Spaced', url: 'https://news.example/a', section: 'World', dek: 'dek', id: '42' });
    expect(story).not.to.have.property('kicker');
  });

  it('reads a numeric id as its digits', () => {
    expect(storyFromJson(json({ id: 17 })).story?.id).to.equal('17');
  });

  const refused: Array<[string, unknown, string]> = [
    ['null', null, ''],
    ['a number', 42, ''],
    ['true', true, ''],
    ['an array', [json()], ''],
    ['text that is not JSON', '{"type": "news-story",', ''],
    ['another type', json({ type: 'news-article' }), 'type'],
    ['version 2', json({ version: 2 }), 'version'],
    ['version "1" (a string)', json({ version: '1' }), 'version'],
    ['no version', json({ version: undefined }), 'version'],
    ['no headline', json({ headline: undefined }), 'headline'],
    ['a blank headline', json({ headline: '  ' }), 'headline'],
    ['a headline that is not text', json({ headline: { text: 'A' } }), 'headline'],
    ['no url', json({ url: undefined }), 'url'],
    ['a relative url', json({ url: '/world/a' }), 'url'],
    ['a javascript: url', json({ url: 'javascript:alert(1)' }), 'url'],
    ['a data: url', json({ url: 'data:text/html,<b>x</b>' }), 'url'],
  ];
  for (const [name, input, field] of refused) {
    it(`refuses ${name}`, () => {
      const result = storyFromJson(input);
      expect(result.story).to.equal(null);
      expect(result.kind).to.equal('news-story');
      expect(fields(result)).to.include(field);
    });
  }

  it('refuses, and does not throw, when reading a member throws', () => {
    const hostile = json();
    Object.defineProperty(hostile, 'credits', { enumerable: true, get: () => { throw new Error('boom'); } });
    const result = storyFromJson(hostile);
    expect(result.story).to.equal(null);
    expect(result.problems[0]?.message).to.contain('boom');
  });

  /** [what, extra members, the problem's field, a check of the story that was still read] */
  const dropped: Array<[string, Record<string, unknown>, string, (story: Story) => void]> = [
    ['a missing type', { type: undefined }, 'type', (s) => expect(s.headline).to.equal('A headline')],
    ['an unknown field', { headlnie: 'typo' }, '', (s) => expect(s).not.to.have.property('headlnie')],
    ['a section that is not text', { section: 7 }, 'section', (s) => expect(s).not.to.have.property('section')],
    ['a published date that is not a date', { published: 'yesterday' }, 'published', (s) => expect(s).not.to.have.property('published')],
    ['an impossible date', { updated: '2024-02-31' }, 'updated', (s) => expect(s).not.to.have.property('updated')],
    ['a lang that is no language tag', { lang: 'not a language!' }, 'lang', (s) => expect(s).not.to.have.property('lang')],
    ['a dir that is neither ltr nor rtl', { lang: 'fa', dir: 'sideways' }, 'dir', (s) => expect(s.dir).to.equal('rtl')],
    ['a body that is not a string', { body: ['<p>x</p>'] }, 'body', (s) => expect(s.body).to.equal('')],
    ['credits that are not a list', { credits: { name: 'A' } }, 'credits', (s) => expect(s.credits).to.deep.equal([])],
    [
      'a credit with a javascript: url',
      { credits: [{ name: 'Ann', url: 'javascript:alert(1)' }] },
      'credits',
      (s) => expect(s.credits).to.deep.equal([{ name: 'Ann', role: 'author' }]),
    ],
    ['a credit without a name', { credits: [{ role: 'editing' }, { name: 'Bo' }] }, 'credits', (s) => expect(s.credits).to.have.length(1)],
    ['related that is not a list', { related: 'nope' }, 'related', (s) => expect(s.related).to.deep.equal([])],
    [
      'a related item with a javascript: url (kept as text, marked unsafe)',
      { related: [{ headline: 'R', url: 'javascript:alert(1)' }] },
      'related',
      (s) => expect(s.related[0]?.unsafe).to.equal(true),
    ],
    ['an image that is a string', { image: '/a.jpg' }, 'image', (s) => expect(s).not.to.have.property('image')],
    ['an image without src', { image: { alt: 'A' } }, 'image.src', (s) => expect(s).not.to.have.property('image')],
    ['an image with a javascript: src', { image: { src: 'javascript:alert(1)', alt: '' } }, 'image.src', (s) => expect(s).not.to.have.property('image')],
    ['an image with a data: src', { image: { src: 'data:image/svg+xml,<svg onload=alert(1)>', alt: '' } }, 'image.src', (s) => expect(s).not.to.have.property('image')],
    [
      'a srcset with a javascript: candidate',
      { image: { src: '/a.jpg', alt: '', srcset: '/a.jpg 600w, javascript:alert(1) 1200w' } },
      'image.srcset',
      (s) => expect(s.image).to.deep.equal({ src: '/a.jpg', alt: '' }),
    ],
    ['a width given as text', { image: { src: '/a.jpg', alt: '', width: '1200' } }, 'image.width', (s) => expect(s.image).not.to.have.property('width')],
    ['a negative height', { image: { src: '/a.jpg', alt: '', height: -5 } }, 'image.height', (s) => expect(s.image).not.to.have.property('height')],
    ['an alt that is not text', { image: { src: '/a.jpg', alt: 5 } }, 'image.alt', (s) => expect(s.image?.alt).to.equal(null)],
    ['no publisher (named after the host)', { publisher: undefined }, 'publisher', (s) => expect(s.publisher).to.deep.equal({ name: 'news.example', url: 'https://news.example/' })],
    ['a publisher without a name', { publisher: { url: 'https://p.example/' } }, 'publisher', (s) => expect(s.publisher).to.deep.equal({ name: 'news.example', url: 'https://p.example/' })],
    ['a relative publisher url', { publisher: { name: 'P', url: '/home' } }, 'publisher.url', (s) => expect(s.publisher).to.deep.equal({ name: 'P' })],
    ['a javascript: publisher logo', { publisher: { name: 'P', logo: 'javascript:x' } }, 'publisher.logo', (s) => expect(s.publisher).to.deep.equal({ name: 'P' })],
    ['isPartOf without a name', { isPartOf: { url: '/series' } }, 'isPartOf.name', (s) => expect(s).not.to.have.property('isPartOf')],
    ['comments in an unknown format', { comments: { action: '/c', format: 'disqus' } }, 'comments.format', (s) => expect(s).not.to.have.property('comments')],
    ['comments with a javascript: action', { comments: { action: 'javascript:x', format: 'json' } }, 'comments.action', (s) => expect(s).not.to.have.property('comments')],
    ['comments.open that is not a boolean', { comments: { action: '/c', format: 'json', open: 'no' } }, 'comments.open', (s) => expect(s.comments?.open).to.equal(true)],
  ];
  for (const [name, extra, field, check] of dropped) {
    it(`reads the rest of a story with ${name}, and says so`, () => {
      const result = storyFromJson(json(extra));
      expect(result.story, JSON.stringify(result.problems)).not.to.equal(null);
      expect(fields(result)).to.include(field);
      check(result.story as Story);
    });
  }

  it('says once why it named the publisher after the host', () => {
    expect(storyFromJson(json({ publisher: 'News Example' })).problems).to.deep.equal([
      { field: 'publisher', message: "must be an object { name, url?, logo? }, got a string; named after the story's host (news.example)" },
    ]);
  });

  it('names the unknown fields in its problem', () => {
    const { problems } = storyFromJson(json({ headlnie: 'x', author: 'y' }));
    expect(problems).to.deep.equal([{ field: '', message: 'has unknown fields "headlnie", "author"; ignored' }]);
  });

  const languages: Array<[unknown, unknown, string | undefined, string | undefined]> = [
    // [lang, dir given, lang read, dir read]
    ['en', undefined, 'en', 'ltr'],
    ['EN-us', undefined, 'en-US', 'ltr'],
    ['pt_BR', undefined, 'pt-BR', 'ltr'],
    ['ar', undefined, 'ar', 'rtl'],
    ['fa-IR', undefined, 'fa-IR', 'rtl'],
    ['he', undefined, 'he', 'rtl'],
    ['ur', undefined, 'ur', 'rtl'],
    ['ps', undefined, 'ps', 'rtl'],
    ['ckb', undefined, 'ckb', 'rtl'],
    ['yi', undefined, 'yi', 'rtl'],
    ['dv', undefined, 'dv', 'rtl'],
    ['sd', undefined, 'sd', 'rtl'],
    ['ug', undefined, 'ug', 'rtl'],
    ['az-Arab', undefined, 'az-Arab', 'rtl'],
    ['sd-Deva', undefined, 'sd-Deva', 'ltr'],
    ['ku', undefined, 'ku', 'ltr'],
    ['fa', 'ltr', 'fa', 'ltr'],
    [undefined, 'rtl', undefined, 'rtl'],
    [undefined, undefined, undefined, undefined],
  ];
  for (const [lang, dir, expectedLang, expectedDir] of languages) {
    it(`reads lang ${JSON.stringify(lang)} dir ${JSON.stringify(dir)} as ${expectedLang}/${expectedDir}`, () => {
      const { story, problems } = storyFromJson(json({ lang, dir }));
      expect(problems).to.deep.equal([]);
      expect(story?.lang).to.equal(expectedLang);
      expect(story?.dir).to.equal(expectedDir);
    });
  }

  it('passes a 2 MB body through untouched', () => {
    const body = hugeHtml(2 * 1024 * 1024);
    const { story, problems } = storyFromJson(json({ body }));
    expect(problems).to.deep.equal([]);
    expect(story?.body.length).to.equal(body.length);
    expect(story?.body === body).to.equal(true);
  });

  it('keeps HTML and entities in the body as written (the sanitizer reads it later)', () => {
    const body = '  <p onclick="x()">Caf&eacute; <script>alert(1)</script></p>  ';
    expect(storyFromJson(json({ body })).story?.body).to.equal(body);
  });

  it('keeps entities in text fields as written: our JSON is plain text, not HTML', () => {
    expect(storyFromJson(json({ headline: 'Tom &amp; Jerry <em>x</em>' })).story?.headline).to.equal('Tom &amp; Jerry <em>x</em>');
  });

  it('reads a whole image, and keeps alt "" (decorative) apart from a missing alt (null)', () => {
    const image = { src: 'https://img.example/a.jpg', srcset: 'https://img.example/a-600.jpg 600w, https://img.example/a.jpg 1200w', sizes: '100vw', width: 1200, height: 675, alt: '', caption: ' Cap ', credit: ' Cred ' };
    expect(storyFromJson(json({ image })).story?.image).to.deep.equal({ ...image, caption: 'Cap', credit: 'Cred' });
    expect(storyFromJson(json({ image: { src: '/a.jpg' } })).story?.image).to.deep.equal({ src: '/a.jpg', alt: null });
  });
});

describe('core/story storyToJson', () => {
  it('writes type and version first, the body last, and leaves absent members out', () => {
    const { story } = storyFromJson(json({ body: '<p>x</p>', section: 'World' }));
    const out = storyToJson(story as Story);
    const keys = Object.keys(out);
    expect(keys.slice(0, 2)).to.deep.equal(['type', 'version']);
    expect(keys.at(-1)).to.equal('body');
    expect(keys.every((key) => key === 'type' || (STORY_FIELDS as string[]).includes(key))).to.equal(true);
    expect(Object.values(out).includes(undefined)).to.equal(false);
  });

  it('does not write the unsafe mark of a related item (reading sets it again)', () => {
    const { story } = storyFromJson(json({ related: [{ headline: 'R', url: 'javascript:x' }] }));
    const out = storyToJson(story as Story);
    expect(out.related).to.deep.equal([{ headline: 'R', url: 'javascript:x' }]);
    expect(storyFromJson(out).story?.related[0]?.unsafe).to.equal(true);
  });

  it('returns a copy', () => {
    const { story } = storyFromJson(json({ credits: [{ name: 'A' }], image: { src: '/a.jpg', alt: '' } }));
    const out = storyToJson(story as Story);
    out.credits[0]!.name = 'changed';
    out.image!.src = 'changed';
    expect(story?.credits[0]?.name).to.equal('A');
    expect(story?.image?.src).to.equal('/a.jpg');
  });
});
