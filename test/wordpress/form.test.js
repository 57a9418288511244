// Real WordPress (Debian's package) answering the classic form post `POST /wp-comments-post.php`
// (form-encoded), what <news-comment-form format="wordpress-form"> sends and what a stock WordPress
// accepts with no plugin. Success is a 302; failure is a wp_die() HTML page whose status and text are
// the answer. Recorded as test/fixtures/wordpress/form-*.json (RECORD=1).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { site, useWordPress } from './helpers.js';
import { exchange, matchFixture } from '../../scripts/wordpress/fixtures.js';

useWordPress();

const FORM = 'application/x-www-form-urlencoded';
function send(fields) {
  const body = { comment: '', author: '', email: '', url: '', comment_post_ID: String(site.posts.open), comment_parent: '0', ...fields };
  return exchange(site, { method: 'POST', path: '/wp-comments-post.php', contentType: FORM, body });
}
function assertPage(answer, status, message) {
  const { response } = answer;
  assert.equal(response.status, status, response.message);
  assert.match(response.headers['content-type'], /^text\/html/);
  assert.equal(response.message, message);
  assert.match(response.body, /<title>Comment Submission Failure/);
}

test('a first comment from a new author: 302 to the post, #comment-N, unapproved= and moderation-hash=', async () => {
  const answer = await send({ comment: 'Lovely photo of the crocuses.', author: 'Hana Hold', email: 'hana.hold@example.com' });
  const { status, headers } = answer.response;
  assert.equal(status, 302);
  const location = new URL(headers.location);
  assert.equal(location.origin + location.pathname, `${site.url}/2024/03/14/crocuses-bloom-early/`);
  const id = Number(location.searchParams.get('unapproved'));
  assert.ok(id > 0);
  assert.match(location.searchParams.get('moderation-hash'), /^[0-9a-f]{10,}$/);
  assert.equal(location.hash, `#comment-${id}`);
  assert.equal(site.getComment(id).comment_approved, '0');
  matchFixture(site, 'form-created-hold', answer, { description: 'Held for moderation: the redirect carries unapproved=<id>&moderation-hash=<hash>#comment-<id>.' });
});

test('held, with wp-comment-cookies-consent: 302 to #comment-N without unapproved=, and comment cookies', async () => {
  const res = await fetch(`${site.url}/wp-comments-post.php`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': FORM },
    body: new URLSearchParams({ comment: 'Remember me.', author: 'Cora Cookie', email: 'cora.cookie@example.com', url: '', comment_post_ID: String(site.posts.open), comment_parent: '0', 'wp-comment-cookies-consent': 'yes' }),
  });
  await res.arrayBuffer();
  assert.equal(res.status, 302);
  const location = new URL(res.headers.get('location'));
  // WordPress shows the "awaiting moderation" note from the cookies then, not from the URL.
  assert.equal(location.search, '');
  assert.match(location.hash, /^#comment-\d+$/);
  const cookies = res.headers.getSetCookie().map((line) => line.split('=')[0]);
  assert.deepEqual(cookies.map((name) => name.replace(/_[0-9a-f]{32}$/, '')).sort(), ['comment_author', 'comment_author_email', 'comment_author_url']);
});

test('with moderation off: 302 to the post at #comment-N, no unapproved=', async () => {
  site.setOption('comment_previously_approved', 0);
  try {
    const answer = await send({ comment: 'Published at once.', author: 'Ari Approved', email: 'ari.approved@example.com', url: 'https://example.com/ari' });
    const { status, headers } = answer.response;
    assert.equal(status, 302);
    const location = new URL(headers.location);
    assert.equal(location.search, '');
    const id = Number(location.hash.replace('#comment-', ''));
    assert.equal(site.getComment(id).comment_approved, '1');
    matchFixture(site, 'form-created-approved', answer, { description: 'Published at once (comment_previously_approved = 0): 302 to the post at #comment-<id>.' });
  } finally {
    site.setOption('comment_previously_approved', 1);
  }
});

test('the same comment again: 409 page "Duplicate comment detected"', async () => {
  const fields = { comment: 'I said this once.', author: 'Dana Duplicate', email: 'dana.dup@example.com' };
  assert.equal((await send(fields)).response.status, 302);
  const answer = await send(fields);
  assert.equal(answer.response.status, 409);
  assert.match(answer.response.headers['content-type'], /^text\/html/);
  assert.equal(answer.response.message, 'Duplicate comment detected; it looks as though you’ve already said that!');
  matchFixture(site, 'form-duplicate', answer, { description: 'The same text again: wp_die() with status 409 (no "Comment Submission Failure" title).' });
});

test('a second comment from the same IP within 15 s, flood control on: 429 page', async () => {
  assert.equal((await send({ comment: 'First of two.', author: 'Flo First', email: 'flo.first@example.com' })).response.status, 302);
  site.setFlood(true);
  try {
    const answer = await send({ comment: 'Second, too soon.', author: 'Flo Second', email: 'flo.second@example.com' });
    assert.equal(answer.response.status, 429);
    assert.equal(answer.response.message, 'You are posting comments too quickly. Slow down.');
    assert.equal(answer.response.headers['retry-after'], undefined, 'WordPress sends no Retry-After');
    matchFixture(site, 'form-flood', answer, { description: 'Flood: 429 page, no Retry-After header.' });
  } finally {
    site.setFlood(false);
  }
});

test('missing name or email, a malformed email: a 200 error page', async () => {
  const noName = await send({ comment: 'Who am I?', email: 'nameless@example.com' });
  assertPage(noName, 200, 'Error: Please fill the required fields.');
  matchFixture(site, 'form-missing-name', noName, { description: 'No author: wp_die() page with status 200 (not 4xx).' });

  const noEmail = await send({ comment: 'No address.', author: 'No Email' });
  assertPage(noEmail, 200, 'Error: Please fill the required fields.');
  matchFixture(site, 'form-missing-email', noEmail, { description: 'No email: wp_die() page with status 200.' });

  const badEmail = await send({ comment: 'Typo in my address.', author: 'Bad Email', email: 'not-an-email' });
  assertPage(badEmail, 200, 'Error: Please enter a valid email address.');
  matchFixture(site, 'form-invalid-email', badEmail, { description: 'A malformed email: wp_die() page with status 200.' });
});

test('an empty comment: a 200 error page', async () => {
  const answer = await send({ comment: '', author: 'Empty', email: 'empty@example.com' });
  assertPage(answer, 200, 'Error: Please type your comment text.');
  matchFixture(site, 'form-empty-comment', answer, { description: 'No comment text: wp_die() page with status 200.' });
});

test('a closed post: 403 page; an unknown post: an empty 200', async () => {
  const closed = await send({ comment_post_ID: String(site.posts.closed), comment: 'Too late?', author: 'Late', email: 'late@example.com' });
  assertPage(closed, 403, 'Sorry, comments are closed for this item.');
  matchFixture(site, 'form-closed-post', closed, { description: 'Comments closed: wp_die() page with status 403.' });

  const unknown = await send({ comment_post_ID: '999999', comment: 'Where is this?', author: 'Lost', email: 'lost@example.com' });
  matchFixture(site, 'form-unknown-post', unknown, { description: 'A post id that does not exist: whatever WordPress answers.' });
});

test('a comment over 65525 characters: an error page', async () => {
  const answer = await send({ comment: 'x'.repeat(65526), author: 'Long', email: 'long@example.com' });
  matchFixture(site, 'form-too-long', answer, { description: '65526 characters of comment.' });
  assert.notEqual(answer.response.status, 302);
});
