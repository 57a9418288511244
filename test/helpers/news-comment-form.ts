/** Helpers of the <news-comment-form> tests (test/news-comment-form*.test.ts). */
import { waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { DraftStore, IDENTITY_KEY, draftKey } from '../../src/core/comment/draft-store.js';
import type { CommentDraft, CommentField } from '../../src/core/comment/model.js';
import type { NewsCommentForm } from '../../src/components/news-comment-form/news-comment-form.js';

export const REST = '/wp-json/wp/v2/comments';
const NAMES: Record<CommentField, string> = { content: 'comment', name: 'author', email: 'email', url: 'url' };
const EMPTY: CommentDraft = { content: '', name: '', email: '', url: '' };

/** The storage key of the draft of post `postId` (REST action by default). */
export const keyOf = (postId = '7', parent = '', action = REST) => draftKey(action, postId, parent);

/**
 * Saves a draft as if the reader had typed it a minute ago and reloaded: the form restores it and
 * the time trap (2 s) does not hold it back. Most tests start this way.
 */
export function seed(draft: Partial<CommentDraft>, key = keyOf(), startedAt = Date.now() - 60_000): void {
  new DraftStore(localStorage).save(key, { ...EMPTY, ...draft }, startedAt);
}

export function savedDraft(key = keyOf()): { draft: CommentDraft; startedAt: number } | null {
  return new DraftStore(localStorage).load(key);
}

export function savedIdentity(): unknown {
  const raw = localStorage.getItem(IDENTITY_KEY);
  return raw === null ? null : JSON.parse(raw);
}

export const text = (node: Node | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

export const input = <T extends HTMLInputElement | HTMLTextAreaElement = HTMLInputElement>(el: Element, f: CommentField) =>
  el.querySelector<T>(`[name="${NAMES[f]}"]`)!;

export const submitButton = (el: Element) => el.querySelector<HTMLButtonElement>('button[type=submit]')!;
export const statusRegion = (el: Element) => el.querySelector<HTMLElement>('.ncf-status')!;
export const summary = (el: Element) => el.querySelector<HTMLElement>('.ncf-sum');
export const errorOf = (el: Element, f: CommentField) => {
  const field = input(el, f);
  const id = (field.getAttribute('aria-describedby') ?? '').split(' ').find((x) => x.endsWith('-e'));
  return id ? el.querySelector<HTMLElement>(`#${id}`) : null;
};

/** Types `value` into a field as a reader would (value + input event; keystrokes are tested with sendKeys). */
export async function fill(el: NewsCommentForm, f: CommentField, value: string): Promise<void> {
  const field = input(el, f);
  field.value = value;
  field.dispatchEvent(new Event('input', { bubbles: true }));
  await el.updateComplete;
}

/**
 * A reader writes a new comment by hand: real keystrokes in the comment field (so the draft, and the
 * 2 s time trap, start now), then the name and the email.
 */
export async function typeComment(el: NewsCommentForm, typed: Pick<CommentDraft, 'content' | 'name' | 'email'>): Promise<void> {
  input(el, 'content').focus();
  await sendKeys({ type: typed.content });
  await fill(el, 'name', typed.name);
  await fill(el, 'email', typed.email);
}

export async function submit(el: NewsCommentForm): Promise<void> {
  await el.updateComplete; // rendered (in another language, once its strings are in)
  submitButton(el).click();
  await el.updateComplete;
}

export async function statusSays(el: NewsCommentForm, pattern: RegExp | string, message = 'status'): Promise<void> {
  await waitUntil(
    () => (typeof pattern === 'string' ? text(statusRegion(el)).includes(pattern) : pattern.test(text(statusRegion(el)))),
    `${message}: "${text(statusRegion(el))}"`,
    { timeout: 5000 },
  );
}
