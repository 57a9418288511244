/**
 * Keeps a reader's unsent comment (and, when they ask for it, their name, email and website) in
 * Web Storage, so a reload, a crash or a failed request never loses their words.
 *
 * Storage is unreliable by nature: `localStorage` throws a SecurityError in sandboxed iframes and
 * when cookies are blocked, setItem throws QuotaExceededError when full, another script may have
 * written garbage under our key. Every call here is guarded: nothing throws; failures come back as
 * `null` / `false`, and a storage that stops working flips `available` to false.
 */
import type { CommentDraft } from './model.js';
import { isRecord } from '../values.js';

/** Prefix of every draft key. */
export const DRAFT_KEY_PREFIX = 'news-comment-draft:';
/** Where the remembered name, email and website live (one per origin, like WordPress's cookies). */
export const IDENTITY_KEY = 'news-comment-identity';
const PROBE_KEY = 'news-comment-probe';

export type CommentIdentity = Pick<CommentDraft, 'name' | 'email' | 'url'>;

/**
 * The storage key of one draft: `action` + `post-id` + `parent`, each only trimmed (nothing is
 * resolved, so the same attributes give the same key on every page); an empty parent is '0'
 * (both mean a top-level comment). The parts are JSON-encoded so no separator can be confused.
 */
export function draftKey(action: string, postId: string, parent: string): string {
  const p = parent.trim();
  return DRAFT_KEY_PREFIX + JSON.stringify([action.trim(), postId.trim(), p === '' ? '0' : p]);
}

function isQuotaError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { name, code } = error as { name?: unknown; code?: unknown };
  // Chromium/WebKit: QuotaExceededError (code 22); old Firefox: NS_ERROR_DOM_QUOTA_REACHED (1014).
  return name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED' || code === 22 || code === 1014;
}

function str(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function isBlank(fields: Partial<CommentDraft>): boolean {
  return Object.values(fields).every((v) => typeof v !== 'string' || v.trim() === '');
}

export class DraftStore {
  /** A store over `globalThis.localStorage`; reading that property itself may throw (sandboxed iframes). */
  static fromWindow(): DraftStore {
    let storage: Storage | null = null;
    try {
      storage = (globalThis as { localStorage?: Storage }).localStorage ?? null;
    } catch {
      storage = null;
    }
    return new DraftStore(storage);
  }

  private storage: Storage | null;
  private working: boolean;

  constructor(storage: Storage | null | undefined) {
    this.storage = storage ?? null;
    this.working = this.storage !== null && this.probe();
  }

  /** Whether drafts can be kept (false: no storage, storage refused, or it stopped working). */
  get available(): boolean {
    return this.working;
  }

  /** The draft saved under `key` and when it was started (ms since epoch), or null if none or unreadable. */
  load(key: string): { draft: CommentDraft; startedAt: number } | null {
    const data = this.read(key);
    if (data === null) return null;
    const draft = (data as { draft?: unknown }).draft;
    if (typeof draft !== 'object' || draft === null) {
      this.clear(key);
      return null;
    }
    const d = draft as Record<string, unknown>;
    const result: CommentDraft = { content: str(d.content), name: str(d.name), email: str(d.email), url: str(d.url) };
    if (isBlank(result)) return null;
    const started = (data as { startedAt?: unknown }).startedAt;
    // An unreadable start time counts as "long ago": a restored draft is a reader's, not a bot's.
    return { draft: result, startedAt: typeof started === 'number' && Number.isFinite(started) ? started : 0 };
  }

  /** Saves the draft (a draft with every field empty is cleared instead). False if it could not be kept. */
  save(key: string, draft: CommentDraft, startedAt: number): boolean {
    if (isBlank(draft)) {
      this.clear(key);
      return true;
    }
    const { content, name, email, url } = draft;
    return this.write(key, { v: 1, draft: { content, name, email, url }, startedAt });
  }

  /** Forgets the draft (after the server accepted it, or when it was emptied). */
  clear(key: string): void {
    this.remove(key);
  }

  /** The remembered name, email and website, or null. */
  loadIdentity(): CommentIdentity | null {
    const data = this.read(IDENTITY_KEY);
    if (data === null) return null;
    const d = data as Record<string, unknown>;
    const identity: CommentIdentity = { name: str(d.name), email: str(d.email), url: str(d.url) };
    return isBlank(identity) ? null : identity;
  }

  /** Remembers name, email and website (only when the reader ticked "Save my name…"). */
  saveIdentity(identity: CommentIdentity): boolean {
    const { name, email, url } = identity;
    if (isBlank({ name, email, url })) {
      this.clearIdentity();
      return true;
    }
    return this.write(IDENTITY_KEY, { v: 1, name, email, url });
  }

  /** Forgets the remembered identity (the reader unticked "Save my name…"). */
  clearIdentity(): void {
    this.remove(IDENTITY_KEY);
  }

  private probe(): boolean {
    try {
      const storage = this.storage!;
      storage.setItem(PROBE_KEY, '1');
      storage.removeItem(PROBE_KEY);
      return true;
    } catch {
      return false;
    }
  }

  /** Parsed JSON object under `key`, or null (missing, unreadable, or corrupt — a corrupt entry is removed). */
  private read(key: string): object | null {
    if (!this.working) return null;
    let raw: string | null;
    try {
      raw = this.storage!.getItem(key);
    } catch {
      this.working = false;
      return null;
    }
    if (raw === null) return null;
    try {
      const data: unknown = JSON.parse(raw);
      if (isRecord(data)) return data;
    } catch {
      // fall through: corrupt
    }
    this.remove(key);
    return null;
  }

  private write(key: string, value: object): boolean {
    if (!this.working) return false;
    try {
      this.storage!.setItem(key, JSON.stringify(value));
      return true;
    } catch (error) {
      // Full storage may have room again once the text shrinks; anything else means it is gone.
      if (!isQuotaError(error)) this.working = false;
      return false;
    }
  }

  private remove(key: string): void {
    if (!this.working) return;
    try {
      this.storage!.removeItem(key);
    } catch {
      this.working = false;
    }
  }
}
