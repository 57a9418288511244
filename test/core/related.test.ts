import { expect } from '@open-wc/testing';
import { normalizeItems } from '../../src/core/related.js';
import { badItems, related } from '../../stories/fixtures/news-related.js';

/** A post as WordPress 6 answers `/wp-json/wp/v2/posts?_embed` (fields the adapter does not read trimmed). */
const embeddedPost = {
  id: 42,
  date: '2024-04-05T17:20:00',
  date_gmt: '2024-04-05T14:20:00',
  link: 'https://news.example/2024/04/05/tesla/',
  title: { rendered: 'Musk&#8217;s <em>reputation</em> &amp; Tesla&#8217;s buyers' },
  excerpt: { rendered: '<p>Surveys show the brand losing ground &hellip;</p>\n', protected: false },
  featured_media: 7,
  categories: [3],
  _embedded: {
    'wp:featuredmedia': [
      {
        id: 7,
        type: 'attachment',
        alt_text: 'A red car.',
        media_type: 'image',
        media_details: {
          width: 1200,
          height: 675,
          sizes: {
            medium: { width: 300, height: 169, source_url: 'https://news.example/wp-content/uploads/2024/04/car-300x169.jpg' },
            medium_large: { width: 768, height: 432, source_url: 'https://news.example/wp-content/uploads/2024/04/car-768x432.jpg' },
            full: { width: 1200, height: 675, source_url: 'https://news.example/wp-content/uploads/2024/04/car.jpg' },
          },
        },
        source_url: 'https://news.example/wp-content/uploads/2024/04/car.jpg',
      },
    ],
    'wp:term': [
      [{ id: 3, name: 'Business &amp; Economy', slug: 'business', taxonomy: 'category' }],
      [{ id: 9, name: 'Cars', slug: 'cars', taxonomy: 'post_tag' }],
    ],
  },
};

describe('core/related normalizeItems', () => {
  it('keeps our own list as written', () => {
    const { items, problems } = normalizeItems(related);
    expect(items).to.deep.equal(related);
    expect(problems).to.deep.equal([]);
  });

  it('trims text and leaves out blank optional fields', () => {
    const { items } = normalizeItems([{ headline: '  A  ', url: ' /a ', section: '   ', dek: 7, image: null }]);
    expect(items).to.deep.equal([{ headline: 'A', url: '/a' }]);
  });

  it('reads a WordPress post with embedded featured media and terms', () => {
    const { items, problems } = normalizeItems([embeddedPost]);
    expect(problems).to.deep.equal([]);
    expect(items).to.deep.equal([
      {
        headline: 'Musk’s reputation & Tesla’s buyers',
        url: 'https://news.example/2024/04/05/tesla/',
        image: 'https://news.example/wp-content/uploads/2024/04/car-768x432.jpg',
        imageAlt: 'A red car.',
        section: 'Business & Economy',
        published: '2024-04-05T14:20:00Z',
        dek: 'Surveys show the brand losing ground …',
      },
    ]);
  });

  const wordpressCases: Array<[string, Record<string, unknown>, Record<string, unknown>]> = [
    ['no _embedded: no image, no section', { _embedded: undefined }, { image: undefined, imageAlt: undefined, section: undefined }],
    [
      'featured media the reader may not see (an error object)',
      { _embedded: { 'wp:featuredmedia': [{ code: 'rest_forbidden', message: 'Sorry', data: { status: 401 } }] } },
      { image: undefined, imageAlt: undefined, section: undefined },
    ],
    [
      'no sizes: the original upload',
      { _embedded: { 'wp:featuredmedia': [{ source_url: 'https://news.example/a.jpg', alt_text: '', media_details: {} }] } },
      { image: 'https://news.example/a.jpg', imageAlt: undefined, section: undefined },
    ],
    ['date_gmt with a zone is kept', { date_gmt: '2024-04-05T14:20:00+00:00' }, { published: '2024-04-05T14:20:00+00:00' }],
    ['no date_gmt (a draft): the site-local date', { date_gmt: null }, { published: '2024-04-05T17:20:00' }],
    ['an empty excerpt: no dek', { excerpt: { rendered: '', protected: true } }, { dek: undefined }],
  ];
  for (const [name, change, expected] of wordpressCases) {
    it(`WordPress: ${name}`, () => {
      const [item] = normalizeItems([{ ...embeddedPost, ...change }]).items;
      for (const [key, value] of Object.entries(expected)) expect(item![key as 'image'], key).to.equal(value);
    });
  }

  it('reads WordPress’s own REST client fixture (no _embed)', async () => {
    const posts: unknown = await (await fetch('/test/assets/related/wp-posts-collection.json')).json();
    const { items, problems } = normalizeItems(posts);
    expect(problems).to.deep.equal([]);
    expect(items).to.deep.equal([
      {
        headline: 'REST API Client Fixture: Post',
        url: 'http://example.org/?p=4',
        published: '2017-02-14T00:00:00Z',
        dek: 'REST API Client Fixture: Post',
      },
    ]);
  });

  it('reduces markup in title.rendered to text and never keeps a tag', () => {
    const { items } = normalizeItems([
      { ...embeddedPost, title: { rendered: '<script>alert(1)</script><b onclick="x()">Bold</b> &lt;i&gt;' } },
    ]);
    expect(items[0]!.headline).to.equal('Bold <i>');
  });

  it('mixes both shapes in one list', () => {
    const { items } = normalizeItems([related[0], embeddedPost]);
    expect(items.map((item) => item.url)).to.deep.equal([related[0]!.url, embeddedPost.link]);
  });

  it('skips items without a headline or url (one problem, counted) and marks unsafe urls', () => {
    const { items, problems } = normalizeItems(badItems);
    expect(items.map((item) => [item.headline.slice(0, 20), item.unsafe ?? false])).to.deep.equal([
      ['<img src=x onerror="', false],
      ['A javascript: link i', true],
      ['A data: link is show', true],
    ]);
    expect(problems).to.have.length(2);
    expect(problems[0]).to.equal('has 4 items without a headline or a url; skipping them');
    expect(problems[1]).to.match(/^has 2 items whose url is not http\(s\) or relative \("javascript:window.__pwned=1"\); showing/);
  });

  const urls: Array<[string, boolean]> = [
    ['https://news.example/a', false],
    ['http://news.example/a', false],
    ['/relative/path', false],
    ['relative.html', false],
    ['//news.example/protocol-relative', false],
    ['javascript:alert(1)', true],
    [' JAVASCRIPT:alert(1)', true],
    ['java\tscript:alert(1)', true],
    ['data:text/html,x', true],
    ['mailto:desk@news.example', true],
    ['vbscript:msgbox', true],
  ];
  for (const [url, unsafe] of urls) {
    it(`url ${JSON.stringify(url)} is ${unsafe ? 'unsafe' : 'a link'}`, () => {
      expect(normalizeItems([{ headline: 'H', url }]).items[0]!.unsafe ?? false).to.equal(unsafe);
    });
  }

  it('drops an image whose URL is not http(s) or relative, with one problem', () => {
    const { items, problems } = normalizeItems([
      { headline: 'H', url: '/a', image: 'javascript:alert(1)' },
      { headline: 'I', url: '/b', image: 'data:image/svg+xml,<svg onload=alert(1)>' },
    ]);
    expect(items).to.deep.equal([
      { headline: 'H', url: '/a' },
      { headline: 'I', url: '/b' },
    ]);
    expect(problems).to.have.length(1);
    expect(problems[0]).to.match(/^has 2 items whose image is not http\(s\) or relative/);
  });

  it('shortens a huge URL in the problem', () => {
    const { problems } = normalizeItems([{ headline: 'H', url: `javascript:${'x'.repeat(5000)}` }]);
    expect(problems[0]!.length).to.be.below(200);
  });

  for (const input of [undefined, null, 'text', 42, { items: [] }]) {
    it(`${JSON.stringify(input) ?? 'undefined'} is not a list`, () => {
      expect(normalizeItems(input)).to.deep.equal({ items: [], problems: ['is not a list of items'] });
    });
  }

  it('an empty list is no problem', () => {
    expect(normalizeItems([])).to.deep.equal({ items: [], problems: [] });
  });
});
