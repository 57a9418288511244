export const IFRAME_SANDBOX: string;
export function protocolOf(value: string, base?: string): string;
export function storyBodyProblems(
  root: ParentNode,
  options?: { base?: string; storyOrigin?: string; allowElements?: string[] },
): string[];

/** One payload of test/fixtures/xss-payloads.json, with its source. */
export interface XssPayload {
  id: string;
  payload: string;
  title: string | null;
  category: string;
  source: { repo: string; path: string; commit: string };
}

/** The XSS corpus, read synchronously (in a browser). */
export function loadXssCorpus(): XssPayload[];
