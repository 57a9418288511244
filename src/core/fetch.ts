/**
 * Fetching a text body with a time-out and the caller's abort signal, for every element that loads
 * something (`<news-related src>`, the comment transport, `<news-story src>`). Pure: nothing but
 * fetch and AbortController, which Node has too. `fetchText()` never throws.
 */

/** setTimeout fires at once for a delay beyond 2^31 - 1 ms: longer time-outs wait that long (24.8 days). */
export const MAX_TIMER_MS = 2 ** 31 - 1;

/** Why a fetch gave no body. */
export type FetchFailure = 'timeout' | 'aborted' | 'network';

/**
 * The answer and its whole body, or why there is none. `status` is the response's status when the
 * failure came while reading the body (the headers had arrived), else 0; `error` is what fetch or
 * the body read rejected with, for a 'network' failure.
 */
export type FetchTextResult =
  | { ok: true; response: Response; body: string }
  | { ok: false; reason: FetchFailure; status: number; error?: unknown };

export interface FetchTextOptions {
  /** The caller's signal: its abort ends the request with reason 'aborted'. */
  signal?: AbortSignal;
  /** Time allowed for the answer and its body; not finite or ≤ 0 means no time-out. Clamped to MAX_TIMER_MS. */
  timeoutMs: number;
  /** Defaults to the global fetch, looked up at call time. Tests pass a fake returning real Responses. */
  fetchImpl?: typeof fetch;
}

/**
 * Fetches `url` with `init` (its `signal` is replaced by one that follows `options.signal` and the
 * time-out) and reads the body as text. Both the fetch and the body read are raced against the stop,
 * so a fetch or a body that ignores its signal cannot hang the caller. A time-out wins over the
 * caller's abort when both have happened.
 */
export async function fetchText(url: string, init: RequestInit, options: FetchTextOptions): Promise<FetchTextResult> {
  const { signal, timeoutMs, fetchImpl } = options;
  if (signal?.aborted) return { ok: false, reason: 'aborted', status: 0 };

  // The caller's signal and our timer, combined by hand (AbortSignal.any is too new to rely on).
  const controller = new AbortController();
  let timedOut = false;
  let stop: (reason: unknown) => void = () => {};
  // Rejects when either fires, so a fetch or body that ignores its signal cannot hang us.
  const stopped = new Promise<never>((_, reject) => {
    stop = reject;
  });
  stopped.catch(() => {});
  const onAbort = () => {
    controller.abort();
    stop(new Error('aborted'));
  };
  signal?.addEventListener('abort', onAbort, { once: true });
  const timer =
    Number.isFinite(timeoutMs) && timeoutMs > 0
      ? setTimeout(() => {
          timedOut = true;
          controller.abort();
          stop(new Error('timeout'));
        }, Math.min(timeoutMs, MAX_TIMER_MS))
      : undefined;

  const failed = (status: number, error: unknown): FetchTextResult =>
    timedOut
      ? { ok: false, reason: 'timeout', status }
      : signal?.aborted
        ? { ok: false, reason: 'aborted', status }
        : { ok: false, reason: 'network', status, error };

  try {
    let response: Response;
    try {
      const requestInit = { ...init, signal: controller.signal };
      const answer = fetchImpl ? fetchImpl(url, requestInit) : globalThis.fetch(url, requestInit);
      response = await Promise.race([answer, stopped]);
    } catch (error) {
      return failed(0, error);
    }
    try {
      return { ok: true, response, body: await Promise.race([response.text(), stopped]) };
    } catch (error) {
      return failed(response.status, error);
    }
  } finally {
    if (timer !== undefined) clearTimeout(timer);
    signal?.removeEventListener('abort', onAbort);
  }
}

/**
 * Why an answer has no readable body, as an element's warning words it ('' when it has one): the
 * HTTP status when it is not 2xx, a time-out after `ms`, a body that broke off, or the fetch error.
 */
export function unusableAnswer(answer: FetchTextResult, ms: number): string {
  // A bad status is the reason even if its body then failed (status is 0 when no answer came).
  const status = answer.ok ? answer.response.status : answer.status;
  if (status && (status < 200 || status > 299)) return `HTTP ${status}`;
  if (answer.ok) return '';
  if (answer.reason === 'timeout') return `no answer within ${ms} ms`;
  if (status) return 'the answer broke off';
  return answer.error instanceof Error ? answer.error.message : String(answer.error);
}
