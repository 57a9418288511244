// Debian's Chromium, as every test tool here launches it. No tool may download a browser on these
// machines; root needs --no-sandbox; the closed network needs the rest (background requests fail).
export const CHROME_PATH = process.env.CHROME_PATH || '/usr/bin/chromium';
export const FIREFOX_PATH = process.env.FIREFOX_PATH || '/usr/bin/firefox-esr';
export const CHROME_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Launches Debian's Chromium headless through puppeteer-core (end-to-end tests, the benchmark). */
export async function launchChromium(extraArgs = []) {
  const { default: puppeteer } = await import('puppeteer-core');
  return puppeteer.launch({ executablePath: CHROME_PATH, headless: true, args: [...CHROME_ARGS, ...extraArgs] });
}
