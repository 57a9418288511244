import { expect } from '@open-wc/testing';
import { splitCaptionCredit, storyFromWordPress, WORDPRESS_IMAGE_SIZES } from '../../src/core/story/wordpress.js';
import type { Story, StoryResult } from '../../src/core/story/model.js';
import { hugeHtml, wordpressBody } from './story-fixtures.js';

/** A WordPress answer, mutated freely by the table rows. */
type Post = Record<string, any>;

const SITE = 'http://wordpress.test';
const fields = (result: StoryResult) => result.problems.map((p) => p.field);

/**
 * Every case starts from a REAL WordPress 6.1 answer (test/fixtures/wordpress/, recorded by
 * scripts/wordpress/ from `/wp-json/wp/v2/posts/<id>?_embed`), fetched over HTTP from the test server.
 */
describe('core/story storyFromWordPress (recorded WordPress 6.1 answers)', () => {
  it('reads the open post with featured image, author, category and replies (post-embed.json)', async () => {
    const post = await wordpressBody<Post>('post-embed');
    const { story, kind, problems } = storyFromWordPress(post);
    expect(problems).to.deep.equal([]);
    expect(kind).to.equal('wordpress');
    expect(story).to.deep.equal({
      version: 1,
      url: `${SITE}/2024/03/14/crocuses-bloom-early/`,
      id: '4',
      headline: 'Crocuses bloom early in the city’s parks & gardens, again',
      dek: 'Gardeners say the mild winter woke the bulbs weeks ahead of time.',
      section: 'Science & Nature',
      published: '2024-03-14T09:30:00Z',
      credits: [{ name: 'Maria Example', role: 'author', url: `${SITE}/author/maria-example/` }],
      image: {
        src: `${SITE}/wp-content/uploads/crocus-1200.jpg`,
        srcset: [
          `${SITE}/wp-content/uploads/crocus-1200-300x169.jpg 300w`,
          `${SITE}/wp-content/uploads/crocus-1200-768x432.jpg 768w`,
          `${SITE}/wp-content/uploads/crocus-1200-1024x576.jpg 1024w`,
          `${SITE}/wp-content/uploads/crocus-1200.jpg 1200w`,
        ].join(', '),
        sizes: WORDPRESS_IMAGE_SIZES,
        width: 1200,
        height: 675,
        alt: 'Purple crocuses in the grass of a city park',
        caption: 'Crocuses in flower in a city park.',
        credit: 'Ana Lens',
      },
      body: post.content.rendered,
      related: [],
      publisher: { name: 'wordpress.test', url: `${SITE}/` },
      comments: { action: `${SITE}/wp-json/wp/v2/comments`, format: 'wordpress', postId: '4', open: true },
    } satisfies Story);
  });

  it('reads every post of the posts list (posts-embed.json): closed comments, no image, Uncategorized', async () => {
    const posts = await wordpressBody<Post[]>('posts-embed');
    const results = posts.map((post) => storyFromWordPress(post));
    expect(results.map((r) => r.problems)).to.deep.equal([[], [], []]);
    const [open, closed, plain] = results.map((r) => r.story as Story);
    expect(open.comments?.open).to.equal(true);
    expect(closed.comments).to.deep.equal({ action: `${SITE}/wp-json/wp/v2/comments`, format: 'wordpress', postId: '6', open: false });
    expect(closed.image).to.equal(undefined);
    expect(closed.section).to.equal('Science & Nature');
    expect(plain.headline).to.equal('A quiet week at the allotments');
    expect(plain.image).to.equal(undefined);
    // WordPress's default category is no section.
    expect(plain.section).to.equal(undefined);
  });

  it('reads the reference article as WordPress serves it (story-post-embed.json)', async () => {
    const post = await wordpressBody<Post>('story-post-embed');
    const { story, problems } = storyFromWordPress(post, { publisher: { name: 'The Wire Desk', url: 'http://wordpress.test/' }, lang: 'en' });
    expect(problems).to.deep.equal([]);
    expect(story?.headline).to.equal('Exclusive: Prior to the attack in Moscow, Iran warned Russia about a security threat');
    expect(story?.section).to.equal('World');
    expect(story?.lang).to.equal('en');
    expect(story?.dir).to.equal('ltr');
    expect(story?.publisher).to.deep.equal({ name: 'The Wire Desk', url: 'http://wordpress.test/' });
    expect(story?.published).to.equal('2024-04-08T10:00:00Z');
    expect(story?.updated).to.equal('2024-04-08T14:25:00Z');
    expect(story?.credits).to.deep.equal([{ name: 'Parisa Hafezi', role: 'author', url: `${SITE}/author/parisa-hafezi/` }]);
    expect(story?.image).to.deep.include({
      src: `${SITE}/wp-content/uploads/crocus-city-hall.jpg`,
      alt: 'Illustration: the dark outline of a concert hall under a sky of fire and orange smoke.',
      caption: 'Rescuers work to extinguish fire at the burning Crocus City Hall concert venue outside Moscow, Russia, March 22.',
      credit: 'REUTERS/Maxim Shemetov',
      width: 1200,
      height: 675,
    });
    // The square thumbnail is another crop, not a size of this picture.
    expect(story?.image?.srcset).not.to.contain('150x150');
    // The body is WordPress's HTML as sent: its figures are the sanitizer's to turn into photos.
    expect(story?.body).to.equal(post.content.rendered);
    expect(story?.body).to.contain('wp-block-image').and.to.contain('wp-caption');
  });

  it('reads the awkward post (story-post-awkward-embed.json): deleted author, RTL, entities, no category', async () => {
    const post = await wordpressBody<Post>('story-post-awkward-embed');
    const result = storyFromWordPress(post, { lang: 'fa' });
    const story = result.story as Story;
    expect(story.headline).to.equal('هشدار ایران به روسیه & «تهدید امنیتی» پیش از حمله');
    expect(story.dek).to.equal('تهران & مسکو «اطلاعات» را به اشتراک گذاشتند — Tehran & Moscow “shared” intelligence <3 sources>');
    expect(story.dir).to.equal('rtl');
    expect(story.credits).to.deep.equal([]);
    expect(result.problems).to.deep.equal([
      { field: '_embedded.author[0]', message: 'is an error from WordPress (rest_user_invalid_id: Invalid user ID.); skipped' },
    ]);
    expect(story.section).to.equal(undefined);
    expect(story.image).to.equal(undefined);
    expect(story.comments?.open).to.equal(false);
    expect(story.url).to.equal(post.link);
  });

  /** [what, change to the real open post, problem field (or null: none), check] */
  const partial: Array<[string, (post: Post) => void, string | null, (story: Story) => void]> = [
    ['no _embedded at all (fetched without ?_embed)', (p) => delete p._embedded, '_embedded.author', (s) => {
      expect(s.credits).to.deep.equal([]);
      expect(s.image).to.equal(undefined);
    }],
    ['no author', (p) => delete p._embedded.author, '_embedded.author', (s) => expect(s.credits).to.deep.equal([])],
    [
      'an author WordPress could not embed (rest_user_invalid_id) beside a real one',
      (p) => p._embedded.author.unshift({ code: 'rest_user_invalid_id', message: 'Invalid user ID.', data: { status: 404 } }),
      '_embedded.author[0]',
      (s) => expect(s.credits.map((c) => c.name)).to.deep.equal(['Maria Example']),
    ],
    ['an author with HTML in the name', (p) => (p._embedded.author[0].name = 'Maria &amp; <b>Co</b>'), null, (s) => expect(s.credits[0]?.name).to.equal('Maria & Co')],
    ['an author without a name', (p) => (p._embedded.author[0].name = ''), '_embedded.author[0]', (s) => expect(s.credits).to.deep.equal([])],
    ['an author link that is javascript:', (p) => (p._embedded.author[0].link = 'javascript:alert(1)'), '_embedded.author', (s) => expect(s.credits).to.deep.equal([{ name: 'Maria Example', role: 'author' }])],
    ['no featured image (featured_media 0)', (p) => { p.featured_media = 0; delete p._embedded['wp:featuredmedia']; }, null, (s) => expect(s.image).to.equal(undefined)],
    ['a featured image that was not embedded', (p) => delete p._embedded['wp:featuredmedia'], '_embedded.wp:featuredmedia', (s) => expect(s.image).to.equal(undefined)],
    [
      'a featured image WordPress refused to embed (rest_forbidden)',
      (p) => (p._embedded['wp:featuredmedia'] = [{ code: 'rest_forbidden', message: 'Sorry, you are not allowed to do that.', data: { status: 401 } }]),
      '_embedded.wp:featuredmedia',
      (s) => expect(s.image).to.equal(undefined),
    ],
    ['a featured image with a javascript: URL', (p) => (p._embedded['wp:featuredmedia'][0].source_url = 'javascript:alert(1)'), '_embedded.wp:featuredmedia.source_url', (s) => expect(s.image).to.equal(undefined)],
    ['a featured video', (p) => (p._embedded['wp:featuredmedia'][0].media_type = 'file'), '_embedded.wp:featuredmedia.media_type', (s) => expect(s.image).to.equal(undefined)],
    ['an image without sizes', (p) => delete p._embedded['wp:featuredmedia'][0].media_details.sizes, null, (s) => {
      expect(s.image?.srcset).to.equal(undefined);
      expect(s.image?.sizes).to.equal(undefined);
    }],
    ['an image without alt text (unknown, not decorative)', (p) => (p._embedded['wp:featuredmedia'][0].alt_text = ''), null, (s) => expect(s.image?.alt).to.equal(null)],
    ['an image with an IPTC credit', (p) => (p._embedded['wp:featuredmedia'][0].media_details.image_meta.credit = 'Ana Lens/Agency'), null, (s) => {
      expect(s.image?.credit).to.equal('Ana Lens/Agency');
      expect(s.image?.caption).to.equal('Crocuses in flower in a city park. Photo: Ana Lens');
    }],
    [
      'sizes with a duplicate width',
      (p) => (p._embedded['wp:featuredmedia'][0].media_details.sizes.extra = { width: 768, height: 432, source_url: `${SITE}/other-768.jpg` }),
      null,
      (s) => expect(s.image?.srcset?.match(/ 768w/g)).to.have.length(1),
    ],
    ['HTML and entities in the title', (p) => (p.title.rendered = '<script>x</script><em>Caf&#233;</em> &#8220;news&#8221; &amp; <b>views</b>'), null, (s) => expect(s.headline).to.equal('Café “news” & views')],
    ['an automatic excerpt ending in [&hellip;]', (p) => (p.excerpt.rendered = '<p>First words of the story [&hellip;]</p>\n'), null, (s) => expect(s.dek).to.equal('First words of the story…')],
    ['an empty excerpt', (p) => (p.excerpt.rendered = ''), null, (s) => expect(s.dek).to.equal(undefined)],
    ['no content', (p) => delete p.content, 'content.rendered', (s) => expect(s.body).to.equal('')],
    ['a password-protected post', (p) => (p.content = { rendered: '', protected: true }), 'content.protected', (s) => expect(s.body).to.equal('')],
    ['a draft without date_gmt', (p) => (p.date_gmt = null), 'date_gmt', (s) => expect(s.published).to.equal(undefined)],
    ['a date_gmt with a zone already', (p) => (p.date_gmt = '2024-03-14T09:30:00+00:00'), null, (s) => expect(s.published).to.equal('2024-03-14T09:30:00+00:00')],
    ['a later modified_gmt', (p) => (p.modified_gmt = '2024-03-15T08:00:00'), null, (s) => expect(s.updated).to.equal('2024-03-15T08:00:00Z')],
    ['no category among the terms', (p) => (p._embedded['wp:term'] = [[], p._embedded['wp:term'][1]]), null, (s) => expect(s.section).to.equal(undefined)],
    ['no replies link (comments endpoint from the link)', (p) => delete p._links.replies, null, (s) => expect(s.comments?.action).to.equal(`${SITE}/wp-json/wp/v2/comments`)],
    [
      'a site in a sub-folder',
      (p) => (p._links.replies[0].href = 'https://news.example/blog/wp-json/wp/v2/comments?post=4'),
      null,
      (s) => expect(s.comments?.action).to.equal('https://news.example/blog/wp-json/wp/v2/comments'),
    ],
    [
      'a site without pretty permalinks (?rest_route=)',
      (p) => (p._links.replies[0].href = 'https://news.example/?rest_route=%2Fwp%2Fv2%2Fcomments&post=4'),
      null,
      (s) => expect(s.comments?.action).to.equal('https://news.example/?rest_route=%2Fwp%2Fv2%2Fcomments'),
    ],
    ['no comment_status', (p) => delete p.comment_status, null, (s) => expect(s.comments).to.equal(undefined)],
    ['an odd comment_status', (p) => (p.comment_status = 'registered-only'), 'comment_status', (s) => expect(s.comments).to.equal(undefined)],
  ];
  for (const [name, change, field, check] of partial) {
    it(`reads what it can of a post with ${name}`, async () => {
      const post = await wordpressBody<Post>('post-embed');
      change(post);
      const result = storyFromWordPress(post);
      expect(result.story, JSON.stringify(result.problems)).not.to.equal(null);
      if (field === null) expect(result.problems).to.deep.equal([]);
      else expect(fields(result)).to.include(field);
      check(result.story as Story);
    });
  }

  it('passes a 2 MB content.rendered through untouched', async () => {
    const post = await wordpressBody<Post>('post-embed');
    post.content.rendered = hugeHtml(2 * 1024 * 1024);
    const { story } = storyFromWordPress(post);
    expect(story?.body === post.content.rendered).to.equal(true);
  });

  const refused: Array<[string, (post: Post) => unknown, string]> = [
    ['null', () => null, ''],
    ['a string', () => 'post', ''],
    ['a posts list (use detectStory)', (p) => [p], ''],
    ['a WordPress error answer', () => ({ code: 'rest_post_invalid_id', message: 'Invalid post ID.', data: { status: 404 } }), ''],
    ['no title', (p) => { delete p.title; return p; }, 'title.rendered'],
    ['a title with markup and no text', (p) => { p.title.rendered = '<img src=x onerror=alert(1)>'; return p; }, 'title.rendered'],
    ['no link', (p) => { delete p.link; return p; }, 'link'],
    ['a javascript: link', (p) => { p.link = 'javascript:alert(1)'; return p; }, 'link'],
    ['a relative link', (p) => { p.link = '/2024/03/14/x/'; return p; }, 'link'],
  ];
  for (const [name, make, field] of refused) {
    it(`refuses ${name}, without throwing`, async () => {
      const result = storyFromWordPress(make(await wordpressBody<Post>('post-embed')));
      expect(result.story).to.equal(null);
      expect(result.kind).to.equal('wordpress');
      expect(fields(result)).to.include(field);
    });
  }

  it('takes the publisher and language from options (a post carries neither)', async () => {
    const post = await wordpressBody<Post>('post-embed');
    const { story } = storyFromWordPress(post, { publisher: { name: 'Garden News', url: 'https://garden.example/' }, lang: 'ar' });
    expect(story?.publisher).to.deep.equal({ name: 'Garden News', url: 'https://garden.example/' });
    expect(story?.lang).to.equal('ar');
    expect(story?.dir).to.equal('rtl');
  });

  it('says when the lang option is not a language tag', async () => {
    const result = storyFromWordPress(await wordpressBody<Post>('post-embed'), { lang: '??' });
    expect(fields(result)).to.deep.equal(['lang']);
    expect(result.story?.lang).to.equal(undefined);
  });
});

describe('core/story splitCaptionCredit', () => {
  const cases: Array<[string, string | undefined, string | undefined]> = [
    ['Rescuers work at the venue, March 22. REUTERS/Maxim Shemetov', 'Rescuers work at the venue, March 22.', 'REUTERS/Maxim Shemetov'],
    ['President speaks. AP Photo/Evan Vucci', 'President speaks.', 'AP Photo/Evan Vucci'],
    ['Crocuses in a park. Photo: Ana Lens', 'Crocuses in a park.', 'Ana Lens'],
    ['Crocuses in a park. (Photo by Ana Lens)', 'Crocuses in a park.', 'Ana Lens'],
    ['The U.S. Capitol at dawn.', 'The U.S. Capitol at dawn.', undefined],
    ['A 50/50 split in the vote.', 'A 50/50 split in the vote.', undefined],
    ['REUTERS/Maxim Shemetov', 'REUTERS/Maxim Shemetov', undefined],
  ];
  for (const [caption, expectedCaption, credit] of cases) {
    it(`splits ${JSON.stringify(caption)}`, () => {
      expect(splitCaptionCredit(caption)).to.deep.equal(credit ? { caption: expectedCaption, credit } : { caption: expectedCaption });
    });
  }
});
