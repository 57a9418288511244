export const IFRAME_SANDBOX: string;
export function protocolOf(value: string, base?: string): string;
export function storyBodyProblems(
  root: ParentNode,
  options?: { base?: string; storyOrigin?: string; allowElements?: string[] },
): string[];
