import { aTimeout, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../src/components/news-comment-form/define.js';
import '../src/components/news-story/define.js';
import type { NewsStory } from '../src/components/news-story/news-story.js';
import { sample } from '../stories/fixtures/news-story.js';
import { captureWarnings } from './helpers/warnings.js';

// Assert on strings and numbers, never on DOM nodes (a failing chai diff of a node hangs the browser).
const root = (el: NewsStory) => el.shadowRoot!;
const $ = <T extends Element = HTMLElement>(el: NewsStory, selector: string) => root(el).querySelector<T>(selector);

const article = (el: NewsStory) => $(el, 'news-article')!;
const headline = (el: NewsStory) => article(el).shadowRoot?.querySelector('h1')?.textContent?.trim() ?? '';
const bodyParagraphs = (el: NewsStory) => [...article(el).querySelectorAll(':scope > p:not([slot])')];


async function storyFixture(story: unknown = sample): Promise<NewsStory> {
  const el = await fixture<NewsStory>(html`<news-story .story=${story}></news-story>`);
  await el.updateComplete;
  return el;
}

/** Waits until the body (sanitized in the lazily loaded module) is in place. */
async function bodyReady(el: NewsStory, count = 1): Promise<void> {
  await waitUntil(() => bodyParagraphs(el).length >= count, 'the body did not render', { timeout: 5000 });
}

async function loaded(src: string, extra = ''): Promise<NewsStory> {
  const holder = await fixture<HTMLDivElement>(html`<div></div>`);
  const el = document.createElement('news-story');
  const done = oneEvent(el, 'news-story-loaded');
  if (extra) el.setAttribute('href', extra);
  el.setAttribute('src', src);
  holder.append(el);
  await done;
  await el.updateComplete;
  return el;
}

describe('news-story', () => {
  const warnings = captureWarnings('news-story');

  it('renders the whole story from the story property', async () => {
    const el = await storyFixture();
    expect(headline(el)).to.equal(sample.headline);
    const a = article(el);
    expect(a.getAttribute('section')).to.equal('World');
    expect(a.getAttribute('kicker')).to.equal('Exclusive');
    expect(a.getAttribute('dek')).to.equal(sample.dek);
    const times = [...a.shadowRoot!.querySelectorAll('time')].map((t) => t.getAttribute('datetime'));
    expect(times.length).to.equal(2);
    const byline = $(el, 'news-byline')!;
    await (byline as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    expect(byline.shadowRoot!.textContent).to.contain('Parisa Hafezi');
    expect(byline.shadowRoot!.textContent).to.contain('Michael Georgy');
    const photo = $(el, 'news-photo[slot="media"]')!;
    expect(photo.getAttribute('credit')).to.equal('REUTERS/Maxim Shemetov');
    expect(photo.getAttribute('alt')).to.equal(sample.image!.alt);
    expect(photo.hasAttribute('priority')).to.equal(true);
    const related = $(el, '.story > news-related')!;
    expect(related).to.not.equal(null);
    const original = $<HTMLAnchorElement>(el, '[part="original-link"]')!;
    expect(original.getAttribute('href')).to.equal(sample.url);
    expect($(el, '[part="original"]')!.textContent!.replace(/\s+/g, ' ').trim()).to.equal('Read the original at Reuters');
    expect($(el, '[part="publisher"]')!.textContent!.replace(/\s+/g, ' ').trim()).to.equal('Published by Reuters');
    await bodyReady(el, 2);
    await expect(el).to.be.accessible();
  });

  it('sanitizes the body before it reaches the DOM, and upgrades "READ ALSO" lines', async () => {
    (window as unknown as Record<string, unknown>).__storyXss = undefined;
    const el = await storyFixture();
    await bodyReady(el, 2);
    await aTimeout(50);
    const a = article(el);
    expect(a.querySelectorAll('script').length).to.equal(0);
    expect([...a.querySelectorAll('*')].some((n) => [...n.attributes].some((at) => at.name.startsWith('on')))).to.equal(false);
    expect((window as unknown as Record<string, unknown>).__storyXss).to.equal(undefined);
    // The image the body gave no alt text is decorative, with one warning naming it.
    expect(a.querySelector('img')!.getAttribute('alt')).to.equal('');
    expect(warnings.filter((w) => w.includes('without alt text')).length).to.equal(1);
    const inline = a.querySelector('news-related[variant="inline"]');
    expect(inline?.textContent).to.contain('As Musk’s reputation declines');
    // A relative link in the body resolves against the story's URL, not the partner's page.
    expect(a.querySelector('a')!.href).to.equal('https://publisher.example/world/other');
  });

  it('loads our story JSON from src and fires news-story-loaded', async () => {
    const el = await loaded('/test-api/story/ours');
    expect(headline(el)).to.not.equal('');
    expect($(el, '[part="original-link"]')!.getAttribute('href')).to.match(/^https?:/);
    await bodyReady(el, 5);
    expect(warnings).to.deep.equal([]);
  });

  it('loads a real WordPress REST post (?_embed) from src: featured image sizes, author, section', async () => {
    const el = await loaded('/test-api/story/wp/post-embed');
    const post = (await (await fetch('/test-api/story/wp/post-embed')).json()) as {
      link: string;
      _embedded: { author: Array<{ name: string }> };
    };
    expect(headline(el)).to.equal('Crocuses bloom early in the city’s parks & gardens, again');
    const photo = $(el, 'news-photo[slot="media"]')!;
    expect(photo.getAttribute('srcset')).to.match(/ \d+w/);
    expect($(el, '[part="original-link"]')!.getAttribute('href')).to.equal(post.link);
    const byline = $(el, 'news-byline')!;
    await waitUntil(() => byline.shadowRoot?.textContent?.includes(post._embedded.author[0]!.name));
    await bodyReady(el, 2);
    await expect(el).to.be.accessible();
  });

  it('renders the real WordPress story post: figures become <news-photo>s, READ ALSO lines inline <news-related>s', async () => {
    const el = await loaded('/test-api/story/wp/story-post-embed');
    await bodyReady(el, 10);
    const a = article(el);
    expect(headline(el)).to.equal('Exclusive: Prior to the attack in Moscow, Iran warned Russia about a security threat');
    expect(a.getAttribute('section')).to.equal('World');
    expect(a.querySelectorAll(':scope > news-photo:not([slot])').length).to.equal(2);
    expect(a.querySelectorAll(':scope > news-related[variant="inline"]').length).to.equal(3);
    expect(a.querySelectorAll(':scope > figure, :scope > script, :scope > [class*="wp-caption"]').length).to.equal(0);
    const hero = $(el, 'news-photo[slot="media"]')!;
    expect(hero.getAttribute('credit')).to.equal('REUTERS/Maxim Shemetov');
    expect(hero.getAttribute('srcset')!.split(',').length).to.be.at.least(3);
    await waitUntil(() => $(el, 'news-byline')?.shadowRoot?.textContent?.includes('Parisa Hafezi'));
    await expect(el).to.be.accessible();
  });

  it('renders what it can of the awkward real WordPress post (Persian, no image, deleted author)', async () => {
    const el = await loaded('/test-api/story/wp/story-post-awkward-embed');
    expect(headline(el)).to.not.contain('<em>');
    expect(headline(el)).to.not.contain('&amp;');
    expect($(el, 'news-photo[slot="media"]')).to.equal(null);
    expect($(el, 'news-byline')).to.equal(null);
    expect(warnings.some((w) => w.includes('_embedded.author'))).to.equal(true);
    await bodyReady(el, 1);
    await expect(el).to.be.accessible();
  });

  it('loads schema.org JSON-LD, as JSON and from an HTML page', async () => {
    const json = await loaded('/test-api/story/jsonld');
    const page = await loaded('/test-api/story/jsonld-page');
    expect(headline(json)).to.not.equal('');
    expect(headline(page)).to.equal(headline(json));
  });

  it('reads an inline <script type="application/ld+json"> without any request', async () => {
    const ld = {
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      headline: 'Inline headline',
      url: 'https://publisher.example/inline',
      datePublished: '2024-04-08',
      author: { '@type': 'Person', name: 'Jonathan Landay' },
      articleBody: 'One paragraph.\n\nAnother paragraph.',
      publisher: { '@type': 'Organization', name: 'Reuters' },
    };
    const holder = await fixture<HTMLDivElement>(html`<div></div>`);
    const script = document.createElement('script');
    script.type = 'application/ld+json';
    script.textContent = JSON.stringify(ld);
    const el = document.createElement('news-story');
    el.append(script);
    holder.append(el);
    await el.updateComplete;
    expect(headline(el)).to.equal('Inline headline');
    await bodyReady(el, 2);
    expect(bodyParagraphs(el).map((p) => p.textContent)).to.deep.equal(['One paragraph.', 'Another paragraph.']);
  });

  it('holds space and says it is loading while src loads', async () => {
    const el = await fixture<NewsStory>(html`<news-story src="/test-api/story/slow?ms=1500"></news-story>`);
    const loading = $(el, '[part="loading"]')!;
    expect(loading.getAttribute('aria-busy')).to.equal('true');
    expect($(el, '[role="status"]')!.textContent).to.equal('Loading the story…');
    expect(el.getBoundingClientRect().height).to.be.at.least(window.innerHeight - 1);
    await oneEvent(el, 'news-story-loaded');
  });

  for (const [route, reason] of [
    ['error', 'HTTP 500'],
    ['not-json', 'holds no story'],
    ['no-story', 'holds no story'],
  ] as const) {
    it(`shows the link to the original and warns once when src fails (${route})`, async () => {
      const el = document.createElement('news-story');
      el.setAttribute('href', 'https://publisher.example/original');
      el.innerHTML = '<a href="https://publisher.example/original">Fallback link</a>';
      const failed = oneEvent(el, 'news-story-error');
      el.setAttribute('src', `/test-api/story/${route}`);
      (await fixture<HTMLDivElement>(html`<div></div>`)).append(el);
      const event = await failed;
      await el.updateComplete;
      expect(event.detail.reason).to.contain(reason);
      const error = $(el, '[part="error"]')!;
      expect(error.getAttribute('role')).to.equal('status');
      expect(error.querySelector('a')!.getAttribute('href')).to.equal('https://publisher.example/original');
      const srcWarnings = warnings.filter((w) => w.includes('attribute "src" could not be loaded'));
      expect(srcWarnings.length).to.equal(1);
      expect(srcWarnings[0]).to.match(/^\[news-story\] attribute "src"/);
      await expect(el).to.be.accessible();
    });
  }

  it('never links a javascript: href in the error state', async () => {
    const el = await fixture<NewsStory>(html`<news-story href="javascript:alert(1)" src="/test-api/story/error"></news-story>`);
    await oneEvent(el, 'news-story-error');
    await el.updateComplete;
    expect($(el, '[part="error"] a')).to.equal(null);
  });

  it('renders what it can of a partial story: no image, no author, HTML in the title', async () => {
    const partial = {
      title: { rendered: 'Crocuses &amp; <em>tulips</em>' },
      content: { rendered: '<p>Only text.</p>' },
      excerpt: { rendered: '' },
      link: 'https://publisher.example/p',
      date_gmt: '2024-03-14T09:30:00',
      _embedded: { author: [{ code: 'rest_user_invalid_id', message: 'Invalid user ID.', data: { status: 404 } }] },
    };
    const el = await storyFixture(partial);
    expect(headline(el)).to.equal('Crocuses & tulips');
    expect($(el, 'news-photo[slot="media"]')).to.equal(null);
    expect($(el, 'news-byline')).to.equal(null);
    await bodyReady(el, 1);
    expect($(el, '[part="original-link"]')!.getAttribute('href')).to.equal('https://publisher.example/p');
  });

  it('warns once, naming the property, for a story it cannot use, and throws nothing', async () => {
    const el = await storyFixture({ nothing: 'here' });
    expect($(el, '.story')).to.equal(null);
    expect(warnings.some((w) => w.startsWith('[news-story] property "story"'))).to.equal(true);
    el.story = 42;
    await el.updateComplete;
    el.story = null;
    await el.updateComplete;
  });

  it('renders a 2 MB body', async function () {
    this.timeout(40000);
    const el = await loaded('/test-api/story/huge');
    await waitUntil(() => bodyParagraphs(el).length > 5000, 'the huge body did not render', { timeout: 20000 });
    expect(article(el).querySelectorAll(':scope > h2').length).to.be.greaterThan(10);
  });

  it('puts the body in at once, not as one Lit part per node (a long body stays fast in Firefox)', async () => {
    const body = Array.from({ length: 400 }, (_, i) => `<p>Paragraph ${i}</p>`).join('\n');
    const el = await storyFixture({ ...sample, body });
    await bodyReady(el, 400);
    const comments = [...article(el).childNodes].filter((n) => n.nodeType === Node.COMMENT_NODE).length;
    expect(comments, 'marker comments among the body').to.be.lessThan(10);
    const first = bodyParagraphs(el)[0];
    el.requestUpdate();
    await el.updateComplete;
    expect(bodyParagraphs(el)[0] === first, 'a re-render keeps the same nodes').to.equal(true);
    expect(bodyParagraphs(el).length).to.equal(400);
  });

  it('follows the story language and direction (RTL)', async () => {
    const el = await storyFixture({ ...sample, lang: 'fa', headline: 'ایران پیش از حمله به روسیه هشدار داده بود', body: '<p>متن</p>' });
    const box = $(el, '.story')!;
    expect(box.getAttribute('dir')).to.equal('rtl');
    expect(box.getAttribute('lang')).to.equal('fa');
    expect($(el, '[part="original"]')!.textContent).to.contain('اصل مطلب');
    expect(getComputedStyle(box).direction).to.equal('rtl');
  });

  it('shows the comment form for a source with an open comment endpoint when `comments` is set', async () => {
    const withComments = { ...sample, comments: { action: '/wp-json/wp/v2/comments', format: 'wordpress', postId: '1', open: true } };
    const el = await fixture<NewsStory>(html`<news-story comments .story=${withComments}></news-story>`);
    await waitUntil(() => $(el, 'news-comment-form'), 'no comment form');
    const form = $(el, 'news-comment-form')!;
    // Relative to the story's canonical URL (sample.url), as every URL of a story.
    expect(form.getAttribute('action')).to.equal(new URL('/wp-json/wp/v2/comments', sample.url).href);
    expect(form.getAttribute('post-id')).to.equal('1');
    const without = await fixture<NewsStory>(html`<news-story .story=${withComments}></news-story>`);
    await aTimeout(100);
    expect($(without, 'news-comment-form')).to.equal(null);
  });

  it('keeps its layout under a hostile page stylesheet, and does not style the page', async () => {
    const measure = (el: NewsStory) => {
      const host = el.getBoundingClientRect();
      const boxes = [
        article(el).shadowRoot!.querySelector('h1')!,
        bodyParagraphs(el)[0]!,
        $(el, '[part="original"]')!,
        $(el, '[part="publisher"]')!,
      ].map((node) => {
        const r = node.getBoundingClientRect();
        const cs = getComputedStyle(node);
        return [r.left - host.left, r.top - host.top, r.width, r.height, cs.fontSize, cs.fontFamily, cs.color, cs.margin, cs.textTransform];
      });
      return JSON.stringify(boxes);
    };
    const holder = await fixture<HTMLDivElement>(html`<div style="width: 700px"><p class="partner">Partner text</p></div>`);
    const el = document.createElement('news-story') as NewsStory;
    el.story = sample;
    holder.append(el);
    await el.updateComplete;
    await bodyReady(el, 2);
    await aTimeout(50);
    const before = measure(el);
    const partnerBefore = getComputedStyle(holder.querySelector('.partner')!).color;
    const hostile = document.createElement('style');
    hostile.textContent = `
      *, *::before, *::after { box-sizing: content-box !important; margin: 7px !important; padding: 3px !important;
        font: italic 19px/1 "Comic Sans MS", cursive !important; color: #c0f !important; letter-spacing: 2px !important;
        text-transform: uppercase !important; }
      a { color: lime !important; } p { padding: 30px !important; } h1 { font-size: 80px !important; }
      img { width: 40px !important; border: 5px solid red !important; }
      news-story { display: inline !important; font-size: 40px !important; line-height: 3 !important; color: red !important; direction: rtl !important; }
      news-story * { color: blue !important; } [hidden] { display: block !important; }`;
    document.head.append(hostile);
    try {
      await aTimeout(50);
      expect(measure(el)).to.equal(before);
      expect(getComputedStyle(el).display).to.equal('block');
    } finally {
      hostile.remove();
    }
    expect(getComputedStyle(holder.querySelector('.partner')!).color).to.equal(partnerBefore);
  });

  it('takes the page font only with font="page"', async () => {
    const holder = await fixture<HTMLDivElement>(html`<div style="font-family: monospace"></div>`);
    const el = document.createElement('news-story') as NewsStory;
    el.story = sample;
    holder.append(el);
    await el.updateComplete;
    await bodyReady(el, 1);
    const family = () => getComputedStyle(bodyParagraphs(el)[0]!).fontFamily;
    expect(family()).to.not.equal('monospace');
    el.setAttribute('font', 'page');
    await el.updateComplete;
    expect(family()).to.equal('monospace');
    expect(getComputedStyle(article(el).shadowRoot!.querySelector('h1')!).fontFamily).to.equal('monospace');
  });
});
