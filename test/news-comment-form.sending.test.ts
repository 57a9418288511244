// <news-comment-form>: sending (one at a time, events, spam traps, abort) and every answer, with a
// fake transport. The same against the real demo server: news-comment-form.server.test.ts.
import { aTimeout, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../src/components/news-comment-form/define.js';
import { NewsCommentForm } from '../src/components/news-comment-form/news-comment-form.js';
import type { CommentErrorKind, CommentTransport } from '../src/core/comment/model.js';
import { accepting, draft, errors, failing, fakeTransport, posted, type Answer } from '../stories/fixtures/news-comment-form.js';
import { errorOf, fill, input, keyOf, savedDraft, savedIdentity, seed, statusRegion, statusSays, submit, submitButton, summary, text, typeComment } from './helpers/news-comment-form.js';

beforeEach(() => localStorage.clear());

/** A form for post 7 with a restored draft (typed a minute ago) and a fake transport. */
async function ready(answers: Answer | Answer[], delayMs = 0, template = html`<news-comment-form post-id="7"></news-comment-form>`) {
  seed(draft);
  const el = await fixture<NewsCommentForm>(template);
  const transport = fakeTransport(answers, delayMs);
  el.transport = transport;
  return { el, transport };
}

describe('news-comment-form: sending', () => {
  it('sends the draft once, with its age and consent; the button shows progress and keeps focus', async () => {
    const { el, transport } = await ready(accepting(), 1500);
    const button = submitButton(el);
    const posted = oneEvent(el, 'news-comment-posted');
    button.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(button.getAttribute('aria-busy')).to.equal('true');
    expect(button.getAttribute('aria-disabled')).to.equal('true');
    expect(button.disabled).to.equal(false);
    expect(text(button)).to.equal('Posting…');
    expect(document.activeElement).to.equal(button);
    await expect(el).to.be.accessible();
    // A second Enter, a double click: still one request.
    await sendKeys({ press: 'Enter' });
    button.click();
    button.click();
    await posted;
    expect(transport.requests).to.have.length(1);
    const [request] = transport.requests;
    expect(request!.draft).to.deep.equal(draft);
    expect(request!.postId).to.equal('7');
    expect(request!.parent).to.equal('');
    expect(request!.action).to.equal('/wp-json/wp/v2/comments');
    expect(request!.remember).to.equal(false);
    expect(request!.extra).to.deep.equal({});
    expect(request!.formAgeMs).to.be.at.least(59_000);
    await el.updateComplete;
    expect(button.hasAttribute('aria-busy')).to.equal(false);
    expect(button.hasAttribute('aria-disabled')).to.equal(false);
  });

  it('news-comment-submit: a host can add fields to request.extra', async () => {
    const { el, transport } = await ready(accepting());
    el.addEventListener('news-comment-submit', (e) => {
      e.detail.request.extra.token = 'abc123';
    });
    const submitted = oneEvent(el, 'news-comment-submit');
    submitButton(el).click();
    const event = await submitted;
    expect(event.cancelable && event.bubbles && event.composed).to.equal(true);
    await oneEvent(el, 'news-comment-posted');
    expect(transport.requests[0]!.extra).to.deep.equal({ token: 'abc123' });
  });

  it('news-comment-submit: a host can cancel; nothing is sent and the text stays', async () => {
    const { el, transport } = await ready(accepting());
    el.addEventListener('news-comment-submit', (e) => e.preventDefault());
    await submit(el);
    await aTimeout(20);
    expect(transport.requests).to.have.length(0);
    expect(input(el, 'content').value).to.equal(draft.content);
    expect(submitButton(el).hasAttribute('aria-busy')).to.equal(false);
  });

  it('a filled honeypot pretends success and sends nothing (bots)', async () => {
    const { el, transport } = await ready(accepting());
    const events: string[] = [];
    for (const type of ['news-comment-submit', 'news-comment-posted', 'news-comment-error']) el.addEventListener(type, () => events.push(type));
    el.querySelector<HTMLInputElement>('input[name=news_hp]')!.value = 'http://spam.example';
    await submit(el);
    await statusSays(el, 'Your comment is awaiting moderation.');
    expect(transport.requests).to.have.length(0);
    expect(events).to.deep.equal([]);
  });

  it('the time trap: a comment typed and sent within 2 s is held back politely, then sent', async () => {
    const el = await fixture<NewsCommentForm>(html`<news-comment-form post-id="7"></news-comment-form>`);
    const transport = fakeTransport(accepting());
    el.transport = transport;
    await typeComment(el, { content: 'Fast!', name: 'Bot', email: 'bot@example.com' });
    await submit(el);
    await statusSays(el, 'Please take a moment to check your comment, then send it again.');
    expect(transport.requests).to.have.length(0);
    expect(input(el, 'content').value).to.equal('Fast!');
    await aTimeout(2000);
    await submit(el);
    await oneEvent(el, 'news-comment-posted');
    expect(transport.requests).to.have.length(1);
    expect(transport.requests[0]!.formAgeMs).to.be.at.least(2000);
  });

  it('removing the element aborts the request', async () => {
    const { el, transport } = await ready(accepting(), Infinity);
    let signal: AbortSignal | undefined;
    const inner = transport;
    el.transport = {
      send(request, options) {
        signal = options.signal;
        return inner.send(request, options);
      },
    };
    await submit(el);
    expect(signal!.aborted).to.equal(false);
    el.remove();
    expect(signal!.aborted).to.equal(true);
    // The draft is still there for the next visit.
    expect(savedDraft()?.draft.content).to.equal(draft.content);
  });

  it('removed while sending and put back: the text is kept and Retry sends it', async () => {
    const { el } = await ready(accepting(), Infinity);
    const parent = el.parentElement!;
    await submit(el);
    el.remove();
    parent.append(el);
    await el.updateComplete;
    expect(text(statusRegion(el))).to.equal('Could not send your comment — your text is kept.');
    expect(submitButton(el).hasAttribute('aria-busy')).to.equal(false);
    const transport = fakeTransport(accepting());
    el.transport = transport;
    const posted = oneEvent(el, 'news-comment-posted');
    el.querySelector<HTMLButtonElement>('.ncf-alt')!.click();
    await posted;
    expect(transport.requests).to.have.length(1);
    expect(transport.requests[0]!.draft).to.deep.equal(draft);
  });

  it('the time trap counts from when the form appeared: text pasted into a form shown for 2 s is sent at once', async () => {
    const el = await fixture<NewsCommentForm>(html`<news-comment-form post-id="7"></news-comment-form>`);
    const transport = fakeTransport(accepting());
    el.transport = transport;
    await aTimeout(2000);
    for (const f of ['content', 'name', 'email'] as const) await fill(el, f, draft[f]);
    const posted = oneEvent(el, 'news-comment-posted');
    await submit(el);
    await posted;
    expect(transport.requests[0]!.formAgeMs).to.be.at.least(2000);
  });

  it('action may be given as a URL object', async () => {
    const { el, transport } = await ready(accepting());
    const action = new URL('/wp-json/wp/v2/comments', location.href);
    el.action = action as unknown as string;
    const posted = oneEvent(el, 'news-comment-posted');
    await submit(el);
    await posted;
    expect(transport.requests[0]!.action).to.equal(action.href);
  });

  it('a transport that answers no CommentResult counts as a network failure', async () => {
    seed(draft);
    const el = await fixture<NewsCommentForm>(html`<news-comment-form post-id="7"></news-comment-form>`);
    el.transport = { send: () => Promise.resolve(undefined) } as unknown as CommentTransport;
    const failed = oneEvent(el, 'news-comment-error');
    await submit(el);
    expect((await failed).detail.kind).to.equal('network');
    await statusSays(el, 'Could not send your comment — your text is kept.');
  });

  it('an error kind a host transport made up is shown as a refusal, with its message', async () => {
    const { el } = await ready({ ok: false, error: { kind: 'teapot' as CommentErrorKind, code: 'teapot', status: 418, message: 'I am a teapot.' } });
    await submit(el);
    await statusSays(el, 'Your comment was not accepted. I am a teapot.');
    await expect(el).to.be.accessible();
  });

  it('a transport that throws counts as a network failure', async () => {
    seed(draft);
    const el = await fixture<NewsCommentForm>(html`<news-comment-form post-id="7"></news-comment-form>`);
    el.transport = {
      send: () => Promise.reject(new Error('boom')),
    } as CommentTransport;
    const failed = oneEvent(el, 'news-comment-error');
    await submit(el);
    expect((await failed).detail.kind).to.equal('network');
    await statusSays(el, 'Could not send your comment — your text is kept.');
  });
});

describe('news-comment-form: accepted', () => {
  it('approved: announces "posted", shows the comment as text, clears only the comment, focuses the answer', async () => {
    const { el } = await ready((request) => ({
      ok: true,
      comment: posted({ status: 'approved', authorName: request.draft.name, text: '<b>not bold</b> & fine' }),
    }));
    const event = oneEvent(el, 'news-comment-posted');
    await submit(el);
    const { detail, bubbles, composed } = await event;
    expect(bubbles && composed).to.equal(true);
    expect(detail.comment.status).to.equal('approved');
    await el.updateComplete;
    await el.updateComplete;
    expect(text(statusRegion(el))).to.equal('Your comment has been posted.');
    expect(document.activeElement).to.equal(statusRegion(el));
    const shown = el.querySelector('.ncf-posted')!;
    expect(text(shown.querySelector('b'))).to.equal('Leila Ahmadi');
    expect(shown.querySelector('.ncf-text')!.textContent).to.equal('<b>not bold</b> & fine');
    expect(shown.querySelector('.ncf-text b')).to.equal(null);
    const time = shown.querySelector('time')!;
    expect(time.getAttribute('datetime')).to.equal('2024-03-23T14:05:00Z');
    expect(time.textContent).to.match(/March 23, 2024/);
    expect(shown.querySelector('.ncf-pending')).to.equal(null);
    expect(input(el, 'content').value).to.equal('');
    expect(input(el, 'name').value).to.equal(draft.name);
    expect(input(el, 'email').value).to.equal(draft.email);
    expect(input(el, 'url').value).to.equal(draft.url);
    expect(savedDraft(), 'draft cleared after success').to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('hold: "awaiting moderation", and the comment is shown with that note', async () => {
    const { el } = await ready(accepting('hold'));
    await submit(el);
    await statusSays(el, 'Your comment is awaiting moderation.');
    const shown = el.querySelector('.ncf-posted')!;
    expect(text(shown.querySelector('.ncf-pending'))).to.equal('Your comment is awaiting moderation.');
    expect(text(shown.querySelector('.ncf-text'))).to.equal(draft.content);
    await expect(el).to.be.accessible();
  });

  it('in the reader language, with the date formatted for it', async () => {
    seed(draft);
    const wrap = await fixture(html`<div lang="de"><news-comment-form post-id="7"></news-comment-form></div>`);
    const el = wrap.querySelector('news-comment-form')!;
    el.transport = fakeTransport(accepting('approved'));
    await submit(el);
    await statusSays(el, 'Dein Kommentar wurde veröffentlicht.');
    expect(text(el.querySelector('.ncf-posted time'))).to.match(/23\. März 2024/);
  });

  it('text typed while the comment was being sent is neither cleared nor forgotten', async () => {
    const { el } = await ready(accepting(), 400);
    await submit(el);
    await fill(el, 'content', `${draft.content} P.S. one more thing`);
    await aTimeout(300); // the draft is saved (debounced) before the answer arrives
    await oneEvent(el, 'news-comment-posted');
    await el.updateComplete;
    expect(input(el, 'content').value).to.equal(`${draft.content} P.S. one more thing`);
    expect(savedDraft()?.draft.content, 'still saved for a reload').to.equal(`${draft.content} P.S. one more thing`);
  });
});

describe('news-comment-form: errors', () => {
  async function failWith(kind: CommentErrorKind, template?: ReturnType<typeof html>) {
    const { el, transport } = await ready(failing(kind), 0, template);
    const event = oneEvent(el, 'news-comment-error');
    await submit(el);
    const { detail } = await event;
    await el.updateComplete;
    await el.updateComplete;
    return { el, transport, detail };
  }

  it('news-comment-error carries code, status, message and kind', async () => {
    const { detail } = await failWith('duplicate');
    expect(detail).to.deep.equal({
      code: 'comment_duplicate',
      status: 409,
      message: 'Duplicate comment detected; it looks as though you’ve already said that!',
      kind: 'duplicate',
    });
  });

  const messages: Array<[CommentErrorKind, string]> = [
    ['duplicate', 'You have already posted this comment.'],
    ['invalid-post', 'Comments cannot be posted on this article.'],
    ['rejected', 'Your comment was not accepted.'],
  ];
  for (const [kind, message] of messages) {
    it(`${kind}: "${message}" with the server's words, the text kept`, async () => {
      const { el } = await failWith(kind);
      expect(text(statusRegion(el))).to.equal(`${message} ${errors[kind].message}`);
      expect(statusRegion(el).classList.contains('ncf-bad')).to.equal(true);
      expect(input(el, 'content').value).to.equal(draft.content);
      expect(savedDraft()?.draft.content).to.equal(draft.content);
      await expect(el).to.be.accessible();
    });
  }

  it("the server's message is shown as text, never as HTML", async () => {
    const { el } = await ready({ ok: false, error: { ...errors.rejected, message: '<img src=x onerror="window.__pwned=1">Blocked' } });
    await submit(el);
    await statusSays(el, 'Blocked');
    expect(statusRegion(el).querySelector('img')).to.equal(null);
    expect(text(statusRegion(el))).to.contain('<img src=x');
  });

  for (const kind of ['closed', 'login-required'] as const) {
    it(`${kind}: the whole form is disabled with the reason`, async () => {
      const { el, transport } = await failWith(kind);
      const reason = kind === 'closed' ? 'Comments are closed on this article.' : 'Please log in to comment on this article.';
      expect(text(statusRegion(el))).to.equal(`${reason} ${errors[kind].message}`);
      expect(el.querySelector('fieldset')!.disabled).to.equal(true);
      expect(input(el, 'content').matches(':disabled')).to.equal(true);
      expect(submitButton(el).matches(':disabled')).to.equal(true);
      expect(document.activeElement).to.equal(statusRegion(el));
      el.querySelector('form')!.requestSubmit();
      await aTimeout(20);
      expect(transport.requests).to.have.length(1);
      await expect(el).to.be.accessible();
    });
  }

  it('author-data-required: errors on the missing name and email', async () => {
    const { el } = await ready(failing('author-data-required'), 0, html`<news-comment-form post-id="7" require-name-email="off"></news-comment-form>`);
    await fill(el, 'name', '');
    await fill(el, 'email', '');
    await submit(el);
    await statusSays(el, 'Please enter your name and email address.');
    await el.updateComplete;
    expect(text(errorOf(el, 'name'))).to.equal('Please enter your name.');
    expect(text(errorOf(el, 'email'))).to.equal('Please enter your email address.');
    expect(document.activeElement).to.equal(summary(el));
    await expect(el).to.be.accessible();
  });

  it('invalid-field: the error sits on the field the server named, until it changes', async () => {
    const { el } = await failWith('invalid-field');
    expect(text(statusRegion(el))).to.equal('Please correct the marked field. Invalid email address.');
    expect(input(el, 'email').getAttribute('aria-invalid')).to.equal('true');
    expect(text(errorOf(el, 'email'))).to.equal('Please enter a valid email address, like name@example.com.');
    expect(document.activeElement).to.equal(summary(el));
    await fill(el, 'email', 'other@example.com');
    expect(input(el, 'email').hasAttribute('aria-invalid')).to.equal(false);
  });

  it('invalid-field on the name: a generic message by the field', async () => {
    const { el } = await ready({ ok: false, error: { ...errors['invalid-field'], field: 'name', message: 'Invalid name.' } });
    await submit(el);
    await waitUntil(() => errorOf(el, 'name'));
    expect(text(errorOf(el, 'name'))).to.equal('The site did not accept this. Please check it.');
  });

  it('content-invalid: the error sits on the comment', async () => {
    const { el } = await failWith('content-invalid');
    expect(text(errorOf(el, 'content'))).to.equal('Your comment could not be accepted. Please check its text.');
  });

  it('flood: a countdown on the button, announced at start and end only', async () => {
    const { el, transport } = await ready([{ ok: false, error: { ...errors.flood, retryAfter: 2 } }, accepting()]);
    await submit(el);
    await statusSays(el, 'You are posting comments too quickly. You can post again in 2 s.');
    const button = submitButton(el);
    expect(button.getAttribute('aria-disabled')).to.equal('true');
    expect(text(button)).to.equal('Post comment (2 s)');
    expect(button.querySelector('[aria-hidden=true]')).to.exist;
    await expect(el).to.be.accessible();
    button.click();
    await aTimeout(1100);
    expect(text(button)).to.equal('Post comment (1 s)');
    expect(text(statusRegion(el)), 'the live region is not updated every second').to.contain('again in 2 s');
    await statusSays(el, 'You can post your comment now.');
    expect(button.hasAttribute('aria-disabled')).to.equal(false);
    expect(transport.requests).to.have.length(1);
    await submit(el);
    await oneEvent(el, 'news-comment-posted');
    expect(transport.requests).to.have.length(2);
  });

  it('removed during a flood wait and put back: the wait goes on, counted from its end', async () => {
    const { el } = await ready({ ok: false, error: { ...errors.flood, retryAfter: 2 } });
    const parent = el.parentElement!;
    await submit(el);
    await statusSays(el, 'again in 2 s');
    el.remove();
    await aTimeout(1100);
    parent.append(el);
    await el.updateComplete;
    const button = submitButton(el);
    expect(button.getAttribute('aria-disabled')).to.equal('true');
    expect(text(button)).to.equal('Post comment (1 s)');
    await statusSays(el, 'You can post your comment now.');
    expect(button.hasAttribute('aria-disabled')).to.equal(false);
  });

  it('flood without Retry-After waits WordPress’s 15 s', async () => {
    const { el } = await ready({ ok: false, error: { ...errors.flood, retryAfter: undefined } });
    await submit(el);
    await statusSays(el, 'You can post again in 15 s.');
  });

  for (const kind of ['network', 'server', 'timeout', 'bad-response'] as const) {
    it(`${kind}: "your text is kept" and a Retry button that sends again`, async () => {
      const { el, transport } = await ready([failing(kind), accepting()]);
      await submit(el);
      await statusSays(el, 'Could not send your comment — your text is kept.');
      expect(text(statusRegion(el))).to.equal('Could not send your comment — your text is kept.');
      expect(input(el, 'content').value).to.equal(draft.content);
      const retry = el.querySelector<HTMLButtonElement>('.ncf-alt')!;
      expect(text(retry)).to.equal('Retry');
      await expect(el).to.be.accessible();
      retry.focus();
      const done = oneEvent(el, 'news-comment-posted');
      await sendKeys({ press: 'Enter' });
      await done;
      expect(transport.requests).to.have.length(2);
      expect(document.activeElement, 'focus is not lost when Retry goes away').to.not.equal(document.body);
    });
  }

  it('retries once by itself when the browser comes back online', async () => {
    const { el, transport } = await ready([failing('network'), failing('network'), accepting()]);
    await submit(el);
    await statusSays(el, 'Could not send your comment — your text is kept.');
    const second = oneEvent(el, 'news-comment-error');
    window.dispatchEvent(new Event('online'));
    window.dispatchEvent(new Event('online'));
    await second;
    expect(transport.requests).to.have.length(2);
    const posted = oneEvent(el, 'news-comment-posted');
    window.dispatchEvent(new Event('online'));
    await posted;
    expect(transport.requests).to.have.length(3);
    window.dispatchEvent(new Event('online'));
    await aTimeout(20);
    expect(transport.requests, 'no retry once posted').to.have.length(3);
  });

  it('in Arabic', async () => {
    seed(draft);
    const wrap = await fixture(html`<div lang="ar" dir="rtl"><news-comment-form post-id="7"></news-comment-form></div>`);
    const el = wrap.querySelector('news-comment-form')!;
    el.transport = fakeTransport(failing('server'));
    await submit(el);
    await statusSays(el, 'تعذّر إرسال تعليقك — نصّك محفوظ.');
    expect(text(el.querySelector('.ncf-alt'))).to.equal('أعد المحاولة');
  });
});

describe('news-comment-form: identity', () => {
  it('remembers name, email and website only when the box is ticked, and fills them next time', async () => {
    const { el } = await ready(accepting());
    el.querySelector<HTMLInputElement>('input[type=checkbox]')!.click();
    await submit(el);
    await oneEvent(el, 'news-comment-posted');
    expect(savedIdentity()).to.include({ name: draft.name, email: draft.email, url: draft.url });
    const next = await fixture<NewsCommentForm>(html`<news-comment-form post-id="8"></news-comment-form>`);
    expect(input(next, 'name').value).to.equal(draft.name);
    expect(input(next, 'email').value).to.equal(draft.email);
    expect(input(next, 'url').value).to.equal(draft.url);
    expect(input(next, 'content').value).to.equal('');
    expect(next.querySelector<HTMLInputElement>('input[type=checkbox]')!.checked).to.equal(true);
    // Unticking forgets at once.
    next.querySelector<HTMLInputElement>('input[type=checkbox]')!.click();
    expect(savedIdentity()).to.equal(null);
  });

  it('unticked: nothing remembered after posting, and the remember flag is sent', async () => {
    const { el, transport } = await ready(accepting());
    await submit(el);
    await oneEvent(el, 'news-comment-posted');
    expect(transport.requests[0]!.remember).to.equal(false);
    expect(savedIdentity()).to.equal(null);
    const next = await fixture<NewsCommentForm>(html`<news-comment-form post-id="8"></news-comment-form>`);
    expect(input(next, 'name').value).to.equal('');
  });

  it('the draft key is per post: another post starts empty', async () => {
    seed({ content: 'For post 7' });
    const el = await fixture<NewsCommentForm>(html`<news-comment-form post-id="8"></news-comment-form>`);
    expect(input(el, 'content').value).to.equal('');
    expect(savedDraft(keyOf('7'))?.draft.content).to.equal('For post 7');
  });
});
