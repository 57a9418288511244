// <news-comment-form>: what it renders (light DOM, labels, heading, reply, languages, styles).
// Validation, sending, answers and drafts are in the other news-comment-form.*.test.ts files.
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../src/components/news-comment-form/define.js';
import { NewsCommentForm } from '../src/components/news-comment-form/news-comment-form.js';
import { accepting, fakeTransport } from '../stories/fixtures/news-comment-form.js';
import { input, keyOf, savedDraft, seed, statusRegion, submitButton, text } from './helpers/news-comment-form.js';
import { captureWarnings } from './helpers/warnings.js';

const warnings = captureWarnings('news-comment-form');

beforeEach(() => localStorage.clear());

describe('news-comment-form: rendering', () => {
  it('renders native, labelled fields in its light DOM, with autocomplete', async () => {
    const el = await fixture<NewsCommentForm>(html`<news-comment-form post-id="7"></news-comment-form>`);
    expect(el.shadowRoot).to.equal(null);
    const form = el.querySelector('form')!;
    expect(form).to.exist;
    expect(form.noValidate).to.equal(true);
    const content = input<HTMLTextAreaElement>(el, 'content');
    expect(content.localName).to.equal('textarea');
    expect(content.labels![0]!.textContent!.trim()).to.equal('Comment *');
    expect(content.getAttribute('aria-required')).to.equal('true');
    expect(content.hasAttribute('maxlength'), 'no native maxlength: it would cut a paste').to.equal(false);
    const expected: Array<[string, string, string, string]> = [
      ['name', 'author', 'text', 'Name *'],
      ['email', 'email', 'email', 'Email *'],
      ['url', 'url', 'url', 'Website'],
    ];
    for (const [f, name, type, label] of expected) {
      const field = input(el, f as 'name');
      expect(field.name).to.equal(name);
      expect(field.type).to.equal(type);
      expect(field.getAttribute('autocomplete')).to.equal(f);
      expect(field.labels![0]!.textContent!.trim()).to.equal(label);
    }
    expect(input(el, 'url').hasAttribute('aria-required')).to.equal(false);
    const remember = el.querySelector<HTMLInputElement>('input[type=checkbox]')!;
    expect(remember.checked).to.equal(false);
    expect(text(remember.labels![0])).to.equal('Save my name, email, and website in this browser for the next time I comment.');
    expect(text(el.querySelector('.ncf-note'))).to.equal('Your email address will not be published. Required fields are marked *');
    expect(text(submitButton(el))).to.equal('Post comment');
    await expect(el).to.be.accessible();
  });

  it('is a region named by its heading, "Leave a reply" by default at level 2', async () => {
    const el = await fixture<NewsCommentForm>(html`<news-comment-form post-id="7"></news-comment-form>`);
    const section = el.querySelector('section')!;
    const h = el.querySelector('h2')!;
    expect(h.textContent).to.equal('Leave a reply');
    expect(section.getAttribute('aria-labelledby')).to.equal(h.id);
  });

  it('takes its heading text and level from heading and heading-level (clamped to 2–6)', async () => {
    const el = await fixture<NewsCommentForm>(html`<news-comment-form heading="Join the discussion" heading-level="4"></news-comment-form>`);
    expect(el.querySelector('h4')!.textContent).to.equal('Join the discussion');
    el.headingLevel = 9;
    await el.updateComplete;
    expect(el.querySelector('h6')).to.exist;
    el.headingLevel = 1;
    await el.updateComplete;
    expect(el.querySelector('h2')).to.exist;
    expect(el.querySelector('h1')).to.equal(null);
  });

  it('hides the honeypot from people, keyboards and autofill', async () => {
    const el = await fixture<NewsCommentForm>(html`<news-comment-form></news-comment-form>`);
    const hp = el.querySelector<HTMLInputElement>('input[name=news_hp]')!;
    expect(hp.tabIndex).to.equal(-1);
    expect(hp.getAttribute('autocomplete')).to.equal('off');
    expect(hp.closest('[aria-hidden=true]')).to.exist;
    // Inside a 1 px box that clips it.
    const box = hp.parentElement!;
    expect(box.getBoundingClientRect().width).to.be.at.most(1);
    expect(getComputedStyle(box).overflow).to.equal('hidden');
    expect(getComputedStyle(box).clipPath).to.not.equal('none');
    input(el, 'content').focus();
    await sendKeys({ press: 'Tab' });
    expect(document.activeElement).to.equal(input(el, 'name'));
  });

  it('the hidden honeypot does not widen a left-to-right page when the form is right to left', async () => {
    const wrap = await fixture(html`<div dir="rtl" lang="fa"><news-comment-form></news-comment-form></div>`);
    await wrap.querySelector('news-comment-form')!.updateComplete;
    expect(document.documentElement.scrollWidth).to.be.at.most(innerWidth);
  });

  it('require-name-email="off" makes name and email optional', async () => {
    const el = await fixture<NewsCommentForm>(html`<news-comment-form require-name-email="off"></news-comment-form>`);
    expect(input(el, 'name').hasAttribute('aria-required')).to.equal(false);
    expect(input(el, 'name').labels![0]!.textContent!.trim()).to.equal('Name');
    expect(input(el, 'email').labels![0]!.textContent!.trim()).to.equal('Email');
  });

  it('gives each form its own ids, so two forms on a page do not clash', async () => {
    const wrap = await fixture(html`<div><news-comment-form></news-comment-form><news-comment-form></news-comment-form></div>`);
    const ids = [...wrap.querySelectorAll('[id]')].map((n) => n.id);
    expect(new Set(ids).size).to.equal(ids.length);
  });

  it('has the polite status region from the first render', async () => {
    const el = await fixture<NewsCommentForm>(html`<news-comment-form></news-comment-form>`);
    expect(statusRegion(el).getAttribute('role')).to.equal('status');
    expect(text(statusRegion(el))).to.equal('');
  });

  it('keeps the comment text as a reader sees it: markup typed stays text', async () => {
    seed({ content: '<img src=x onerror=alert(1)>' });
    const el = await fixture<NewsCommentForm>(html`<news-comment-form post-id="7"></news-comment-form>`);
    expect(input(el, 'content').value).to.equal('<img src=x onerror=alert(1)>');
    expect(el.querySelector('img')).to.equal(null);
  });
});

describe('news-comment-form: no-JS fallback', () => {
  it('replaces a fallback form, keeping what the reader typed and its post ID and parent', async () => {
    const el = await fixture<NewsCommentForm>(html`<news-comment-form>
      <form action="/wp-comments-post.php" method="post" id="commentform">
        <textarea name="comment">Typed before the script arrived</textarea>
        <input name="author" value="Sam" />
        <input name="email" value="sam@example.com" />
        <input type="hidden" name="comment_post_ID" value="7" />
        <input type="hidden" name="comment_parent" value="3" />
      </form>
    </news-comment-form>`);
    expect(el.querySelector('#commentform')).to.equal(null);
    expect(el.querySelectorAll('form')).to.have.length(1);
    expect(el.postId).to.equal('7');
    expect(el.parent).to.equal('3');
    expect(input(el, 'content').value).to.equal('Typed before the script arrived');
    expect(input(el, 'name').value).to.equal('Sam');
    expect(input(el, 'email').value).to.equal('sam@example.com');
    expect(savedDraft(keyOf('7', '3'))?.draft.content).to.equal('Typed before the script arrived');
  });
});

describe('news-comment-form: reply', () => {
  it('shows "Replying to" with a Cancel reply button that clears parent and reply-to', async () => {
    seed({ content: 'A reply in progress' }, keyOf('7', '12'));
    const el = await fixture<NewsCommentForm>(html`<news-comment-form post-id="7" parent="12" reply-to="Ali <b>R.</b>"></news-comment-form>`);
    const reply = el.querySelector('.ncf-reply')!;
    expect(text(reply)).to.equal('Replying to Ali <b>R.</b> Cancel reply');
    expect(reply.querySelector('b')).to.equal(null);
    await expect(el).to.be.accessible();
    const button = reply.querySelector('button')!;
    button.focus();
    const event = oneEvent(el, 'news-comment-reply-cancel');
    await sendKeys({ press: 'Enter' });
    const { detail, bubbles, composed } = await event;
    expect(detail).to.deep.equal({ parent: '12' });
    expect(bubbles && composed).to.equal(true);
    await el.updateComplete;
    expect(el.hasAttribute('parent')).to.equal(false);
    expect(el.hasAttribute('reply-to')).to.equal(false);
    expect(el.querySelector('.ncf-reply')).to.equal(null);
    expect(document.activeElement).to.equal(input(el, 'content'));
    // The text is kept, and its draft moves to the top-level key.
    expect(input(el, 'content').value).to.equal('A reply in progress');
    expect(savedDraft(keyOf('7', '12'))).to.equal(null);
    expect(savedDraft(keyOf('7'))?.draft.content).to.equal('A reply in progress');
  });

  it('sends the parent with the request', async () => {
    seed({ content: 'Agreed.', name: 'A', email: 'a@example.com' }, keyOf('7', '12'));
    const el = await fixture<NewsCommentForm>(html`<news-comment-form post-id="7" parent="12" reply-to="Ali"></news-comment-form>`);
    const transport = fakeTransport(accepting());
    el.transport = transport;
    submitButton(el).click();
    await oneEvent(el, 'news-comment-posted');
    expect(transport.requests[0]!.parent).to.equal('12');
    expect(transport.requests[0]!.postId).to.equal('7');
  });
});

describe('news-comment-form: languages', () => {
  it('speaks the page language (Persian, right to left) with localized digits', async () => {
    const wrap = await fixture(html`<div lang="fa" dir="rtl"><news-comment-form maxlength="12"></news-comment-form></div>`);
    const el = wrap.querySelector('news-comment-form')!;
    expect(el.querySelector('h2')!.textContent).to.equal('دیدگاهی بنویسید');
    expect(text(submitButton(el))).to.equal('فرستادن دیدگاه');
    input(el, 'content').focus();
    await sendKeys({ type: 'سلام' });
    await el.updateComplete;
    // 12 bytes, 4 letters of 2 bytes typed: 2 letters left, in Persian digits.
    expect(text(el.querySelector('.ncf-count'))).to.equal('نویسه‌های باقی‌مانده: ۲');
    // Logical properties: the label starts on the right.
    const label = input(el, 'content').labels![0]!.getBoundingClientRect();
    const field = input(el, 'content').getBoundingClientRect();
    expect(Math.abs(label.right - field.right)).to.be.below(2);
    await expect(el).to.be.accessible();
  });

  it('follows a change of the page language', async () => {
    const wrap = await fixture(html`<div lang="en"><news-comment-form></news-comment-form></div>`);
    const el = wrap.querySelector('news-comment-form')!;
    wrap.setAttribute('lang', 'de');
    await new Promise((r) => setTimeout(r));
    await el.updateComplete;
    expect(el.querySelector('h2')!.textContent).to.equal('Schreibe einen Kommentar');
  });
});

describe('news-comment-form: attributes', () => {
  it('an unknown format warns once and posts as wordpress', async () => {
    seed({ content: 'x', name: 'A', email: 'a@example.com' });
    const el = await fixture<NewsCommentForm>(html`<news-comment-form post-id="7" format="drupal"></news-comment-form>`);
    const warning = '[news-comment-form] attribute "format" must be "wordpress", "wordpress-form" or "json", not "drupal"; using "wordpress"';
    expect(warnings).to.deep.equal([warning]);
    el.heading = 'Re-rendered';
    await el.updateComplete;
    expect(warnings, 'once, not on every render').to.deep.equal([warning]);
    // The draft key and the default action are those of wordpress: the seeded draft was found…
    expect(input(el, 'content').value).to.equal('x');
    // …and it is sent with the wordpress transport's default action.
    const transport = fakeTransport(accepting());
    el.transport = transport;
    submitButton(el).click();
    await oneEvent(el, 'news-comment-posted');
    expect(transport.requests[0]!.action).to.equal('/wp-json/wp/v2/comments');
  });

  it('warns when post-id is missing (WordPress formats) or action is missing (json)', async () => {
    await fixture(html`<news-comment-form></news-comment-form>`);
    await fixture(html`<news-comment-form format="json" post-id="1"></news-comment-form>`);
    await fixture(html`<news-comment-form format="json" action="/api/comments"></news-comment-form>`);
    expect(warnings).to.deep.equal([
      '[news-comment-form] attribute "post-id" is missing: WordPress refuses a comment without its post',
      '[news-comment-form] attribute "action" is missing: format="json" has no default URL to post to',
    ]);
  });

  it('warns once, naming the attribute, for numbers it cannot use, and falls back', async () => {
    const el = await fixture<NewsCommentForm>(
      html`<news-comment-form post-id="abc" parent="x1" maxlength="-5" timeout="soon" heading-level="9"></news-comment-form>`,
    );
    expect(warnings).to.deep.equal([
      '[news-comment-form] attribute "post-id" must be a whole number, not "abc"; WordPress will refuse the comment',
      '[news-comment-form] attribute "parent" must be a whole number, not "x1"; posting as a new comment',
      '[news-comment-form] attribute "maxlength" must be a positive number, not "-5"; using 65525',
      '[news-comment-form] attribute "timeout" must be a positive number of milliseconds, not "soon"; using 15000',
      '[news-comment-form] attribute "heading-level" must be 2, 3, 4, 5 or 6, not "9"; using 6',
    ]);
    expect(el.querySelector('h6')?.textContent).to.equal('Leave a reply');
    el.requestUpdate();
    await el.updateComplete;
    expect(warnings).to.have.length(5);
    await expect(el).to.be.accessible();
  });

  it('passes action, post-id and timeout to the transport', async () => {
    seed({ content: 'x', name: 'A', email: 'a@example.com' }, keyOf('9', '', '/comments/api'));
    const el = await fixture<NewsCommentForm>(html`<news-comment-form action="/comments/api" post-id="9" format="json" timeout="1234"></news-comment-form>`);
    let timeoutMs = 0;
    const inner = fakeTransport(accepting());
    el.transport = {
      send(request, options) {
        timeoutMs = options.timeoutMs;
        return inner.send(request, options);
      },
    };
    submitButton(el).click();
    await oneEvent(el, 'news-comment-posted');
    expect(inner.requests[0]!.action).to.equal('/comments/api');
    expect(inner.requests[0]!.postId).to.equal('9');
    expect(timeoutMs).to.equal(1234);
  });
});

describe('news-comment-form: styles', () => {
  it('adopts one scoped sheet into the document: designed fields, 24 px targets, focus ring', async () => {
    const el = await fixture<NewsCommentForm>(html`<news-comment-form></news-comment-form>`);
    const sheets = document.adoptedStyleSheets.filter((s) => [...s.cssRules].some((r) => r.cssText.startsWith('news-comment-form')));
    expect(sheets).to.have.length(1);
    const content = input(el, 'content');
    expect(getComputedStyle(content).borderTopStyle).to.equal('solid');
    const check = el.querySelector('input[type=checkbox]')!.getBoundingClientRect();
    expect(check.width).to.be.at.least(24);
    expect(check.height).to.be.at.least(24);
    expect(submitButton(el).getBoundingClientRect().height).to.be.at.least(24);
    content.focus();
    expect(getComputedStyle(content).outlineStyle).to.equal('solid');
    // The page's own paragraphs are not touched.
    const p = document.createElement('p');
    document.body.append(p);
    expect(getComputedStyle(p).marginTop).to.not.equal('0px');
    p.remove();
  });

  it('inside a shadow root, adopts the sheet there', async () => {
    const host = await fixture<HTMLElement>(html`<div></div>`);
    const root = host.attachShadow({ mode: 'open' });
    const el = document.createElement('news-comment-form');
    root.append(el);
    await el.updateComplete;
    expect(root.adoptedStyleSheets.some((s) => [...s.cssRules].some((r) => r.cssText.startsWith('news-comment-form')))).to.equal(true);
    expect(getComputedStyle(el.querySelector('textarea')!).borderTopStyle).to.equal('solid');
  });
});
