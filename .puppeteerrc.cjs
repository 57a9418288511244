// Puppeteer (pulled in by @web/test-runner-puppeteer for Firefox) must not download a browser:
// these machines have no network but the registries. Tests use Debian's chromium / firefox-esr.
module.exports = { skipDownload: true };
