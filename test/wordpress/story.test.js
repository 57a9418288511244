// Real WordPress (Debian's 6.1.9) answers for the posts <news-story> embeds: GET /wp/v2/posts/<id>?_embed
// for the reference article (block-editor post with subheads, READ ALSO/MORE links, a core/image block,
// a classic [caption] shortcode, category "World", author "Parisa Hafezi", a featured image uploaded with
// WordPress's own media functions) and for an awkward post (HTML and entities in the title, Persian
// RTL text, no featured image, tags only, an author whose account is gone). Both are made by
// `cli.php stories` (startWordPress({ stories: true })) and recorded as
// test/fixtures/wordpress/story-post-embed.json and story-post-awkward-embed.json (RECORD=1).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { site, useWordPress } from './helpers.js';
import { exchange, matchFixture, normalize, htmlText, RECORDING, FIXTURE_DIR, SITE_PLACEHOLDER } from '../../scripts/wordpress/fixtures.js';

useWordPress({ stories: true });

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const CAPTION = 'Rescuers work to extinguish fire at the burning Crocus City Hall concert venue outside Moscow, Russia, March 22. REUTERS/Maxim Shemetov';
const HEADLINE = 'Exclusive: Prior to the attack in Moscow, Iran warned Russia about a security threat';

/** Width and height from a JPEG's SOFn segment (what the bytes say, not what WordPress says). */
function jpegSize(bytes) {
  assert.equal(bytes.subarray(0, 2).toString('hex'), 'ffd8', 'not a JPEG');
  let at = 2;
  while (at + 9 < bytes.length) {
    assert.equal(bytes[at], 0xff, `bad JPEG marker at ${at}`);
    const marker = bytes[at + 1];
    const length = bytes.readUInt16BE(at + 2);
    if (marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker)) {
      return { height: bytes.readUInt16BE(at + 5), width: bytes.readUInt16BE(at + 7) };
    }
    at += 2 + length;
  }
  throw new Error('no SOF segment');
}

/** Fields that are the same on every run (fixed dates, ids of a fresh site): compared exactly with the fixture. */
function stableFields(post) {
  const media = post._embedded?.['wp:featuredmedia']?.[0];
  return {
    id: post.id,
    title: post.title,
    content: post.content,
    excerpt: post.excerpt,
    date_gmt: post.date_gmt,
    modified_gmt: post.modified_gmt,
    link: post.link,
    author: post._embedded?.author?.map(({ id, name, code, message, data }) => ({ id, name, code, message, data })),
    terms: post._embedded?.['wp:term']?.map((list) => list.map(({ id, taxonomy, name, slug }) => ({ id, taxonomy, name, slug }))),
    media: media && {
      id: media.id,
      alt_text: media.alt_text,
      caption: media.caption,
      source_url: media.source_url,
      sizes: Object.fromEntries(Object.entries(media.media_details.sizes).map(([name, { width, height, source_url }]) => [name, { width, height, source_url }])),
    },
  };
}

/**
 * Records or checks the fixture: same keys and JSON types as recorded (matchFixture, check "shape"),
 * the same request (post ids unchanged), the stable fields equal, no live host left in the file.
 */
function checkFixture(name, answer, description) {
  matchFixture(site, name, answer, { description, check: 'shape' });
  if (RECORDING) return;
  const fixture = JSON.parse(readFileSync(join(FIXTURE_DIR, `${name}.json`), 'utf8'));
  assert.doesNotMatch(JSON.stringify(fixture.response), /127\.0\.0\.1/, `${name}.json must only name the site as ${SITE_PLACEHOLDER}`);
  assert.equal(fixture.request.path, answer.request.path, `${name}: the post id changed; re-record with RECORD=1`);
  const live = normalize(answer.response.body, site.url);
  assert.deepEqual(stableFields(live), stableFields(fixture.response.body), `${name}: WordPress rendered this post differently from the recording`);
}

async function getEmbedded(id) {
  const answer = await exchange(site, { path: `/wp-json/wp/v2/posts/${id}?_embed` });
  assert.equal(answer.response.status, 200);
  assert.match(answer.response.headers['content-type'], /^application\/json/);
  return answer;
}

test('the story: GET /wp-json/wp/v2/posts/<id>?_embed has everything the story adapter reads', async () => {
  const answer = await getEmbedded(site.stories.posts.story);
  const post = answer.response.body;
  const { media: mediaIds, categoryId, authorId } = site.stories;

  assert.equal(post.id, site.stories.posts.story);
  assert.equal(post.title.rendered, HEADLINE);
  assert.equal(post.date_gmt, '2024-04-08T10:00:00');
  assert.equal(post.modified_gmt, '2024-04-08T14:25:00');
  assert.equal(post.link, `${site.url}/2024/04/08/iran-warned-russia-security-threat/`);
  assert.equal(post.excerpt.rendered, '<p>Tehran shared what it learned from interrogations of suspects in the Kerman bombings, three sources told Reuters.</p>\n');
  assert.equal(post.comment_status, 'open');
  assert.equal(post._links.replies[0].href, `${site.url}/wp-json/wp/v2/comments?post=${post.id}`);

  // Body: the block editor's paragraphs and subheads (block comments gone), three read-also paragraphs.
  const html = post.content.rendered;
  assert.doesNotMatch(html, /<!-- \/?wp:/);
  assert.deepEqual([...html.matchAll(/<h2>(.*?)<\/h2>/g)].map((m) => m[1]), ['“Important function”', 'The Tajik nationals']);
  assert.deepEqual(
    [...html.matchAll(/<p><strong>(READ (?:ALSO|MORE):)<\/strong> <a href="([^"]+)">/g)].map((m) => [m[1], m[2]]),
    [
      ['READ ALSO:', '/demo/related/tesla-customers.html'],
      ['READ MORE:', '/demo/related/philippines-arbitration.html'],
      ['READ MORE:', '/demo/related/dutch-hostage.html'],
    ],
  );
  assert.ok(htmlText(html).startsWith('According to three people with direct knowledge of the situation'));

  // The core/image block, as WordPress 6.1 renders it: wp_filter_content_tags adds width/height,
  // srcset/sizes, loading and decoding to an <img> whose class names its attachment (wp-image-N).
  const block = html.match(/<figure class="wp-block-image size-large">(<img [^>]*>)<figcaption class="wp-element-caption">([^<]*)<\/figcaption><\/figure>/);
  assert.ok(block, 'a wp-block-image figure with a wp-element-caption');
  assert.match(block[1], new RegExp(`class="wp-image-${mediaIds.block}"`));
  assert.match(block[1], / width="640" height="360" /);
  assert.match(block[1], / srcset="[^"]*kerman-hills\.jpg 640w, [^"]*kerman-hills-300x169\.jpg 300w"/);
  assert.match(block[1], / alt="Illustration: two terracotta hills under a pale sun\."/);
  assert.equal(block[2], 'The hills outside Kerman, where twin bombings killed about 100 people on January 3. Illustration');

  // The classic [caption] shortcode, with HTML5 captions (what WordPress 6.1's default theme declares).
  const caption = html.match(
    new RegExp(
      `<figure id="attachment_${mediaIds.caption}" aria-describedby="caption-attachment-${mediaIds.caption}" style="width: 300px" class="wp-caption alignnone">` +
        `(<img [^>]*>)<figcaption id="caption-attachment-${mediaIds.caption}" class="wp-caption-text">([^<]*)</figcaption></figure>`,
    ),
  );
  assert.ok(caption, 'a wp-caption figure');
  assert.match(caption[1], new RegExp(`class="size-medium wp-image-${mediaIds.caption}"`));
  assert.match(caption[1], / srcset="[^"]*moscow-evening-300x169\.jpg 300w, [^"]*moscow-evening\.jpg 640w"/);
  assert.equal(caption[2], 'Moscow, where the Kremlin said it knew nothing of a warning. Illustration');
  assert.doesNotMatch(html, /\[\/?caption/);

  // The author.
  const [author] = post._embedded.author;
  assert.equal(post.author, authorId);
  assert.equal(author.name, 'Parisa Hafezi');
  assert.equal(author.link, `${site.url}/author/parisa-hafezi/`);

  // The featured image: uploaded through media_handle_sideload, sizes made by php-gd.
  assert.equal(post.featured_media, mediaIds.featured);
  const [media] = post._embedded['wp:featuredmedia'];
  assert.equal(media.id, mediaIds.featured);
  assert.equal(media.alt_text, 'Illustration: the dark outline of a concert hall under a sky of fire and orange smoke.');
  assert.equal(media.caption.rendered, `<p>${CAPTION}</p>\n`);
  assert.equal(media.source_url, `${site.url}/wp-content/uploads/crocus-city-hall.jpg`);
  assert.equal(media.media_details.width, 1200);
  assert.equal(media.media_details.height, 675);
  const sizes = media.media_details.sizes;
  assert.ok(Object.keys(sizes).length >= 3, 'at least three sizes');
  assert.deepEqual(
    Object.fromEntries(Object.entries(sizes).map(([name, size]) => [name, `${size.width}x${size.height}`])),
    { thumbnail: '150x150', medium: '300x169', medium_large: '768x432', large: '1024x576', full: '1200x675' },
  );
  for (const size of Object.values(sizes)) {
    assert.match(size.source_url, new RegExp(`^${site.url}/wp-content/uploads/crocus-city-hall(-\\d+x\\d+)?\\.jpg$`));
    assert.equal(size.mime_type, 'image/jpeg');
  }

  // The section.
  const [categories, tags] = post._embedded['wp:term'];
  assert.deepEqual(categories.map((term) => [term.id, term.taxonomy, term.name, term.slug]), [[categoryId, 'category', 'World', 'world']]);
  assert.deepEqual(tags.map((term) => term.name).sort(), ['Iran', 'Islamic State', 'Russia']);

  checkFixture(
    'story-post-embed',
    answer,
    'The reference article as a WordPress post with _embed: block-editor body (subheads, READ ALSO/MORE links, a core/image block, ' +
      'a classic [caption] shortcode with HTML5 captions), author, featured image (alt, caption, media_details.sizes), category World, comments open.',
  );
});

test('the awkward story: HTML and entities in the title, Persian, no featured image, tags only, the author embed an error', async () => {
  const answer = await getEmbedded(site.stories.posts.awkward);
  const post = answer.response.body;

  assert.equal(post.title.rendered, '<em>هشدار</em> ایران به روسیه &amp; «تهدید امنیتی» پیش از حمله');
  assert.equal(htmlText(post.title.rendered), 'هشدار ایران به روسیه & «تهدید امنیتی» پیش از حمله');
  assert.equal(
    post.excerpt.rendered,
    '<p>تهران &amp; مسکو &#171;اطلاعات&#187; را به اشتراک گذاشتند&nbsp;&#8212; Tehran &amp; Moscow &#8220;shared&#8221; intelligence &lt;3 sources&gt;</p>\n',
  );
  // A Persian slug is stored percent-encoded: so is the canonical link.
  assert.equal(post.link, `${site.url}/2024/04/09/%d9%87%d8%b4%d8%af%d8%a7%d8%b1-%d8%a7%db%8c%d8%b1%d8%a7%d9%86-%d8%a8%d9%87-%d8%b1%d9%88%d8%b3%db%8c%d9%87/`);
  assert.equal(post.date_gmt, '2024-04-09T06:45:00');
  assert.equal(post.modified_gmt, post.date_gmt);
  assert.equal(post.comment_status, 'closed');
  assert.match(post.content.rendered, /<p>به گفتهٔ سه منبع آگاه/);
  assert.match(post.content.rendered, /<h2>واکنش کرملین<\/h2>/);
  // An image inserted by URL: no wp-image-N class, so no srcset, width or loading from WordPress.
  assert.match(post.content.rendered, /<figure class="wp-block-image size-large"><img decoding="async" src="[^"]+\/kerman-hills\.jpg" alt="" \/><\/figure>/);

  assert.equal(post.featured_media, 0);
  assert.equal(post._embedded['wp:featuredmedia'], undefined);
  assert.equal(post._links['wp:featuredmedia'], undefined);

  // The author link is still there; its embed is WordPress's error object, not a user.
  assert.equal(post.author, 9999);
  assert.deepEqual(post._embedded.author, [{ code: 'rest_user_invalid_id', message: 'Invalid user ID.', data: { status: 404 } }]);

  // Tags only: the category list is empty.
  assert.deepEqual(post.categories, []);
  const [categories, tags] = post._embedded['wp:term'];
  assert.deepEqual(categories, []);
  assert.deepEqual(tags.map((term) => [term.taxonomy, term.name]).sort(), [['post_tag', 'Russia &amp; Iran'], ['post_tag', 'ایران']]);

  checkFixture(
    'story-post-awkward-embed',
    answer,
    'A post with <em> and &amp; in the title, an excerpt full of entities, Persian (RTL) title and body, no featured image, ' +
      'tags but no category, an author whose account is gone (the author embed is a rest_user_invalid_id error), an image without id or caption, comments closed.',
  );
});

test('the featured image and every size of it are served: 200 image/jpeg, with the dimensions WordPress reports', async () => {
  const post = (await getEmbedded(site.stories.posts.story)).response.body;
  const [media] = post._embedded['wp:featuredmedia'];
  for (const [name, size] of Object.entries(media.media_details.sizes)) {
    const res = await fetch(size.source_url);
    assert.equal(res.status, 200, `${name}: ${size.source_url}`);
    assert.equal(res.headers.get('content-type'), 'image/jpeg');
    const bytes = Buffer.from(await res.arrayBuffer());
    assert.deepEqual(jpegSize(bytes), { width: size.width, height: size.height }, name);
  }
  const full = await fetch(media.source_url);
  assert.equal(full.status, 200);
  assert.equal(full.headers.get('content-type'), 'image/jpeg');
  assert.deepEqual(jpegSize(Buffer.from(await full.arrayBuffer())), { width: 1200, height: 675 });
});

test('without HTML5 captions (a classic theme that does not declare them) [caption] renders as <div> + <p>', async () => {
  site.setControl({ html5Captions: false });
  try {
    const res = await fetch(`${site.url}/wp-json/wp/v2/posts/${site.stories.posts.story}`);
    const html = (await res.json()).content.rendered;
    const id = site.stories.media.caption;
    // Ten pixels wider than the image, and aria-describedby moves onto the <img>.
    assert.match(
      html,
      new RegExp(
        `<div id="attachment_${id}" style="width: 310px" class="wp-caption alignnone"><img aria-describedby="caption-attachment-${id}" [^>]*>` +
          `<p id="caption-attachment-${id}" class="wp-caption-text">Moscow, where the Kremlin said it knew nothing of a warning\\. Illustration</p></div>`,
      ),
    );
    // Blocks carry their own markup: the image block is the same figure either way.
    assert.match(html, /<figure class="wp-block-image size-large">/);
  } finally {
    site.setControl({ html5Captions: true });
  }
});

// The adapter of src/core/story/wordpress.ts, from the built package (npx tsc -p tsconfig.build.json).
const coreEntry = join(repo, 'dist/core/index.js');
const core = existsSync(coreEntry) ? await import(pathToFileURL(coreEntry).href) : {};
const noAdapter = typeof core.storyFromWordPress === 'function' ? false : 'storyFromWordPress is not in dist/core/index.js (build with npx tsc -p tsconfig.build.json)';

test('storyFromWordPress turns the live story into the story model', { skip: noAdapter }, async () => {
  const post = (await getEmbedded(site.stories.posts.story)).response.body;
  const { story } = unwrap(core.storyFromWordPress(post));
  assert.equal(story.headline, HEADLINE);
  assert.equal(story.url, post.link);
  assert.equal(story.section, 'World');
  assert.ok(story.credits.some((credit) => credit.name === 'Parisa Hafezi'), JSON.stringify(story.credits));
  assert.equal(story.published, '2024-04-08T10:00:00Z');
  assert.equal(story.updated, '2024-04-08T14:25:00Z');

  const [media] = post._embedded['wp:featuredmedia'];
  assert.equal(story.image.alt, media.alt_text);
  assert.match(`${story.image.caption ?? ''} ${story.image.credit ?? ''}`, /Rescuers work to extinguish fire/);
  assert.match(`${story.image.caption ?? ''} ${story.image.credit ?? ''}`, /REUTERS\/Maxim Shemetov/);
  // Every size of the picture's shape (the square thumbnail is another crop) is a srcset candidate.
  const { width, height } = media.media_details;
  const sameShape = Object.values(media.media_details.sizes).filter((size) => Math.abs(size.width / size.height / (width / height) - 1) <= 0.02);
  assert.deepEqual(sameShape.map((size) => size.width).sort((a, b) => a - b), [300, 768, 1024, 1200]);
  for (const size of sameShape) {
    assert.ok(story.image.srcset.includes(`${size.source_url} ${size.width}w`), `srcset has ${size.source_url} ${size.width}w: ${story.image.srcset}`);
  }
  assert.equal(story.image.width, 1200);
  assert.equal(story.image.height, 675);
  assert.match(story.body, /wp-block-image/);

  assert.equal(story.comments.action, `${site.url}/wp-json/wp/v2/comments`);
  assert.equal(String(story.comments.postId), String(post.id));
  assert.equal(story.comments.open, true);
});

test('storyFromWordPress renders what it can of the awkward story', { skip: noAdapter }, async () => {
  const post = (await getEmbedded(site.stories.posts.awkward)).response.body;
  const { story, problems } = unwrap(core.storyFromWordPress(post));
  assert.equal(story.headline, 'هشدار ایران به روسیه & «تهدید امنیتی» پیش از حمله');
  assert.ok(story.dek.endsWith('Tehran & Moscow “shared” intelligence <3 sources>'), story.dek);
  assert.ok(problems.some((problem) => problem.field.startsWith('_embedded.author')), JSON.stringify(problems));
  assert.equal(story.url, post.link);
  assert.equal(story.image, undefined);
  assert.ok(!story.credits.some((credit) => /Invalid user ID|rest_user_invalid_id/.test(credit.name)), JSON.stringify(story.credits));
  assert.notEqual(story.section, 'World');
  assert.equal(story.comments?.open ?? false, false);
});

/** The adapter may return a StoryResult ({ story, kind, problems }) or the story itself. */
function unwrap(result) {
  const story = result && 'story' in result ? result.story : result;
  assert.ok(story, `no story: ${JSON.stringify(result?.problems ?? result)}`);
  return { story, problems: result?.problems ?? [] };
}
