// A second copy of the built bundles at another URL, as when a page loads two versions of the
// library from a CDN: /copy-2/dist/… serves dist/…, so the copy's chunks (imported relative to
// it) are other modules with other classes.
export const middleware = [
  async function secondCopy(ctx, next) {
    if (ctx.path.startsWith('/copy-2/dist/')) ctx.url = ctx.url.slice('/copy-2'.length);
    return next();
  },
];
