// Real WordPress (Debian's package) answers for posts with `_embed`: what story and related-story
// elements read. Recorded as test/fixtures/wordpress/posts-embed.json and post-embed.json (RECORD=1).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { site, useWordPress } from './helpers.js';
import { exchange, matchFixture, RECORDING, FIXTURE_DIR, SITE_PLACEHOLDER } from '../../scripts/wordpress/fixtures.js';

useWordPress();

function assertOpenPost(post) {
  assert.equal(post.id, site.posts.open);
  // wptexturize turns the apostrophe into &#8217; and the ampersand into &amp;; <em> stays markup.
  assert.equal(post.title.rendered, 'Crocuses bloom early in the city&#8217;s parks &amp; gardens, <em>again</em>');
  assert.equal(post.date, '2024-03-14T09:30:00');
  assert.equal(post.link, `${site.url}/2024/03/14/crocuses-bloom-early/`);
  assert.equal(post.featured_media, site.attachmentId);
  assert.deepEqual(post.categories, [site.categoryId]);

  const [author] = post._embedded.author;
  assert.equal(author.name, 'Maria Example');
  assert.equal(author.link, `${site.url}/author/maria-example/`);
  assert.ok(author.avatar_urls['96']);

  const [media] = post._embedded['wp:featuredmedia'];
  assert.equal(media.id, site.attachmentId);
  assert.equal(media.alt_text, 'Purple crocuses in the grass of a city park');
  assert.match(media.caption.rendered, /Photo: Ana Lens/);
  assert.equal(media.media_details.width, 1200);
  assert.equal(media.media_details.height, 675);
  assert.deepEqual(Object.keys(media.media_details.sizes).sort(), ['full', 'large', 'medium', 'medium_large', 'thumbnail']);
  assert.equal(media.media_details.sizes.medium.width, 300);
  assert.equal(media.source_url, `${site.url}/wp-content/uploads/crocus-1200.jpg`);

  const [categories, tags] = post._embedded['wp:term'];
  assert.deepEqual(
    categories.map((term) => [term.taxonomy, term.name, term.slug]),
    [['category', 'Science &amp; Nature', 'science-nature']],
  );
  assert.deepEqual(tags.map((term) => term.name).sort(), ['gardens', 'spring']);
}

test('GET /wp-json/wp/v2/posts?_embed&per_page=5: newest first, author, featured media with sizes, terms', async () => {
  const answer = await exchange(site, { path: '/wp-json/wp/v2/posts?_embed&per_page=5' });
  const { status, headers, body } = answer.response;
  assert.equal(status, 200);
  assert.match(headers['content-type'], /^application\/json/);
  assert.equal(headers['x-wp-total'], '3');
  assert.equal(headers['x-wp-totalpages'], '1');
  assert.deepEqual(
    body.map((post) => post.id),
    [site.posts.open, site.posts.closed, site.posts.plain],
  );
  assertOpenPost(body[0]);
  assert.equal(body[1].comment_status, 'closed');
  // A story without a featured image: 0, and nothing embedded for it.
  assert.equal(body[2].featured_media, 0);
  assert.equal(body[2]._embedded['wp:featuredmedia'], undefined);
  matchFixture(site, 'posts-embed', answer, {
    description: 'The newest posts with _embed: the open post (featured image, category, tags), the closed post, a post without image.',
    check: 'shape',
  });
});

test('GET /wp-json/wp/v2/posts/<id>?_embed: one post, with its approved comment embedded as replies', async () => {
  const answer = await exchange(site, { path: `/wp-json/wp/v2/posts/${site.posts.open}?_embed` });
  const { status, body } = answer.response;
  assert.equal(status, 200);
  assertOpenPost(body);
  const [replies] = body._embedded.replies;
  assert.deepEqual(
    replies.map((comment) => [comment.author_name, comment.date]),
    [['Ada Reader', '2024-03-14T12:00:00']],
  );
  matchFixture(site, 'post-embed', answer, {
    description: 'The open post with _embed: author, wp:featuredmedia (media_details.sizes), wp:term, replies.',
    check: 'shape',
  });
});

test('the featured image is served from the site (uploads through the router)', async () => {
  const res = await fetch(`${site.url}/wp-content/uploads/crocus-1200.jpg`);
  assert.equal(res.status, 200);
  assert.equal(res.headers.get('content-type'), 'image/jpeg');
  const bytes = Buffer.from(await res.arrayBuffer());
  assert.equal(bytes.subarray(0, 2).toString('hex'), 'ffd8');
  const thumb = await fetch(`${site.url}/wp-content/uploads/crocus-1200-150x150.jpg`);
  assert.equal(thumb.status, 200);
  await thumb.arrayBuffer();
  assert.equal((await fetch(`${site.url}/wp-content/uploads/..%2f..%2f..%2fetc/passwd`)).status, 400);
});

test('site.json: what the fixtures were recorded against', () => {
  const description = {
    name: 'site',
    description:
      'The test site of scripts/wordpress/site.js that the fixtures in this folder were recorded against. ' +
      `Its URL is written as ${SITE_PLACEHOLDER} in every fixture.`,
    recordedWith: site.recordedWith,
    url: SITE_PLACEHOLDER,
    posts: site.posts,
    attachmentId: site.attachmentId,
    categoryId: site.categoryId,
    settings: {
      rest_allow_anonymous_comments: true,
      comment_moderation: 0,
      comment_previously_approved: 1,
      require_name_email: 1,
      permalink_structure: '/%year%/%monthnum%/%day%/%postname%/',
      flood: 'off except in the flood tests (a must-use plugin switch); WordPress refuses a second comment from the same IP or email within 15 s',
    },
  };
  assert.ok(site.posts.open && site.posts.closed && site.posts.plain);
  if (RECORDING) writeFileSync(join(FIXTURE_DIR, 'site.json'), `${JSON.stringify(description, null, 2)}\n`);
});
