// The posts the demo comment server knows, in one place so other demo routes (for example a
// future `/wp-json/wp/v2/posts/1?_embed`) can reuse them. Post 1 is the reference article
// (comments open); post 2 exists with comments closed, so the "closed" answers can be shown and
// tested; any other ID is an unknown post.

/**
 * @typedef {object} DemoPost
 * @property {number} id
 * @property {string} title plain text
 * @property {string} path the page that shows the post, relative to the server's origin
 * @property {'open' | 'closed'} commentStatus
 */

/** @type {ReadonlyArray<Readonly<DemoPost>>} */
export const DEMO_POSTS = Object.freeze([
  Object.freeze({
    id: 1,
    title: 'Prior to the attack in Moscow, Iran warned Russia about a security threat',
    path: '/demo/index.html',
    commentStatus: /** @type {const} */ ('open'),
  }),
  Object.freeze({
    id: 2,
    title: 'An archived story (comments closed)',
    path: '/demo/index.html?p=2',
    commentStatus: /** @type {const} */ ('closed'),
  }),
]);

/** The reference article's post ID. */
export const REFERENCE_POST_ID = 1;

/**
 * The post with this ID, or null when the demo does not know it.
 * @param {unknown} id
 * @returns {Readonly<DemoPost> | null}
 */
export function getPost(id) {
  const n = typeof id === 'number' ? id : Number(id);
  if (!Number.isSafeInteger(n) || n <= 0) return null;
  return DEMO_POSTS.find((post) => post.id === n) ?? null;
}

/**
 * Whether readers may comment on this post (WordPress's `comments_open()`).
 * @param {Readonly<DemoPost>} post
 */
export function commentsOpen(post) {
  return post.commentStatus === 'open';
}
