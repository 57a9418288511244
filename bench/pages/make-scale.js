/**
 * Generates the two pages of the "scale" figure (bench/figures/scale.js) into
 * bench/pages/.generated/:
 * - scale-elements.html: 1,000 `<news-photo>` (src, width, height, alt, caption, credit: the
 *   documented attribute form) and 100 `<news-related>` (a third `variant="list"` and a third
 *   `variant="cards"` with `items` JSON, a third `variant="inline"` from a light-DOM list, the three
 *   documented forms), with the bundle (/dist/news-elements.js) and its optional pre-upgrade
 *   stylesheet (/dist/news-elements.css);
 * - scale-static.html: the same content as the plain HTML those elements render (figure > div >
 *   img + figcaption; section > h2 + ul > li > a + time; p > span + a), no script.
 * Both link bench/pages/scale.css (page chrome and the static markup's styles), so both pay the
 * same stylesheet. Same text, same images, same order. Deterministic: no randomness.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const PHOTOS = 1000;
export const RELATED = 100;

const IMAGES = [
  { src: '/demo/images/crocus-600.jpg', width: 600, height: 338, alt: 'Smoke and flames rise into an orange sky above the dark outline of a concert hall.' },
  { src: '/demo/images/related-car.jpg', width: 640, height: 360, alt: 'Illustration: a red car drawn in simple shapes on a blue background.' },
  { src: '/demo/images/crocus-768.jpg', width: 768, height: 432, alt: 'Illustration: the dark outline of a concert hall under a sky of fire and orange smoke.' },
  { src: '/demo/images/related-sea.jpg', width: 640, height: 360, alt: 'Illustration: a small red sail on a teal sea.' },
  { src: '/demo/images/related-city.jpg', width: 640, height: 360, alt: 'Illustration: three pale towers against a dark evening sky.' },
  { src: '/demo/images/related-hills.jpg', width: 640, height: 360, alt: 'Illustration: green hills under a pale sky.' },
];

const CAPTIONS = [
  'Rescuers work to extinguish fire at the burning Crocus City Hall concert venue outside Moscow, Russia, March 22.',
  'People lay flowers at a makeshift memorial outside the concert hall the day after the attack.',
  'Police officers guard the area near the scene as investigators work through the night.',
  'A view of the venue on the morning after the fire, its roof partly collapsed.',
  'Relatives gather outside a hospital in the Moscow region, waiting for news of the missing.',
];
const CREDITS = ['REUTERS/Maxim Shemetov', 'REUTERS/Evgenia Novozhenina', 'REUTERS/Yulia Morozova', 'AP Photo/Dmitry Serebryakov'];

const ITEMS = [
  { headline: 'As Musk’s reputation declines, prospective Tesla customers shun the business', url: '/demo/related/tesla-customers.html', image: '/demo/images/related-car.jpg', imageAlt: 'Illustration: a red car drawn in simple shapes on a blue background.', section: 'Business', published: '2024-04-05T14:20:00Z' },
  { headline: 'Philippines challenges Beijing to arbitrate dispute and summons China’s representative', url: '/demo/related/philippines-arbitration.html', image: '/demo/images/related-sea.jpg', imageAlt: 'Illustration: a small red sail on a teal sea.', section: 'Asia Pacific', published: '2024-04-03T08:45:00Z' },
  { headline: 'The final hostage is freed when Dutch police apprehend a man leaving a nightclub', url: '/demo/related/dutch-hostage.html', image: '/demo/images/related-city.jpg', imageAlt: 'Illustration: three pale towers against a dark evening sky.', section: 'Europe', published: '2024-03-30T21:10:00Z' },
  { headline: 'Kerman marks three months since the bombings at the memorial procession', url: '/demo/related/kerman-memorial.html', image: '/demo/images/related-hills.jpg', imageAlt: 'Illustration: green hills under a pale sky.', section: 'Middle East', published: '2024-04-03T06:00:00Z' },
];

const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
/** The day as the element writes it for `lang="en"` (Intl, long date, in UTC as the element formats the date part). */
const day = (iso) => new Intl.DateTimeFormat('en', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(iso.slice(0, 10)));

const photoAt = (i) => ({ ...IMAGES[i % IMAGES.length], caption: CAPTIONS[i % CAPTIONS.length], credit: CREDITS[i % CREDITS.length] });
const variantAt = (r) => ['list', 'cards', 'inline'][r % 3];
const itemsAt = (r) => (variantAt(r) === 'inline' ? [ITEMS[r % ITEMS.length]] : [0, 1, 2].map((k) => ITEMS[(r + k) % ITEMS.length]));

function elementPhoto(p) {
  return `<news-photo src="${esc(p.src)}" width="${p.width}" height="${p.height}" alt="${esc(p.alt)}" caption="${esc(p.caption)}" credit="${esc(p.credit)}"></news-photo>`;
}

function staticPhoto(p) {
  return `<figure class="photo"><div class="photo__frame"><img src="${esc(p.src)}" width="${p.width}" height="${p.height}" alt="${esc(p.alt)}" loading="lazy" decoding="async"></div><figcaption><span class="photo__caption">${esc(p.caption)}</span> <span class="photo__credit">${esc(p.credit)}</span></figcaption></figure>`;
}

function elementRelated(r) {
  const variant = variantAt(r);
  const items = itemsAt(r);
  if (variant === 'inline') {
    return `<news-related variant="inline"><ul>${items.map((it) => `<li><a href="${esc(it.url)}">${esc(it.headline)}</a></li>`).join('')}</ul></news-related>`;
  }
  const json = items.map(({ headline, url, image, imageAlt, section, published }) =>
    variant === 'cards' ? { headline, url, image, imageAlt, section, published } : { headline, url, published },
  );
  // Single-quoted, as a person writes JSON in an attribute: only & and ' need escaping.
  const attr = JSON.stringify(json).replace(/&/g, '&amp;').replace(/'/g, '&#39;');
  return `<news-related variant="${variant}" items='${attr}'></news-related>`;
}

function staticRelated(r) {
  const variant = variantAt(r);
  const items = itemsAt(r);
  if (variant === 'inline') {
    const it = items[0];
    return `<p class="related-inline"><span class="related-inline__label">Read also</span>: <a href="${esc(it.url)}">${esc(it.headline)}</a></p>`;
  }
  const cards = variant === 'cards';
  const lis = items
    .map((it) =>
      cards
        ? `<li class="related__card"><div class="related__frame"><img src="${esc(it.image)}" alt="" loading="lazy" decoding="async"></div><span class="related__section">${esc(it.section)}</span> <a class="related__headline" href="${esc(it.url)}">${esc(it.headline)}</a> <time datetime="${esc(it.published)}">${day(it.published)}</time></li>`
        : `<li><a class="related__headline" href="${esc(it.url)}">${esc(it.headline)}</a> <time datetime="${esc(it.published)}">${day(it.published)}</time></li>`,
    )
    .join('');
  return `<section class="related related--${variant}" aria-labelledby="related-${r}"><h2 class="related__heading" id="related-${r}">Related articles</h2><ul role="list">${lis}</ul></section>`;
}

function page(kind, body) {
  const head =
    kind === 'elements'
      ? `    <link rel="stylesheet" href="/dist/news-elements.css" />
    <link rel="stylesheet" href="/bench/pages/scale.css" />
    <script type="module" src="/dist/news-elements.js"></script>`
      : `    <link rel="stylesheet" href="/bench/pages/scale.css" />`;
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Scale bench: ${PHOTOS} photos and ${RELATED} related lists (${kind})</title>
    <link rel="icon" href="data:," />
${head}
  </head>
  <body>
    <main class="scale">
      <h1>${PHOTOS} photos and ${RELATED} related lists (${kind === 'elements' ? 'news-elements' : 'static HTML'})</h1>
${body}
    </main>
  </body>
</html>
`;
}

/**
 * Writes both pages; returns their paths under the server root and their sizes.
 * @param {string} root the repository
 */
export function makeScalePages(root) {
  const dir = join(root, 'bench/pages/.generated');
  mkdirSync(dir, { recursive: true });
  const perRelated = PHOTOS / RELATED;
  const build = (photo, related) => {
    const out = [];
    for (let r = 0; r < RELATED; r++) {
      for (let k = 0; k < perRelated; k++) out.push(`      ${photo(photoAt(r * perRelated + k))}`);
      out.push(`      ${related(r)}`);
    }
    return out.join('\n');
  };
  const pages = {
    elements: page('elements', build(elementPhoto, elementRelated)),
    static: page('static', build(staticPhoto, staticRelated)),
  };
  const result = {};
  for (const [kind, html] of Object.entries(pages)) {
    writeFileSync(join(dir, `scale-${kind}.html`), html);
    result[kind] = { path: `bench/pages/.generated/scale-${kind}.html`, bytes: Buffer.byteLength(html) };
  }
  return result;
}
