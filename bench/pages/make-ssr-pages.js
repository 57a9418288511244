// `npm run bench`, figure "SSR render ratio" (bench/figures/ssr.js): generates, at bench time, the
// pair of partner pages it compares. Both are demo/embed-ssr.html's partner shell (The Riverside
// Courier: masthead, note, sidebar, footer, partner.css), holding the reference story (the demo's
// WordPress post, demo/data/wp-post-1.json, as demo/embed-routes.js serves it):
//   ssr    the story server-rendered by renderStory() (dist/ssr/index.js), exactly as
//          embed-routes.js renders /demo/embed-ssr.html (same source, same options, same CSP with
//          the <style> hashes), with the page's <script type="module" src="/dist/news-elements.js">
//          kept (it takes the markup over after the first paint, as on the demo page);
//   static the same story as plain HTML: WordPress's own content.rendered for the body, the
//          story's headline, dek, section, date, byline, hero photo (same files, srcset, sizes,
//          width/height) and comment form written out as plain elements, styled by one stylesheet
//          (bench/pages/ssr-static.css, the elements' look), no script, same CSP.
// Each comes with and without the partner's hostile.css (as /demo/embed-ssr.html?css=off drops it).
// The URLs inside are absolute, on `origin` (as the demo writes them), so the pages are generated
// for the server that serves them; copies are written to bench/pages/.generated/ for inspection.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** The partner's hostile stylesheet <link>, dropped for the css=off pages (as embed-routes.js does). */
const HOSTILE_LINK = /^[ \t]*<link rel="stylesheet" href="\/demo\/hostile\.css" \/>\n/m;
/** The elements' module and the comment above it: the static page has no script. */
const MODULE_SCRIPT = /^[ \t]*<!-- All a partner adds: one module… -->\n[ \t]*<script type="module" src="\/dist\/news-elements\.js"><\/script>\n/m;
const PARTNER_CSS = /^([ \t]*)<link rel="stylesheet" href="\/demo\/partner\.css" \/>\n/m;

const escapeText = (value) => String(value ?? '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeAttr = (value) => escapeText(value).replace(/"/g, '&quot;');

/** "April 8, 2024 at 10:00 AM UTC", as <news-article> writes a date in English. */
function longDate(iso) {
  const date = new Date(iso);
  return `${new Intl.DateTimeFormat('en', { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' }).format(date)} UTC`;
}

/**
 * The story as plain HTML: what a WordPress theme would print for the post, in the elements' order
 * and with their text (publisher line, section, headline, dek, byline, date, photo with caption and
 * credit, body, link to the original, comment form).
 * @param {Record<string, any>} story the normalized story (renderStoryDetailed().story)
 * @param {string} bodyHtml the post's content.rendered
 * @param {string} origin
 */
export function staticStoryHtml(story, bodyHtml, origin) {
  const image = story.image;
  const author = story.credits?.find((c) => c.role === 'author') ?? story.credits?.[0];
  const host = new URL(story.url).host;
  const photo = image
    ? `
      <figure class="photo">
        <img src="${escapeAttr(image.src)}"${image.srcset ? ` srcset="${escapeAttr(image.srcset)}"` : ''}${image.sizes ? ` sizes="${escapeAttr(image.sizes)}"` : ''} width="${image.width}" height="${image.height}" alt="${escapeAttr(image.alt ?? '')}" loading="eager" fetchpriority="high" decoding="async" />
        <figcaption><span class="caption">${escapeText(image.caption)}</span> <span class="credit">${escapeText(image.credit)}</span></figcaption>
      </figure>`
    : '';
  return `<div class="story-static" lang="${escapeAttr(story.lang || 'en')}">
  <p class="publisher">Published by <a href="${escapeAttr(story.publisher?.url)}">${escapeText(story.publisher?.name)}</a></p>
  <article>
    <header>
      ${story.section ? `<p class="labels"><span class="section">${escapeText(story.section)}</span></p>` : ''}
      <h1 class="headline">${escapeText(story.headline)}</h1>
      ${story.dek ? `<p class="dek">${escapeText(story.dek)}</p>` : ''}
      <div class="meta">
        ${author ? `<p class="byline">By <a href="${escapeAttr(author.url)}">${escapeText(author.name)}</a></p>` : ''}
        <p class="dates">Published <time datetime="${escapeAttr(story.published)}">${escapeText(longDate(story.published))}</time></p>
      </div>
    </header>${photo}
    <div class="body">
${bodyHtml.trim()}
    </div>
    <footer class="original"><p>Read the original at <a href="${escapeAttr(story.url)}">${escapeText(host)}</a></p></footer>
  </article>
  <section class="reply" aria-labelledby="reply-heading">
    <h2 id="reply-heading">Leave a reply</h2>
    <form action="${escapeAttr(origin)}/wp-comments-post.php" method="post">
      <p class="note">Your email address will not be published. Required fields are marked <span aria-hidden="true">*</span></p>
      <div class="field"><label for="comment">Comment <span aria-hidden="true">*</span></label><textarea id="comment" name="comment" rows="6" required></textarea></div>
      <div class="field"><label for="author">Name <span aria-hidden="true">*</span></label><input id="author" name="author" type="text" autocomplete="name" required /></div>
      <div class="field"><label for="email">Email <span aria-hidden="true">*</span></label><input id="email" name="email" type="email" autocomplete="email" spellcheck="false" required /></div>
      <div class="field"><label for="url">Website</label><input id="url" name="url" type="url" autocomplete="url" spellcheck="false" /></div>
      <p class="check"><input id="cookies" name="wp-comment-cookies-consent" type="checkbox" value="yes" /><label for="cookies">Save my name, email, and website in this browser for the next time I comment.</label></p>
      <input type="hidden" name="comment_post_ID" value="${escapeAttr(story.id ?? '1')}" />
      <p><button type="submit">Post comment</button></p>
    </form>
  </section>
</div>`;
}

/**
 * Generates the four pages for `origin` ("http://127.0.0.1:PORT").
 * @param {{ root: string, origin: string, write?: boolean }} options
 * @returns {Promise<{ pages: Record<'ssr' | 'static' | 'ssrHostile' | 'staticHostile', { html: string, csp: string }>, serverRenderMs: number[], sizes: Record<string, number> }>}
 */
export async function makeSsrPages({ root, origin, write = true }) {
  const routes = await import(pathToFileURL(join(root, 'demo/embed-routes.js')).href);
  const ssr = await import(pathToFileURL(join(root, 'dist/ssr/index.js')).href);
  const shell = await readFile(join(root, 'demo/embed-ssr.html'), 'utf8');
  if (!shell.includes(routes.SSR_PLACEHOLDER) || !HOSTILE_LINK.test(shell) || !MODULE_SCRIPT.test(shell) || !PARTNER_CSS.test(shell)) {
    throw new Error('demo/embed-ssr.html changed: the bench cannot find its placeholder, hostile.css link, module script or partner.css link');
  }

  // As embed-routes.js renders /demo/embed-ssr.html (page()): the post with everything embedded.
  const source = `${origin}/wp-json/wp/v2/posts/1?_embed`;
  const post = await routes.wordPressPost(origin, true);
  const serverRenderMs = [];
  let rendered = '';
  for (let i = 0; i < 5; i++) {
    const start = performance.now();
    rendered = String(await ssr.renderStory(post, { baseUrl: source, comments: true }));
    serverRenderMs.push(performance.now() - start);
  }
  const { story } = await ssr.renderStoryDetailed(post, { baseUrl: source, comments: true });
  const staticStory = staticStoryHtml(story, post.content.rendered, origin);

  const ssrHostile = shell.replace(routes.SSR_PLACEHOLDER, () => rendered);
  const staticHostile = shell
    .replace(MODULE_SCRIPT, '')
    .replace(PARTNER_CSS, (line, indent) => `${line}${indent}<link rel="stylesheet" href="/bench/pages/ssr-static.css" />\n`)
    .replace(routes.SSR_PLACEHOLDER, () => staticStory);
  const ssrCsp = routes.partnerCsp(routes.styleHashes(rendered));
  const staticCsp = routes.partnerCsp([]);
  const pages = {
    ssr: { html: ssrHostile.replace(HOSTILE_LINK, ''), csp: ssrCsp },
    static: { html: staticHostile.replace(HOSTILE_LINK, ''), csp: staticCsp },
    ssrHostile: { html: ssrHostile, csp: ssrCsp },
    staticHostile: { html: staticHostile, csp: staticCsp },
  };
  if (write) {
    const dir = join(root, 'bench/pages/.generated');
    await mkdir(dir, { recursive: true });
    await Promise.all([
      writeFile(join(dir, 'ssr-story.html'), pages.ssr.html),
      writeFile(join(dir, 'ssr-static.html'), pages.static.html),
      writeFile(join(dir, 'ssr-story-hostile.html'), pages.ssrHostile.html),
      writeFile(join(dir, 'ssr-static-hostile.html'), pages.staticHostile.html),
    ]);
  }
  const sizes = Object.fromEntries(Object.entries(pages).map(([key, page]) => [key, Buffer.byteLength(page.html)]));
  return { pages, serverRenderMs, sizes };
}
