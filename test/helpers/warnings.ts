/**
 * Captures the console warnings an element prints, for the tests of the current `describe` (or file):
 * the returned array is emptied before each test and holds the `[tag] …` warnings printed during it.
 */
export function captureWarnings(tag?: string): string[] {
  const warnings: string[] = [];
  const original = console.warn;
  beforeEach(() => {
    warnings.length = 0;
    console.warn = (...args: unknown[]) => {
      const text = args.map(String).join(' ');
      if (!tag || text.startsWith(`[${tag}]`)) warnings.push(text);
    };
  });
  afterEach(() => {
    console.warn = original;
  });
  return warnings;
}
