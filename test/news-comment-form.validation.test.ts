// <news-comment-form>: validation (on submit, then live), the error summary, the counter, keyboard.
import { aTimeout, expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../src/components/news-comment-form/define.js';
import { NewsCommentForm } from '../src/components/news-comment-form/news-comment-form.js';
import { accepting, fakeTransport } from '../stories/fixtures/news-comment-form.js';
import { errorOf, fill, input, seed, submit, submitButton, summary, text } from './helpers/news-comment-form.js';

beforeEach(() => localStorage.clear());

async function form(template = html`<news-comment-form post-id="7"></news-comment-form>`) {
  const el = await fixture<NewsCommentForm>(template);
  const transport = fakeTransport(accepting());
  el.transport = transport;
  return { el, transport };
}

describe('news-comment-form: validation', () => {
  it('shows nothing before the first submit, even for empty required fields', async () => {
    const { el } = await form();
    await fill(el, 'email', 'not-an-email');
    expect(input(el, 'email').hasAttribute('aria-invalid')).to.equal(false);
    expect(summary(el)).to.equal(null);
  });

  it('on submit: an error beside each field, a focused summary linking to them, nothing sent', async () => {
    const { el, transport } = await form();
    await fill(el, 'email', 'leila@');
    await fill(el, 'url', 'javascript:alert(1)');
    await submit(el);
    await el.updateComplete;
    expect(transport.requests).to.have.length(0);
    const expected: Array<[string, string]> = [
      ['content', 'Please write your comment.'],
      ['name', 'Please enter your name.'],
      ['email', 'Please enter a valid email address, like name@example.com.'],
      ['url', 'Please enter a valid web address, like https://example.com.'],
    ];
    for (const [f, message] of expected) {
      const field = input(el, f as 'name');
      expect(field.getAttribute('aria-invalid'), f).to.equal('true');
      expect(text(errorOf(el, f as 'name')), f).to.equal(message);
    }
    const box = summary(el)!;
    expect(document.activeElement).to.equal(box);
    expect(box.tabIndex).to.equal(-1);
    expect(box.getAttribute('role')).to.not.equal('alert');
    expect(text(box.querySelector('h3'))).to.equal('Please correct the following:');
    const links = [...box.querySelectorAll('a')];
    expect(links.map((a) => text(a))).to.deep.equal(expected.map(([, m]) => m));
    expect(links.map((a) => a.getAttribute('href'))).to.deep.equal(expected.map(([f]) => `#${input(el, f as 'name').id}`));
    await expect(el).to.be.accessible();
  });

  it('a summary link moves focus to its field, with the keyboard', async () => {
    const { el } = await form();
    await submit(el);
    await el.updateComplete;
    await sendKeys({ press: 'Tab' }); // from the focused summary to its first link
    await sendKeys({ press: 'Tab' });
    expect(text(document.activeElement)).to.equal('Please enter your name.');
    await sendKeys({ press: 'Enter' });
    expect(document.activeElement).to.equal(input(el, 'name'));
    expect(location.hash).to.equal('');
  });

  it('after the first submit, errors follow the fields as they change', async () => {
    const { el } = await form();
    await submit(el);
    await fill(el, 'content', 'Now written');
    expect(input(el, 'content').hasAttribute('aria-invalid')).to.equal(false);
    expect(errorOf(el, 'content')).to.equal(null);
    expect(summary(el)!.querySelectorAll('li')).to.have.length(2);
    await fill(el, 'email', 'bad');
    expect(text(errorOf(el, 'email'))).to.equal('Please enter a valid email address, like name@example.com.');
    await fill(el, 'name', 'Leila');
    await fill(el, 'email', 'leila@example.com');
    expect(summary(el), 'no error left: no summary').to.equal(null);
  });

  it('name and email are optional with require-name-email="off", but a bad email is still refused', async () => {
    seed({ content: 'Anonymous thought' });
    const { el, transport } = await form(html`<news-comment-form post-id="7" require-name-email="off"></news-comment-form>`);
    await fill(el, 'email', 'bad');
    await submit(el);
    expect(transport.requests).to.have.length(0);
    expect(text(errorOf(el, 'email'))).to.equal('Please enter a valid email address, like name@example.com.');
    expect(errorOf(el, 'name')).to.equal(null);
    await fill(el, 'email', '');
    await submit(el);
    await oneEvent(el, 'news-comment-posted');
    expect(transport.requests).to.have.length(1);
  });

  it('too long: counted in UTF-8 bytes as WordPress does; an error and nothing sent', async () => {
    seed({ content: 'x', name: 'A', email: 'a@example.com' });
    const { el, transport } = await form(html`<news-comment-form post-id="7" maxlength="10"></news-comment-form>`);
    await fill(el, 'content', 'ééééééé'); // 7 characters, 14 bytes
    await submit(el);
    expect(transport.requests).to.have.length(0);
    expect(text(errorOf(el, 'content'))).to.equal('Your comment is too long. Please shorten it.');
    expect(text(el.querySelector('.ncf-count'))).to.equal('Characters over the limit: 2');
  });

  it('validation messages in the reader language', async () => {
    const wrap = await fixture(html`<div lang="fr"><news-comment-form></news-comment-form></div>`);
    const el = wrap.querySelector('news-comment-form')!;
    await submit(el);
    expect(text(errorOf(el, 'content'))).to.equal('Veuillez écrire votre commentaire.');
    expect(text(summary(el)!.querySelector('h3'))).to.equal('Veuillez corriger les points suivants :' /* text() folds the no-break space */);
  });
});

describe('news-comment-form: counter', () => {
  it('appears near the limit, is described by the textarea and announced only at thresholds', async () => {
    const { el } = await form(html`<news-comment-form maxlength="100"></news-comment-form>`);
    const announcer = el.querySelector('.ncf-vh[role=status]')!;
    await fill(el, 'content', 'a'.repeat(50));
    expect(el.querySelector('.ncf-count')).to.equal(null);
    await fill(el, 'content', 'a'.repeat(80)); // 20 left: 20% of 100
    const count = el.querySelector('.ncf-count')!;
    expect(text(count)).to.equal('Characters left: 20');
    expect(input(el, 'content').getAttribute('aria-describedby')).to.equal(count.id);
    expect(text(announcer)).to.equal('Characters left: 20');
    await fill(el, 'content', 'a'.repeat(85));
    expect(text(el.querySelector('.ncf-count'))).to.equal('Characters left: 15');
    expect(text(announcer), 'not every keystroke').to.equal('Characters left: 20');
    await fill(el, 'content', 'a'.repeat(103));
    expect(text(announcer)).to.equal('Characters over the limit: 3');
    await fill(el, 'content', 'short');
    expect(el.querySelector('.ncf-count')).to.equal(null);
    expect(text(announcer)).to.equal('');
  });

  it('with the default limit (65525), shows from 500 left', async () => {
    const { el } = await form();
    await fill(el, 'content', 'a'.repeat(65025));
    expect(text(el.querySelector('.ncf-count'))).to.equal('Characters left: 500');
    await fill(el, 'content', 'a'.repeat(65024));
    expect(el.querySelector('.ncf-count')).to.equal(null);
  });
});

describe('news-comment-form: keyboard', () => {
  it('Ctrl+Enter in the comment sends; plain Enter makes a new line', async () => {
    seed({ content: 'Line one', name: 'A', email: 'a@example.com' });
    const { el, transport } = await form();
    const content = input<HTMLTextAreaElement>(el, 'content');
    content.focus();
    content.setSelectionRange(content.value.length, content.value.length);
    await sendKeys({ press: 'Enter' });
    await sendKeys({ type: 'Line two' });
    expect(content.value).to.equal('Line one\nLine two');
    expect(transport.requests).to.have.length(0);
    const posted = oneEvent(el, 'news-comment-posted');
    await sendKeys({ down: 'Control' });
    await sendKeys({ press: 'Enter' });
    await sendKeys({ up: 'Control' });
    await posted;
    expect(transport.requests).to.have.length(1);
    expect(transport.requests[0]!.draft.content).to.equal('Line one\nLine two');
  });

  it('Meta+Enter (⌘ on a Mac) sends too', async () => {
    seed({ content: 'Mac user', name: 'A', email: 'a@example.com' });
    const { el, transport } = await form();
    input(el, 'content').focus();
    const posted = oneEvent(el, 'news-comment-posted');
    await sendKeys({ down: 'Meta' });
    await sendKeys({ press: 'Enter' });
    await sendKeys({ up: 'Meta' });
    await posted;
    expect(transport.requests).to.have.length(1);
  });

  it('Enter in the name field submits the form (once)', async () => {
    seed({ content: 'Enter twice', name: 'A', email: 'a@example.com' });
    const el = await fixture<NewsCommentForm>(html`<news-comment-form post-id="7"></news-comment-form>`);
    const transport = fakeTransport(accepting(), 200);
    el.transport = transport;
    input(el, 'name').focus();
    const posted = oneEvent(el, 'news-comment-posted');
    await sendKeys({ press: 'Enter' });
    await sendKeys({ press: 'Enter' });
    await posted;
    await aTimeout(50);
    expect(transport.requests).to.have.length(1);
  });

  it('the whole form is reachable with Tab, in order', async () => {
    const { el } = await form();
    input(el, 'content').focus();
    const order = [input(el, 'content')];
    for (let i = 0; i < 5; i++) {
      await sendKeys({ press: 'Tab' });
      order.push(document.activeElement as HTMLInputElement);
    }
    expect(order.map((n) => n.getAttribute('name') ?? n.getAttribute('type'))).to.deep.equal([
      'comment',
      'author',
      'email',
      'url',
      'wp-comment-cookies-consent',
      'submit',
    ]);
    expect(submitButton(el).matches(':focus-visible')).to.equal(true);
  });
});
