// Turning stored comment text into what the API sends. Stored text is never trusted: every
// character a commenter typed comes back escaped, so `content.rendered` never holds markup
// from them (stricter than WordPress, which lets a few tags such as <strong> through kses).
// Paragraphs and line breaks become <p> and <br />, like WordPress's wpautop().

const ESCAPES = /** @type {Record<string, string>} */ ({
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#039;',
});

/**
 * Escapes text for HTML content and attribute values (like esc_html()).
 * @param {string} text
 */
export function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

/**
 * The comment's `content.rendered`: escaped text, blank-line separated paragraphs in <p>,
 * single line breaks as <br />, each paragraph followed by a newline (WordPress's shape:
 * "<p>This is a comment</p>\n").
 * @param {string} text
 */
export function renderContent(text) {
  const normalised = String(text).replace(/\r\n?/g, '\n').trim();
  if (!normalised) return '';
  return normalised
    .split(/\n[ \t]*\n\s*/)
    .map((paragraph) => paragraph.trim())
    .filter(Boolean)
    .map((paragraph) => `<p>${paragraph.split(/[ \t]*\n[ \t]*/).map(escapeHtml).join('<br />\n')}</p>\n`)
    .join('');
}

// One neutral silhouette, served inline: a data: URL needs no network, passes the demo's CSP
// (img-src 'self' data:) and, unlike a Gravatar URL, sends no hash of the commenter's email
// to a third party.
const AVATAR_SVG =
  "<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 96 96'><rect width='96' height='96' fill='#d8dde3'/><circle cx='48' cy='38' r='18' fill='#8a96a3'/><path d='M14 92c4-20 18-30 34-30s30 10 34 30z' fill='#8a96a3'/></svg>";
const AVATAR_URL = `data:image/svg+xml,${encodeURIComponent(AVATAR_SVG)}`;

/** WordPress's author_avatar_urls (sizes 24, 48 and 96). */
export function avatarUrls() {
  return { 24: AVATAR_URL, 48: AVATAR_URL, 96: AVATAR_URL };
}
