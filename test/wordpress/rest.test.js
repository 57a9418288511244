// Real WordPress (Debian's package) answering `POST /wp-json/wp/v2/comments` (JSON), what
// <news-comment-form format="wordpress"> sends. Each answer is checked here and recorded as
// test/fixtures/wordpress/rest-*.json (RECORD=1): the demo comment server's contract.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { site, useWordPress } from './helpers.js';
import { exchange, matchFixture } from '../../scripts/wordpress/fixtures.js';

useWordPress();

const path = '/wp-json/wp/v2/comments';
function post(body) {
  return exchange(site, { method: 'POST', path, contentType: 'application/json', body });
}
function comment(fields) {
  return { post: site.posts.open, parent: 0, author_url: '', ...fields };
}
function assertError(answer, status, code) {
  const { response } = answer;
  assert.equal(response.status, status, JSON.stringify(response.body));
  assert.match(response.headers['content-type'], /^application\/json/);
  assert.equal(response.body.code, code);
  assert.equal(response.body.data.status, status);
  assert.equal(typeof response.body.message, 'string');
}

test('a first comment from a new author: 201, status "hold", not listed until approved', async () => {
  const answer = await post(comment({ author_name: 'Hana Hold', author_email: 'hana.hold@example.com', content: 'Lovely photo of the crocuses.' }));
  const { status, body } = answer.response;
  assert.equal(status, 201);
  assert.equal(body.status, 'hold');
  assert.equal(body.post, site.posts.open);
  assert.equal(body.author_name, 'Hana Hold');
  assert.equal(body.content.rendered, '<p>Lovely photo of the crocuses.</p>\n');
  assert.match(body.link, new RegExp(`#comment-${body.id}$`));
  assert.equal(site.getComment(body.id).comment_approved, '0');
  matchFixture(site, 'rest-created-hold', answer, { description: 'A new author’s first comment: held for moderation.', check: 'shape' });

  const listed = async () => {
    const res = await fetch(`${site.url}${path}?post=${site.posts.open}`);
    return (await res.json()).map((c) => c.id);
  };
  assert.ok(!(await listed()).includes(body.id), 'a held comment is not listed');
  site.approveComment(body.id);
  assert.ok((await listed()).includes(body.id), 'approved, it is listed');
});

test('with moderation off: 201, status "approved", listed in GET /wp/v2/comments?post=ID', async () => {
  site.setOption('comment_previously_approved', 0);
  try {
    const answer = await post(comment({ author_name: 'Ari Approved', author_email: 'ari.approved@example.com', content: 'Published at once.' }));
    assert.equal(answer.response.status, 201);
    assert.equal(answer.response.body.status, 'approved');
    matchFixture(site, 'rest-created-approved', answer, { description: 'A comment WordPress publishes at once (comment_previously_approved = 0).', check: 'shape' });

    const list = await exchange(site, { path: `${path}?post=${site.posts.open}` });
    assert.equal(list.response.status, 200);
    const ids = list.response.body.map((c) => c.id);
    assert.equal(ids[0], answer.response.body.id, 'newest first');
    assert.equal(list.response.headers['x-wp-total'], String(ids.length));
    assert.ok(list.response.body.every((c) => c.status === 'approved'));
    matchFixture(site, 'rest-list', list, { description: 'The approved comments of a post, newest first (anonymous GET).', check: 'shape' });
  } finally {
    site.setOption('comment_previously_approved', 1);
  }
});

test('a reply (parent) is created under its parent', async () => {
  const list = await (await fetch(`${site.url}${path}?post=${site.posts.open}`)).json();
  const parent = list.at(-1).id;
  const answer = await post(comment({ parent, author_name: 'Rui Reply', author_email: 'rui.reply@example.com', content: 'Replying to you.' }));
  assert.equal(answer.response.status, 201);
  assert.equal(answer.response.body.parent, parent);
  matchFixture(site, 'rest-reply', answer, { description: 'A reply to an approved comment.', check: 'shape' });
});

test('the same comment again: 409 comment_duplicate', async () => {
  const body = comment({ author_name: 'Dana Duplicate', author_email: 'dana.dup@example.com', content: 'I said this once.' });
  assert.equal((await post(body)).response.status, 201);
  const answer = await post(body);
  assertError(answer, 409, 'comment_duplicate');
  assert.equal(answer.response.body.message, 'Duplicate comment detected; it looks as though you&#8217;ve already said that!');
  matchFixture(site, 'rest-duplicate', answer, { description: 'The same author, post and text again (checked before flood).' });
});

test('a second comment from the same IP within 15 s, flood control on: 400 comment_flood', async () => {
  assert.equal((await post(comment({ author_name: 'Flo First', author_email: 'flo.first@example.com', content: 'First of two.' }))).response.status, 201);
  site.setFlood(true);
  try {
    // Another author and text: WordPress matches the IP (all tests come from 127.0.0.1) or the email.
    const answer = await post(comment({ author_name: 'Flo Second', author_email: 'flo.second@example.com', content: 'Second, too soon.' }));
    assertError(answer, 400, 'comment_flood');
    assert.equal(answer.response.body.message, 'You are posting comments too quickly. Slow down.');
    assert.equal(answer.response.headers['retry-after'], undefined, 'WordPress sends no Retry-After');
    matchFixture(site, 'rest-flood', answer, { description: 'Flood: the REST API answers 400 (the classic form 429), no Retry-After.' });
  } finally {
    site.setFlood(false);
  }
});

test('missing name or email: 400 rest_comment_author_data_required', async () => {
  const noName = await post(comment({ author_email: 'nameless@example.com', content: 'Who am I?' }));
  assertError(noName, 400, 'rest_comment_author_data_required');
  matchFixture(site, 'rest-missing-name', noName, { description: 'No author_name (require_name_email is on by default).' });

  const noEmail = await post(comment({ author_name: 'No Email', content: 'No address.' }));
  assertError(noEmail, 400, 'rest_comment_author_data_required');
  matchFixture(site, 'rest-missing-email', noEmail, { description: 'No author_email.' });
});

test('a malformed email: 400 rest_invalid_param naming the field; a malformed URL is accepted', async () => {
  const badEmail = await post(comment({ author_name: 'Bad Email', author_email: 'not-an-email', content: 'Typo in my address.' }));
  assertError(badEmail, 400, 'rest_invalid_param');
  assert.deepEqual(Object.keys(badEmail.response.body.data.params), ['author_email']);
  matchFixture(site, 'rest-invalid-email', badEmail, { description: 'author_email fails the schema (format: email).' });

  // WordPress does not refuse a malformed website: it stores what esc_url makes of it.
  const badUrl = await post(comment({ author_name: 'Bad Url', author_email: 'bad.url@example.com', author_url: 'not a url', content: 'Typo in my site.' }));
  assert.equal(badUrl.response.status, 201);
  assert.equal(badUrl.response.body.author_url, 'http://not%20a%20url');
  matchFixture(site, 'rest-invalid-url', badUrl, { description: 'author_url "not a url" is accepted (201) and stored as esc_url makes it: http://not%20a%20url.', check: 'shape' });
});

test('empty content: 400 rest_comment_content_invalid', async () => {
  const answer = await post(comment({ author_name: 'Empty', author_email: 'empty@example.com', content: '' }));
  assertError(answer, 400, 'rest_comment_content_invalid');
  matchFixture(site, 'rest-empty-content', answer, { description: 'Empty content.' });
});

test('a closed post: 403 rest_comment_closed; an unknown post: 403 rest_comment_invalid_post_id', async () => {
  const closed = await post(comment({ post: site.posts.closed, author_name: 'Late', author_email: 'late@example.com', content: 'Too late?' }));
  assertError(closed, 403, 'rest_comment_closed');
  matchFixture(site, 'rest-closed-post', closed, { description: 'A post whose comments are closed.' });

  const unknown = await post(comment({ post: 999999, author_name: 'Lost', author_email: 'lost@example.com', content: 'Where is this?' }));
  assertError(unknown, 403, 'rest_comment_invalid_post_id');
  matchFixture(site, 'rest-unknown-post', unknown, { description: 'A post id that does not exist.' });
});

test('content longer than 65525 characters: WordPress refuses it', async () => {
  const answer = await post(comment({ author_name: 'Long', author_email: 'long@example.com', content: 'x'.repeat(65526) }));
  assertError(answer, 400, 'comment_content_column_length');
  matchFixture(site, 'rest-too-long', answer, { description: '65526 characters of content (the column holds 65525).' });
  const justFits = await post(comment({ author_name: 'Long', author_email: 'long@example.com', content: 'y'.repeat(65525) }));
  assert.equal(justFits.response.status, 201);
});

test('anonymous comments refused (stock WordPress, without the one-line plugin): 401 rest_comment_login_required', async () => {
  site.setControl({ anonymousRest: false });
  try {
    const answer = await post(comment({ author_name: 'Anon', author_email: 'anon@example.com', content: 'Not allowed.' }));
    assertError(answer, 401, 'rest_comment_login_required');
    matchFixture(site, 'rest-login-required', answer, { description: 'rest_allow_anonymous_comments not enabled: what a stock WordPress answers.' });
  } finally {
    site.setControl({ anonymousRest: true });
  }
});

test('markup and script in content come back harmless in content.rendered', async () => {
  const hostile =
    '<p>Hello <strong>bold</strong> <em>it</em> <a href="https://example.com/" onclick="steal()">link</a> ' +
    '<a href="javascript:alert(1)">js</a></p><script>alert("x")</script><img src="x" onerror="alert(1)">' +
    '<iframe src="https://example.com/"></iframe><style>body{display:none}</style> & < >';
  const answer = await post(comment({ author_name: '<b>Mallory</b>', author_email: 'mallory@example.com', content: hostile }));
  const { status, body } = answer.response;
  assert.equal(status, 201);
  const rendered = body.content.rendered;
  for (const bad of [/<script/i, /onerror/i, /onclick/i, /javascript:/i, /<iframe/i, /<img/i, /<style/i]) {
    assert.doesNotMatch(rendered, bad);
  }
  assert.match(rendered, /<strong>bold<\/strong>/);
  assert.doesNotMatch(body.author_name, /<b>/);
  matchFixture(site, 'rest-markup', answer, { description: 'Markup, script, event handlers and a javascript: link in content: what content.rendered keeps.', check: 'shape' });
});
