// The demo's comment list: the approved comments of the reference article, read from the demo
// server's WordPress-compatible REST API, and a comment the form posts when it is approved at once
// (MODERATION=approve). Everything is inserted as text (no innerHTML: the page runs under
// Trusted Types), so the server's `content.rendered` is read back into paragraphs of text with
// news-elements' own `htmlToText` (from `news-elements/core`, built for pages without a build step),
// imported only when there are comments to show: a page without any does not load it.
/** @type {Promise<(html: string) => string> | undefined} */
let textOf;
const loadHtmlToText = () => (textOf ??= import('/dist/bundle/core.js').then((core) => core.htmlToText));

const section = document.querySelector('.comment-list');
const list = section?.querySelector('.comment-list__items');
const empty = section?.querySelector('.comment-list__empty');
const lang = document.documentElement.lang || 'en';
/** @type {Intl.DateTimeFormat | undefined} */
let dateFormat;
const shown = new Set();

/** `<p>a &amp; b</p><p>c</p>` → ['a & b', 'c']: paragraphs of plain text out of WordPress's rendered HTML. */
function paragraphs(html, htmlToText) {
  return html.split(/<\/p>/i).map(htmlToText).filter(Boolean);
}

function add({ id, author, date, texts }) {
  if (!list || shown.has(id)) return;
  shown.add(id);
  const item = document.createElement('li');
  item.id = `comment-${id}`;
  const meta = document.createElement('p');
  meta.className = 'comment-list__meta';
  const name = document.createElement('b');
  name.textContent = author;
  const time = document.createElement('time');
  const when = new Date(date);
  if (!Number.isNaN(when.getTime())) {
    time.dateTime = when.toISOString();
    dateFormat ??= new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeStyle: 'short' });
    time.textContent = dateFormat.format(when);
  }
  meta.append(name, ' · ', time);
  const body = document.createElement('div');
  body.className = 'comment-list__text';
  for (const text of texts) {
    const p = document.createElement('p');
    p.textContent = text;
    body.append(p);
  }
  item.append(meta, body);
  list.append(item);
  if (empty) empty.hidden = true;
}

async function load() {
  const post = section?.dataset.postId;
  if (!post) return;
  try {
    const response = await fetch(`/wp-json/wp/v2/comments?post=${encodeURIComponent(post)}&order=asc&per_page=100`);
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const comments = await response.json();
    if (!Array.isArray(comments) || comments.length === 0) return;
    const htmlToText = await loadHtmlToText();
    for (const comment of comments) {
      add({ id: comment.id, author: htmlToText(comment.author_name ?? ''), date: comment.date_gmt ? `${comment.date_gmt}Z` : comment.date, texts: paragraphs(comment.content?.rendered ?? '', htmlToText) });
    }
  } catch (error) {
    console.warn('[demo] could not load the comments:', error);
  }
}

document.addEventListener('news-comment-posted', (event) => {
  const { comment } = event.detail;
  if (comment.status === 'approved') add({ id: comment.id, author: comment.authorName, date: comment.date, texts: comment.text.split(/\n+/) });
});

load();
