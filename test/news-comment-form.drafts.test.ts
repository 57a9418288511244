// <news-comment-form>: nothing lost. The draft is saved as the reader types (and on pagehide /
// visibilitychange), restored after a reload or a crash, cleared only after success; no storage
// still gives a working form.
import { aTimeout, expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../src/components/news-comment-form/define.js';
import { NewsCommentForm } from '../src/components/news-comment-form/news-comment-form.js';
import { accepting, draft, failing, fakeTransport } from '../stories/fixtures/news-comment-form.js';
import { fill, input, keyOf, savedDraft, seed, statusSays, submit, typeComment } from './helpers/news-comment-form.js';
import { captureWarnings } from './helpers/warnings.js';

const warnings = captureWarnings('news-comment-form');

beforeEach(() => localStorage.clear());

describe('news-comment-form: drafts', () => {
  it('saves what is typed within 300 ms, keyed by action, post-id and parent', async () => {
    const el = await fixture<NewsCommentForm>(html`<news-comment-form post-id="7" parent="3"></news-comment-form>`);
    input(el, 'content').focus();
    const before = Date.now();
    await sendKeys({ type: 'Typed by a reader' });
    await fill(el, 'name', 'Leila');
    await aTimeout(300);
    const saved = savedDraft(keyOf('7', '3'));
    expect(saved?.draft).to.deep.equal({ content: 'Typed by a reader', name: 'Leila', email: '', url: '' });
    // Started at the first keystroke of this draft.
    expect(saved!.startedAt).to.be.within(before - 5, before + 1000);
  });

  it('saves at once on pagehide and when the page is hidden', async () => {
    const el = await fixture<NewsCommentForm>(html`<news-comment-form post-id="7"></news-comment-form>`);
    await fill(el, 'content', 'Before the tab closes');
    expect(savedDraft(), 'debounced').to.equal(null);
    window.dispatchEvent(new Event('pagehide'));
    expect(savedDraft()?.draft.content).to.equal('Before the tab closes');
    await fill(el, 'content', 'Before the tab is hidden');
    document.dispatchEvent(new Event('visibilitychange'));
    expect(savedDraft()?.draft.content).to.equal('Before the tab is hidden');
  });

  it('restores the draft after a reload or a crash, with its start time (no time trap for it)', async () => {
    seed(draft, keyOf('7'), Date.now() - 500);
    const el = await fixture<NewsCommentForm>(html`<news-comment-form post-id="7"></news-comment-form>`);
    for (const f of ['content', 'name', 'email', 'url'] as const) expect(input(el, f).value, f).to.equal(draft[f]);
    const transport = fakeTransport(accepting());
    el.transport = transport;
    // Started 500 ms ago: still inside the 2 s trap.
    await submit(el);
    await statusSays(el, 'Please take a moment to check your comment, then send it again.');
    await aTimeout(1600);
    await submit(el);
    await oneEvent(el, 'news-comment-posted');
    expect(transport.requests[0]!.formAgeMs).to.be.at.least(2000);
  });

  it('keeps the draft after a failure, clears it only after success', async () => {
    seed(draft);
    const el = await fixture<NewsCommentForm>(html`<news-comment-form post-id="7"></news-comment-form>`);
    el.transport = fakeTransport([failing('server'), failing('duplicate'), accepting()]);
    await submit(el);
    await statusSays(el, 'your text is kept');
    expect(savedDraft()?.draft.content).to.equal(draft.content);
    await submit(el);
    await statusSays(el, 'You have already posted this comment.');
    expect(savedDraft()?.draft.content).to.equal(draft.content);
    await submit(el);
    await oneEvent(el, 'news-comment-posted');
    expect(savedDraft()).to.equal(null);
    // Nothing typed since: nothing saved again on pagehide.
    window.dispatchEvent(new Event('pagehide'));
    expect(savedDraft()).to.equal(null);
  });

  it('saves the draft when the element is removed', async () => {
    const el = await fixture<NewsCommentForm>(html`<news-comment-form post-id="7"></news-comment-form>`);
    await fill(el, 'content', 'Removed by a framework');
    el.remove();
    expect(savedDraft()?.draft.content).to.equal('Removed by a framework');
  });

  it('post-id set after the element is connected (as frameworks do): the draft saved for it is restored', async () => {
    seed(draft);
    const el = await fixture<NewsCommentForm>(html`<news-comment-form></news-comment-form>`);
    expect(input(el, 'content').value).to.equal('');
    el.postId = '7';
    await el.updateComplete;
    for (const f of ['content', 'name', 'email', 'url'] as const) expect(input(el, f).value, f).to.equal(draft[f]);
  });

  it('text already typed is not replaced when post-id arrives late: it is saved under the new key', async () => {
    seed({ content: 'An older draft for post 7' });
    const el = await fixture<NewsCommentForm>(html`<news-comment-form></news-comment-form>`);
    await fill(el, 'content', 'Typed before post-id was set');
    el.postId = '7';
    await el.updateComplete;
    expect(input(el, 'content').value).to.equal('Typed before post-id was set');
    window.dispatchEvent(new Event('pagehide'));
    expect(savedDraft()?.draft.content).to.equal('Typed before post-id was set');
  });

  it('a corrupt saved draft is ignored', async () => {
    localStorage.setItem(keyOf('7'), '{not json');
    const el = await fixture<NewsCommentForm>(html`<news-comment-form post-id="7"></news-comment-form>`);
    expect(input(el, 'content').value).to.equal('');
  });
});

describe('news-comment-form: without storage', () => {
  const original = Storage.prototype.setItem;
  afterEach(() => {
    Storage.prototype.setItem = original;
  });

  it('warns once and still sends', async () => {
    Storage.prototype.setItem = () => {
      throw new DOMException('The operation is insecure.', 'SecurityError');
    };
    const el = await fixture<NewsCommentForm>(html`<news-comment-form post-id="7"></news-comment-form>`);
    expect(warnings).to.deep.equal([
      '[news-comment-form] localStorage is not available: the draft and the remembered name are not kept (the form still works)',
    ]);
    const transport = fakeTransport(accepting());
    el.transport = transport;
    await typeComment(el, { content: 'No storage here', name: 'A', email: 'a@example.com' });
    window.dispatchEvent(new Event('pagehide'));
    el.querySelector<HTMLInputElement>('input[type=checkbox]')!.click();
    await aTimeout(2000);
    await submit(el);
    await oneEvent(el, 'news-comment-posted');
    expect(transport.requests).to.have.length(1);
    expect(warnings).to.have.length(1);
  });
});
