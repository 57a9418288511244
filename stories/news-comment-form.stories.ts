import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { expect, userEvent, waitFor } from 'storybook/test';
import '../src/components/news-comment-form/define.js';
import { DraftStore, draftKey } from '../src/core/comment/draft-store.js';
import type { CommentDraft, CommentErrorKind } from '../src/core/comment/model.js';
import { accepting, draft, errors, failing, fakeTransport, persianDraft, type Answer } from './fixtures/news-comment-form.js';

type Outcome = 'hold' | 'approved' | 'sending' | CommentErrorKind;

interface FormArgs {
  heading?: string;
  headingLevel: number;
  format: 'wordpress' | 'wordpress-form' | 'json';
  requireNameEmail: 'on' | 'off';
  parent?: string;
  replyTo?: string;
  lang: string;
  /** What the fake server answers (stories only). */
  outcome: Outcome;
  /** A draft the reader typed before (restored from localStorage, as after a reload). */
  restored?: CommentDraft;
}

const POST_ID = '2051';

function answerFor(outcome: Outcome): Answer | Answer[] {
  if (outcome === 'hold' || outcome === 'approved') return accepting(outcome);
  if (outcome === 'sending') return accepting();
  // After a retryable failure the retry succeeds, so Retry can be tried in the story.
  return [failing(outcome), accepting()];
}

const form = (args: FormArgs) => html`<div lang=${args.lang} dir=${args.lang === 'fa' || args.lang === 'ar' ? 'rtl' : 'ltr'}>
  <news-comment-form
    post-id=${POST_ID}
    parent=${ifDefined(args.parent)}
    reply-to=${ifDefined(args.replyTo)}
    format=${args.format}
    require-name-email=${args.requireNameEmail}
    heading=${ifDefined(args.heading)}
    heading-level=${args.headingLevel}
    .transport=${fakeTransport(answerFor(args.outcome), args.outcome === 'sending' ? Infinity : 400)}
  ></news-comment-form>
</div>`;

const meta: Meta<FormArgs> = {
  title: 'Elements/news-comment-form',
  component: 'news-comment-form',
  tags: ['autodocs'],
  args: { headingLevel: 2, format: 'wordpress', requireNameEmail: 'on', lang: 'en', outcome: 'hold' },
  argTypes: {
    format: { control: 'inline-radio', options: ['wordpress', 'wordpress-form', 'json'] },
    requireNameEmail: { control: 'inline-radio', options: ['on', 'off'] },
    lang: { control: 'select', options: ['en', 'ar', 'fa', 'es', 'fr', 'de'] },
    outcome: { control: 'select', options: ['hold', 'approved', 'sending', ...Object.keys(errors)] },
    restored: { control: false },
  },
  // The draft a reader typed a minute ago, as the form finds it after a reload.
  beforeEach: ({ args }) => {
    const store = DraftStore.fromWindow();
    const key = draftKey('/wp-json/wp/v2/comments', POST_ID, args.parent ?? '');
    store.clear(key);
    store.clearIdentity();
    if (args.restored) store.save(key, args.restored, Date.now() - 60_000);
  },
  render: (args) => html`<div style="max-inline-size: 42rem">${form(args)}</div>`,
};
export default meta;

type Story = StoryObj<FormArgs>;

const el = (canvasElement: HTMLElement) => canvasElement.querySelector('news-comment-form')!;
const status = (canvasElement: HTMLElement) => el(canvasElement).querySelector('.ncf-status')!;
const send = async (canvasElement: HTMLElement) => userEvent.click(el(canvasElement).querySelector('button[type=submit]')!);

/** The form as a reader first sees it. */
export const Empty: Story = {
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(el(canvasElement).querySelector('textarea')).not.toBeNull());
  },
};

/** Sent empty: an error by each field and a focused summary linking to them. */
export const InvalidWithSummary: Story = {
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(el(canvasElement).querySelector('textarea')).not.toBeNull());
    await userEvent.type(el(canvasElement).querySelector('input[name=email]')!, 'leila@');
    await send(canvasElement);
    await waitFor(() => expect(document.activeElement).toBe(el(canvasElement).querySelector('.ncf-sum')));
    await expect(el(canvasElement).querySelectorAll('.ncf-sum li')).toHaveLength(3);
  },
};

/** While the request is in flight: "Posting…", `aria-busy`, still focusable. */
export const Sending: Story = {
  args: { outcome: 'sending', restored: draft },
  play: async ({ canvasElement }) => {
    await send(canvasElement);
    const button = el(canvasElement).querySelector('button[type=submit]')!;
    await waitFor(() => expect(button.getAttribute('aria-busy')).toBe('true'));
    await expect(button.textContent?.trim()).toBe('Posting…');
  },
};

/** Approved at once: the comment is shown as it will appear. */
export const Posted: Story = {
  args: { outcome: 'approved', restored: draft },
  play: async ({ canvasElement }) => {
    await send(canvasElement);
    await waitFor(() => expect(status(canvasElement).textContent).toContain('Your comment has been posted.'));
    await expect(el(canvasElement).querySelector('.ncf-posted')).not.toBeNull();
  },
};

/** Held for moderation (WordPress's default for a first comment). */
export const AwaitingModeration: Story = {
  args: { outcome: 'hold', restored: draft },
  play: async ({ canvasElement }) => {
    await send(canvasElement);
    await waitFor(() => expect(status(canvasElement).textContent).toContain('Your comment is awaiting moderation.'));
  },
};

/** A reply to a comment: "Replying to …" with Cancel reply. */
export const Reply: Story = {
  args: { parent: '12', replyTo: 'Parisa Hafezi', restored: { ...draft, content: 'I agree with Parisa.' } },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(el(canvasElement).querySelector('.ncf-reply')?.textContent).toContain('Replying to Parisa Hafezi'));
  },
};

/** Persian, right to left: the validation errors in the reader's language. */
export const PersianRtl: Story = {
  args: { lang: 'fa', restored: { ...persianDraft, email: 'parisa@' } },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(el(canvasElement).querySelector('textarea')?.value).toBe(persianDraft.content));
    await send(canvasElement);
    await waitFor(() => expect(el(canvasElement).querySelector('.ncf-sum')).not.toBeNull());
  },
};

/** Flood: a countdown on the button, which waits for it. */
export const FloodCountdown: Story = {
  args: { outcome: 'flood', restored: draft },
  play: async ({ canvasElement }) => {
    await send(canvasElement);
    await waitFor(() => expect(status(canvasElement).textContent).toContain('You can post again in 42 s.'));
    await expect(el(canvasElement).querySelector('button[type=submit]')!.getAttribute('aria-disabled')).toBe('true');
  },
};

/** Offline: the text is kept, with Retry (and an automatic retry when back online). */
export const OfflineWithRetry: Story = {
  args: { outcome: 'network', restored: draft },
  play: async ({ canvasElement }) => {
    await send(canvasElement);
    await waitFor(() => expect(status(canvasElement).textContent).toContain('Could not send your comment — your text is kept.'));
    await expect(el(canvasElement).querySelector('.ncf-alt')?.textContent?.trim()).toBe('Retry');
  },
};

/** One story per answer a reader can get: what the status says for each error kind. */
function errorStory(outcome: CommentErrorKind, expected: string): Story {
  return {
    args: { outcome, restored: draft, requireNameEmail: outcome === 'author-data-required' ? 'off' : 'on' },
    play: async ({ canvasElement }) => {
      if (outcome === 'author-data-required') {
        await userEvent.clear(el(canvasElement).querySelector('input[name=author]')!);
        await userEvent.clear(el(canvasElement).querySelector('input[name=email]')!);
      }
      await send(canvasElement);
      await waitFor(() => expect(status(canvasElement).textContent).toContain(expected));
    },
  };
}

export const ErrorDuplicate = errorStory('duplicate', 'You have already posted this comment.');
export const ErrorClosed = errorStory('closed', 'Comments are closed on this article.');
export const ErrorLoginRequired = errorStory('login-required', 'Please log in to comment on this article.');
export const ErrorAuthorDataRequired = errorStory('author-data-required', 'Please enter your name and email address.');
export const ErrorInvalidField = errorStory('invalid-field', 'Please correct the marked field.');
export const ErrorContentInvalid = errorStory('content-invalid', 'Your comment could not be accepted.');
export const ErrorInvalidPost = errorStory('invalid-post', 'Comments cannot be posted on this article.');
export const ErrorRejected = errorStory('rejected', 'Your comment was not accepted.');
export const ErrorServer = errorStory('server', 'Could not send your comment — your text is kept.');
export const ErrorTimeout = errorStory('timeout', 'Could not send your comment — your text is kept.');
export const ErrorBadResponse = errorStory('bad-response', 'Could not send your comment — your text is kept.');
