// <news-comment-form> against the real demo comment server (demo/server.js on SQLite), started on
// 127.0.0.1 by test/server/comments.js and reached same-origin through the test server's proxy:
// no fake transport, no mocked fetch. Every test posts its own text (the database lives for the run).
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../src/components/news-comment-form/define.js';
import { NewsCommentForm } from '../src/components/news-comment-form/news-comment-form.js';
import type { CommentDraft } from '../src/core/comment/model.js';
import { REST, errorOf, fill, input, keyOf, savedDraft, seed, statusRegion, statusSays, submit, submitButton, text } from './helpers/news-comment-form.js';

beforeEach(() => localStorage.clear());

let n = 0;
/** A draft nobody posted before (duplicates are refused). */
function unique(overrides: Partial<CommentDraft> = {}): CommentDraft {
  const id = `${Date.now().toString(36)}-${++n}-${Math.random().toString(36).slice(2, 8)}`;
  return { content: `A comment from the browser tests, ${id}.`, name: `Tester ${id}`, email: `t-${id}@example.com`, url: '', ...overrides };
}

async function formFor(format: string, action: string, d: CommentDraft, postId = '1', extra = '') {
  seed(d, keyOf(postId, '', action));
  const wrap = await fixture(html`<div>
    <news-comment-form post-id=${postId} format=${format} action=${action} require-name-email=${extra || 'on'}></news-comment-form>
  </div>`);
  const el = wrap.querySelector('news-comment-form')!;
  expect(input(el, 'content').value, 'draft restored').to.equal(d.content);
  return el;
}

async function postAndWait(el: NewsCommentForm): Promise<void> {
  const done = Promise.race([oneEvent(el, 'news-comment-posted'), oneEvent(el, 'news-comment-error')]);
  await submit(el);
  await done;
  await el.updateComplete;
  await el.updateComplete;
}

describe('news-comment-form + demo server', () => {
  const formats: Array<[string, string]> = [
    ['wordpress', REST],
    ['wordpress-form', '/wp-comments-post.php'],
    ['json', '/api/comments'],
  ];
  for (const [format, action] of formats) {
    it(`${format}: posts to ${action} and shows "awaiting moderation"`, async () => {
      const d = unique();
      const el = await formFor(format, action, d);
      const posted = oneEvent(el, 'news-comment-posted');
      await submit(el);
      const { detail } = await posted;
      expect(detail.comment.status).to.equal('hold');
      await statusSays(el, 'Your comment is awaiting moderation.');
      expect(text(el.querySelector('.ncf-posted .ncf-text'))).to.equal(d.content);
      expect(input(el, 'content').value).to.equal('');
      expect(savedDraft(keyOf('1', '', action))).to.equal(null);
      await expect(el).to.be.accessible();
    });
  }

  it('the held comment is stored: the server lists it once approved only (not yet)', async () => {
    const d = unique();
    const el = await formFor('wordpress', REST, d);
    await postAndWait(el);
    const list = (await (await fetch(`${REST}?post=1`)).json()) as Array<{ content: { rendered: string } }>;
    expect(list.some((c) => c.content.rendered.includes(d.content))).to.equal(false);
  });

  it('duplicate: the same comment twice is refused with WordPress’s own words, decoded', async () => {
    const d = unique();
    const first = await formFor('wordpress', REST, d);
    await postAndWait(first);
    const el = await formFor('wordpress', REST, d);
    const failed = oneEvent(el, 'news-comment-error');
    await submit(el);
    const { detail } = await failed;
    expect(detail).to.include({ kind: 'duplicate', code: 'comment_duplicate', status: 409 });
    await statusSays(el, 'You have already posted this comment.');
    expect(text(statusRegion(el))).to.contain('it looks as though you’ve already said that!');
    expect(input(el, 'content').value).to.equal(d.content);
  });

  it('missing name and email (optional here, required by the server): errors on both fields', async () => {
    const d = unique({ name: '', email: '' });
    const el = await formFor('wordpress', REST, d, '1', 'off');
    await postAndWait(el);
    await statusSays(el, 'Please enter your name and email address.');
    expect(text(errorOf(el, 'name'))).to.equal('Please enter your name.');
    expect(text(errorOf(el, 'email'))).to.equal('Please enter your email address.');
  });

  for (const [format, action] of formats) {
    it(`${format}: a closed post (2) disables the form with the reason`, async () => {
      const el = await formFor(format, action, unique(), '2');
      await postAndWait(el);
      await statusSays(el, 'Comments are closed on this article.');
      expect(el.querySelector('fieldset')!.disabled).to.equal(true);
      await expect(el).to.be.accessible();
    });
  }

  it('markup and script in the comment come back as harmless text', async () => {
    const d = unique();
    d.content = `<script>window.__pwned = 1</script><b>bold</b> <img src=x onerror="window.__pwned=1"> ${d.content}`;
    const el = await formFor('wordpress', REST, d);
    await postAndWait(el);
    await statusSays(el, 'Your comment is awaiting moderation.');
    const shown = el.querySelector('.ncf-posted .ncf-text')!;
    expect(shown.children).to.have.length(0);
    expect(text(shown)).to.contain('bold');
    expect(text(shown)).to.contain(d.content.slice(-20));
    expect((window as unknown as { __pwned?: number }).__pwned).to.equal(undefined);
  });

  it('fields a host adds in news-comment-submit reach the server; a cancelled submit sends nothing', async () => {
    const d = unique();
    const el = await formFor('wordpress', REST, d);
    // A host cancels the first attempt…
    const cancel = (e: Event) => e.preventDefault();
    el.addEventListener('news-comment-submit', cancel);
    await submit(el);
    el.removeEventListener('news-comment-submit', cancel);
    expect(text(statusRegion(el))).to.equal('');
    // …then adds the honeypot as an "extra" field: the server must see it and treat the comment as spam.
    el.addEventListener('news-comment-submit', (e) => {
      e.detail.request.extra.news_hp = 'added by the host';
    });
    const posted = oneEvent(el, 'news-comment-posted');
    await submit(el);
    const { detail } = await posted;
    // 201 "spam", not 409 "duplicate": so the cancelled attempt never reached the server.
    expect(detail.comment.status).to.equal('spam');
    await statusSays(el, 'Your comment is awaiting moderation.');
  });

  it('a 500 page: "your text is kept", and Retry sends it once the server is back', async () => {
    const d = unique();
    const el = await formFor('wordpress', '/test-api/comments/500', d);
    await postAndWait(el);
    await statusSays(el, 'Could not send your comment — your text is kept.');
    expect(input(el, 'content').value).to.equal(d.content);
    expect(savedDraft(keyOf('1', '', '/test-api/comments/500'))?.draft.content).to.equal(d.content);
    el.action = REST; // the server is back
    await el.updateComplete;
    const posted = oneEvent(el, 'news-comment-posted');
    el.querySelector<HTMLButtonElement>('.ncf-alt')!.click();
    await posted;
    await statusSays(el, 'Your comment is awaiting moderation.');
  });

  it('an answer that is not JSON: "your text is kept"', async () => {
    const el = await formFor('wordpress', '/test-api/comments/not-json', unique());
    const failed = oneEvent(el, 'news-comment-error');
    await submit(el);
    expect((await failed).detail.kind).to.equal('bad-response');
    await statusSays(el, 'Could not send your comment — your text is kept.');
  });

  it('time-out: a server slower than `timeout` gives "your text is kept"', async () => {
    const d = unique();
    seed(d, keyOf('1', '', '/test-api/comments/slow'));
    const el = await fixture<NewsCommentForm>(html`<news-comment-form post-id="1" action="/test-api/comments/slow" timeout="300"></news-comment-form>`);
    const failed = oneEvent(el, 'news-comment-error');
    await submit(el);
    expect((await failed).detail).to.include({ kind: 'timeout' });
    await statusSays(el, 'Could not send your comment — your text is kept.');
    expect(submitButton(el).hasAttribute('aria-busy')).to.equal(false);
  });

  it('HTTP 429 with Retry-After: the countdown starts from it', async () => {
    const el = await formFor('wordpress', '/test-api/comments/flood', unique());
    await postAndWait(el);
    await statusSays(el, 'You are posting comments too quickly. You can post again in 3 s.');
    expect(submitButton(el).getAttribute('aria-disabled')).to.equal('true');
  });

  it('the reader’s draft survives a "reload" while the server is down, and is sent afterwards', async () => {
    const d = unique();
    const key = keyOf('1', '', REST);
    const first = await fixture<NewsCommentForm>(html`<news-comment-form post-id="1"></news-comment-form>`);
    await fill(first, 'content', d.content);
    await fill(first, 'name', d.name);
    await fill(first, 'email', d.email);
    window.dispatchEvent(new Event('pagehide'));
    expect(savedDraft(key)?.draft).to.deep.equal(d);
    first.remove();
    // "Reload": a new element restores the draft, with its start time (so the time trap lets it through).
    const el = await fixture<NewsCommentForm>(html`<news-comment-form post-id="1"></news-comment-form>`);
    expect(input(el, 'content').value).to.equal(d.content);
    await new Promise((r) => setTimeout(r, 2000));
    await postAndWait(el);
    await statusSays(el, 'Your comment is awaiting moderation.');
  });
});
