// The story-body sanitizer (src/sanitize/story-body.ts) and its transform (src/sanitize/transform.ts)
// in real browsers: the allow-list, URL rules, iframes, baseUrl, h1 → h2, the WordPress figure and
// "read also" transforms, a 2 MB body, RTL text, and Trusted Types. The public XSS corpus is in
// sanitize.xss.test.ts.
import { expect, fixture, html } from '@open-wc/testing';
import {
  READ_ALSO_LABELS,
  STORY_BODY_IFRAME_SANDBOX,
  STORY_BODY_TAGS,
  StoryBodySanitizerError,
  sanitizeStoryBody,
  sanitizeStoryBodyToHtml,
  safeSrcset,
  transformStoryBody,
  type StoryBodyWindow,
} from '../src/sanitize/index.js';
import '../src/components/news-photo/define.js';
import '../src/components/news-related/define.js';
import type { NewsRelated } from '../src/components/news-related/news-related.js';

const BASE = 'https://news.example/2024/03/story';
const clean = (input: string, baseUrl?: string) => sanitizeStoryBodyToHtml(input, { baseUrl });
/** Sanitized, transformed, serialized. */
const transformed = (input: string, baseUrl?: string) => {
  const fragment = sanitizeStoryBody(input, { baseUrl });
  const counts = transformStoryBody(fragment);
  const div = document.createElement('div');
  div.append(fragment);
  return { html: div.innerHTML, counts };
};
const IMG = 'loading="lazy" decoding="async"';

describe('sanitizeStoryBody', () => {
  it('returns a fragment owned by the page document, or by the window it is given', async () => {
    const fragment = sanitizeStoryBody('<p>Hi</p>');
    expect(fragment.nodeType).to.equal(Node.DOCUMENT_FRAGMENT_NODE);
    expect(fragment.ownerDocument === document).to.equal(true);

    const frame = await fixture<HTMLIFrameElement>(html`<iframe></iframe>`);
    const win = frame.contentWindow as unknown as StoryBodyWindow;
    const other = sanitizeStoryBody('<p>Hi</p>', { window: win });
    expect(other.ownerDocument === win.document).to.equal(true);
    win.document.body.append(other);
    expect(win.document.body.innerHTML).to.equal('<p>Hi</p>');
  });

  it('keeps every element of the allow-list', () => {
    const cases: Array<[string, string]> = [
      ['<p>a</p>', '<p>a</p>'],
      ['<h2>a</h2><h3>b</h3><h4>c</h4><h5>d</h5><h6>e</h6>', '<h2>a</h2><h3>b</h3><h4>c</h4><h5>d</h5><h6>e</h6>'],
      [
        '<p><a href="https://x.example/">a</a><strong>b</strong><b>c</b><em>d</em><i>e</i><u>f</u><s>g</s><small>h</small><mark>i</mark><sub>j</sub><sup>k</sup></p>',
        '<p><a href="https://x.example/" rel="noopener noreferrer">a</a><strong>b</strong><b>c</b><em>d</em><i>e</i><u>f</u><s>g</s><small>h</small><mark>i</mark><sub>j</sub><sup>k</sup></p>',
      ],
      [
        '<p><abbr title="North Atlantic Treaty Organization">NATO</abbr><cite>c</cite><q cite="https://x.example/q">q</q><code>c</code><kbd>k</kbd><time datetime="2024-03-22">22 March</time>a<br>b<wbr>c<span>s</span></p>',
        '<p><abbr title="North Atlantic Treaty Organization">NATO</abbr><cite>c</cite><q cite="https://x.example/q">q</q><code>c</code><kbd>k</kbd><time datetime="2024-03-22">22 March</time>a<br>b<wbr>c<span>s</span></p>',
      ],
      ['<p><del datetime="2024-03-22">old</del><ins>new</ins><bdi>Tehran</bdi><bdo dir="rtl">x</bdo></p>', '<p><del datetime="2024-03-22">old</del><ins>new</ins><bdi>Tehran</bdi><bdo dir="rtl">x</bdo></p>'],
      ['<blockquote cite="https://x.example/"><p>q</p></blockquote>', '<blockquote cite="https://x.example/"><p>q</p></blockquote>'],
      ['<ul><li>a</li></ul><ol start="3" reversed="" type="i"><li>b</li></ol><dl><dt>t</dt><dd>d</dd></dl>', '<ul><li>a</li></ul><ol start="3" reversed="" type="i"><li>b</li></ol><dl><dt>t</dt><dd>d</dd></dl>'],
      [
        '<figure><picture><source srcset="https://x.example/a.webp" type="image/webp" media="(min-width: 40em)"><img src="https://x.example/a.jpg" alt="A" width="640" height="480"></picture><figcaption>c</figcaption></figure>',
        `<figure><picture><source srcset="https://x.example/a.webp" type="image/webp" media="(min-width: 40em)"><img src="https://x.example/a.jpg" alt="A" width="640" height="480" ${IMG}></picture><figcaption>c</figcaption></figure>`,
      ],
      [
        '<table><caption>Votes</caption><colgroup><col span="2"></colgroup><thead><tr><th scope="col">a</th></tr></thead><tbody><tr><td colspan="2" rowspan="1">1</td></tr></tbody><tfoot><tr><td>f</td></tr></tfoot></table>',
        '<table><caption>Votes</caption><colgroup><col span="2"></colgroup><thead><tr><th scope="col">a</th></tr></thead><tbody><tr><td colspan="2" rowspan="1">1</td></tr></tbody><tfoot><tr><td>f</td></tr></tfoot></table>',
      ],
      ['<hr><pre>a  b</pre><details open=""><summary>s</summary>d</details><div>x</div>', '<hr><pre>a  b</pre><details open=""><summary>s</summary>d</details><div>x</div>'],
      ['<p title="t" lang="fa" dir="rtl">x</p>', '<p title="t" lang="fa" dir="rtl">x</p>'],
      ['<img src="a.jpg" alt="" loading="eager" decoding="sync">', '<img src="a.jpg" alt="" loading="eager" decoding="sync">'],
    ];
    for (const [input, output] of cases) expect(clean(input), input).to.equal(output);
    // Every listed tag has a case above (iframe has its own test; h1 is renamed).
    const seen = cases.map(([input]) => input).join('');
    for (const tag of STORY_BODY_TAGS.filter((t) => t !== 'iframe' && t !== 'h1')) expect(seen, tag).to.include(`<${tag}`);
  });

  it('removes what could run code, load things, escape the box or ask for input', () => {
    const cases: Array<[string, string]> = [
      ['<p>a<script>alert(1)</script>b</p>', '<p>ab</p>'],
      ['<style>* { display: none }</style><p>a</p>', '<p>a</p>'],
      ['<p style="position: fixed; inset: 0">a</p>', '<p>a</p>'],
      ['<p onclick="alert(1)" onmouseover="x()">a</p><img src="a.jpg" onerror="alert(1)" alt="x">', `<p>a</p><img src="a.jpg" alt="x" ${IMG}>`],
      ['<form action="https://evil.example/"><label>Password <input type="password" name="p"></label><button>Go</button></form><p>a</p>', '<p>a</p>'],
      ['<p>a<select><option>o</option></select><textarea>t</textarea><button>b</button><input value="v"></p>', '<p>a</p>'],
      ['<object data="x.swf"><embed src="x.swf"></object><p>a</p>', '<p>a</p>'],
      ['<svg><circle r="5"></circle><text>chart</text></svg><math><mi>x</mi></math><p>a</p>', '<p>a</p>'],
      ['<base href="https://evil.example/"><meta http-equiv="refresh" content="0;url=https://evil.example/"><link rel="stylesheet" href="x.css"><p>a</p>', '<p>a</p>'],
      ['<p>a</p><template><p>t</p></template><noscript><p>n</p></noscript>', '<p>a</p>'],
      ['<iframe src="https://evil.example/"></iframe><audio src="a.mp3"></audio><video src="v.mp4"></video><canvas></canvas><p>a</p>', '<p>a</p>'],
      // Unwrapped, text kept.
      ['<section><aside><p>a</p></aside></section><font color="red">b</font><center>c</center>', '<p>a</p>bc'],
      // aria-*, data-*, unknown attributes and classes outside the list go.
      ['<p aria-labelledby="heading" data-track="1" role="note" class="headline visually-hidden alignleft" hidden="">a</p>', '<p class="alignleft">a</p>'],
      ['<p class="headline">a</p>', '<p>a</p>'],
      // Attribute values outside their vocabulary go.
      ['<p dir="sideways">a</p><td colspan="all">', '<p>a</p>'],
      ['<img src="a.jpg" alt="" width="100%" height="-3" loading="soon">', `<img src="a.jpg" alt="" ${IMG}>`],
      ['<a href="https://x.example/" target="_top" download="" ping="https://t.example/">a</a>', '<a href="https://x.example/" rel="noopener noreferrer">a</a>'],
      // Attributes in the wrong place.
      ['<p href="https://x.example/" src="a.jpg" srcset="a.jpg 1x">a</p>', '<p>a</p>'],
    ];
    for (const [input, output] of cases) expect(clean(input), input).to.equal(output);
  });

  it('is not thrown off by elements named like document methods, or by a body that is not one', () => {
    // Named elements shadow methods of the document they are parsed in (DOM clobbering); the
    // sanitizer must not call those methods on its parsing document.
    expect(clean('<img src="x" name="createElement"><img src="y" id="createElement"><form name="getElementById"><p>in form</p></form><p>a</p>')).to.equal(
      `<img src="x" ${IMG}><img src="y" id="user-content-createElement" ${IMG}><p>a</p>`,
    );
    expect(clean('<h1 name="createElement">t</h1><img name="createElement" src="z">')).to.equal(`<h2>t</h2><img src="z" ${IMG}>`);
    expect(sanitizeStoryBody('<frameset onload="alert(1)"><frame src="javascript:alert(2)"></frameset>').childNodes.length).to.equal(0);
    expect(clean('')).to.equal('');
  });

  it('makes an h1 an h2, keeping its attributes and content', () => {
    expect(clean('<h1 id="top" lang="en">Big <em>news</em></h1><p>a</p>')).to.equal('<h2 lang="en" id="user-content-top">Big <em>news</em></h2><p>a</p>');
  });

  it('keeps ids with a prefix, and rewrites in-page links to match', () => {
    expect(clean('<p>See<a href="#note-1">1</a></p><p id="note-1">Note</p><a href="#">top</a>')).to.equal(
      '<p>See<a href="#user-content-note-1">1</a></p><p id="user-content-note-1">Note</p><a href="#">top</a>',
    );
    // A body id cannot clobber a global once prefixed.
    const fragment = sanitizeStoryBody('<img id="alert" src="a.jpg"><a id="location" href="https://x.example/">x</a>');
    const box = document.createElement('div');
    box.append(fragment);
    document.body.append(box);
    try {
      expect(typeof window.alert).to.equal('function');
      expect(box.querySelector('img')!.id).to.equal('user-content-alert');
    } finally {
      box.remove();
    }
  });

  it('gives alt="" to an image its source marks decorative, and no alt to any other', () => {
    expect(clean('<img src="a.jpg" role="presentation"><img src="b.jpg" aria-hidden="true"><img src="c.jpg" role="none">')).to.equal(
      `<img src="a.jpg" alt="" ${IMG}><img src="b.jpg" alt="" ${IMG}><img src="c.jpg" alt="" ${IMG}>`,
    );
    expect(clean('<img src="d.jpg">')).to.equal(`<img src="d.jpg" ${IMG}>`);
    expect(clean('<img src="e.jpg" alt="Kept" role="presentation">')).to.equal(`<img src="e.jpg" alt="Kept" ${IMG}>`);
  });
});

describe('sanitizeStoryBody: URLs', () => {
  it('allows http(s), mailto, tel, relative and #fragment links, and nothing else', () => {
    const cases: Array<[string, string | null]> = [
      ['https://x.example/a', 'https://x.example/a'],
      ['HTTP://X.EXAMPLE/a', 'http://x.example/a'],
      ['mailto:desk@news.example', 'mailto:desk@news.example'],
      ['tel:+441234567', 'tel:+441234567'],
      ['/2024/other', '/2024/other'],
      ['other.html', 'other.html'],
      ['//cdn.example/x', '//cdn.example/x'],
      ['#fn', '#user-content-fn'],
      ['javascript:alert(1)', null],
      ['JaVaScRiPt:alert(1)', null],
      [' \u0001javascript:alert(1)', null],
      ['java\tscript:alert(1)', null],
      ['java\nscript:alert(1)', null],
      ['vbscript:msgbox(1)', null],
      ['data:text/html,<script>alert(1)</script>', null],
      ['blob:https://x.example/uuid', null],
      ['file:///etc/passwd', null],
      ['ftp://x.example/', null],
      ['sms:+441234567', null],
    ];
    for (const [href, expected] of cases) {
      const out = clean(`<a href="${href.replace(/"/g, '&quot;').replace(/</g, '&lt;')}">x</a>`);
      const a = new DOMParser().parseFromString(out, 'text/html').querySelector('a')!;
      expect(a.getAttribute('href'), href).to.equal(expected);
    }
    // Entity-encoded schemes are decoded by the parser first, then refused.
    expect(clean('<a href="&#106;avascript:alert(1)">x</a><a href="jav&#x09;ascript:alert(1)">y</a><a href="&#x6A&#x61&#x76&#x61&#x73&#x63&#x72&#x69&#x70&#x74&#x3A;alert(1)">z</a>')).to.equal('<a>x</a><a>y</a><a>z</a>');
  });

  it('allows only http(s) and relative image sources (src and every srcset candidate)', () => {
    const cases: Array<[string, string | null]> = [
      ['https://x.example/a.jpg', 'https://x.example/a.jpg'],
      ['a.jpg', 'a.jpg'],
      ['data:image/png;base64,iVBORw0KGgo=', null],
      ['blob:https://x.example/uuid', null],
      ['javascript:alert(1)', null],
      [' java\tscript:alert(1)', null],
      ['mailto:x@example.com', null],
    ];
    for (const [src, expected] of cases) {
      const out = clean(`<img src="${src}" alt="">`);
      const img = new DOMParser().parseFromString(out, 'text/html').querySelector('img')!;
      expect(img.getAttribute('src'), src).to.equal(expected);
    }
    expect(safeSrcset('a.jpg 1x, data:image/png;base64,xx 2x, https://x.example/b.jpg 3x')).to.equal('a.jpg 1x, https://x.example/b.jpg 3x');
    expect(safeSrcset('https://x.example/w_100,h_50/a.jpg 100w, https://x.example/w_200,h_100/a.jpg 200w')).to.equal(
      'https://x.example/w_100,h_50/a.jpg 100w, https://x.example/w_200,h_100/a.jpg 200w',
    );
    expect(safeSrcset('javascript:alert(1) 1x, blob:x 2x')).to.equal(null);
    expect(clean('<img srcset="javascript:alert(1) 1x" alt="">')).to.equal(`<img alt="" ${IMG}>`);
    expect(clean('<picture><source srcset="data:image/webp;base64,xx"><img src="a.jpg" alt=""></picture>')).to.equal(`<picture><source><img src="a.jpg" alt="" ${IMG}></picture>`);
  });

  it('resolves relative URLs against baseUrl, so the partner page does not resolve them against itself', () => {
    expect(clean('<a href="/2024/other">a</a><a href="next">b</a><a href="#fn">c</a><a href="mailto:d@x.example">d</a>', BASE)).to.equal(
      '<a href="https://news.example/2024/other">a</a><a href="https://news.example/2024/03/next">b</a><a href="#user-content-fn">c</a><a href="mailto:d@x.example">d</a>',
    );
    expect(clean('<img src="../img/a.jpg" srcset="a.jpg 1x, /b.jpg 2x" alt=""><blockquote cite="/source">q</blockquote>', BASE)).to.equal(
      `<img src="https://news.example/2024/img/a.jpg" srcset="https://news.example/2024/03/a.jpg 1x, https://news.example/b.jpg 2x" alt="" ${IMG}><blockquote cite="https://news.example/source">q</blockquote>`,
    );
    // A baseUrl that is not http(s) is ignored.
    expect(clean('<a href="next">b</a>', 'javascript:alert(1)')).to.equal('<a href="next">b</a>');
  });

  it('gives links to other origins rel="noopener noreferrer", keeps target only when _blank', () => {
    const cases: Array<[string, string]> = [
      ['<a href="https://other.example/">x</a>', '<a href="https://other.example/" rel="noopener noreferrer">x</a>'],
      ['<a href="https://news.example/x">x</a>', '<a href="https://news.example/x">x</a>'],
      ['<a href="/x" target="_blank">x</a>', '<a href="https://news.example/x" target="_blank" rel="noopener">x</a>'],
      ['<a href="https://other.example/" target="_BLANK" rel="nofollow opener sponsored">x</a>', '<a href="https://other.example/" target="_blank" rel="nofollow sponsored noopener noreferrer">x</a>'],
      ['<a href="/x" target="main">x</a>', '<a href="https://news.example/x">x</a>'],
      ['<a href="javascript:x()" target="_blank" rel="nofollow">x</a>', '<a>x</a>'],
    ];
    for (const [input, output] of cases) expect(clean(input, BASE), input).to.equal(output);
    // Without a base every absolute link is another origin's; relative ones are the page's own.
    expect(clean('<a href="https://news.example/x">x</a><a href="/y">y</a>')).to.equal('<a href="https://news.example/x" rel="noopener noreferrer">x</a><a href="/y">y</a>');
  });
});

describe('sanitizeStoryBody: iframes', () => {
  const forced = `loading="lazy" referrerpolicy="strict-origin-when-cross-origin" sandbox="${STORY_BODY_IFRAME_SANDBOX}" allow="fullscreen; picture-in-picture"`;

  it('keeps the allow-listed video players, sandboxed, lazy, titled', () => {
    const cases: Array<[string, string]> = [
      [
        '<iframe src="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ" width="560" height="315" title="Interview"></iframe>',
        `<iframe src="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ" width="560" height="315" title="Interview" ${forced}></iframe>`,
      ],
      [
        '<iframe src="https://www.youtube.com/embed/dQw4w9WgXcQ?start=30" allowfullscreen="" allow="camera; microphone" sandbox="allow-top-navigation allow-forms" referrerpolicy="unsafe-url" loading="eager" name="x" srcdoc="&lt;script&gt;alert(1)&lt;/script&gt;" onload="alert(1)">fallback</iframe>',
        `<iframe src="https://www.youtube.com/embed/dQw4w9WgXcQ?start=30" title="Embedded video" ${forced}></iframe>`,
      ],
      ['<iframe src="https://player.vimeo.com/video/76979871?h=8272103f6e"></iframe>', `<iframe src="https://player.vimeo.com/video/76979871?h=8272103f6e" title="Embedded video" ${forced}></iframe>`],
    ];
    for (const [input, output] of cases) expect(clean(input), input).to.equal(output);
  });

  it('removes every other iframe', () => {
    for (const src of [
      'https://evil.example/embed/x',
      'http://www.youtube.com/embed/x',
      'https://www.youtube.com:8443/embed/x',
      'https://user@www.youtube.com/embed/x',
      'https://www.youtube.com/watch?v=x',
      'https://www.youtube.com/embed/x/../../evil',
      'https://youtube.com.evil.example/embed/x',
      'https://player.vimeo.com/video/abc',
      'https://vimeo.com/76979871',
      'javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      '//www.youtube.com/embed/x',
      '/embed/x',
    ]) {
      expect(clean(`<p>a</p><iframe src="${src.replace(/</g, '&lt;')}"></iframe>`), src).to.equal('<p>a</p>');
    }
    expect(clean('<iframe srcdoc="<p>x</p>"></iframe><iframe></iframe><p>a</p>')).to.equal('<p>a</p>');
  });
});

describe('sanitizeStoryBody: text', () => {
  it('keeps RTL text with its dir and lang attributes', () => {
    const input =
      '<p dir="rtl" lang="fa">تهران – <bdi dir="ltr">Reuters</bdi> گزارش داد</p><blockquote dir="rtl" lang="ar"><p>اقرأ المزيد</p></blockquote><p dir="auto">mixed עברית</p>';
    expect(clean(input)).to.equal(input);
    const box = document.createElement('div');
    box.append(sanitizeStoryBody(input));
    document.body.append(box);
    try {
      expect(getComputedStyle(box.querySelector('p')!).direction).to.equal('rtl');
    } finally {
      box.remove();
    }
  });

  it('sanitizes a 2 MB body in one go', () => {
    const paragraph = (i: number) => `<p>Paragraph ${i}: <strong>Lorem</strong> ipsum dolor sit amet, <a href="/p/${i}">consectetur</a> adipiscing elit, sed do eiusmod tempor incididunt.</p>\n`;
    const parts: string[] = [];
    let size = 0;
    for (let i = 0; size < 2 * 1024 * 1024; i++) {
      const p = paragraph(i);
      parts.push(p);
      size += p.length;
    }
    parts.push('<script>alert(1)</script>');
    const fragment = sanitizeStoryBody(parts.join(''), { baseUrl: BASE });
    expect(fragment.querySelectorAll('p').length).to.equal(parts.length - 1);
    expect(fragment.querySelector('script')).to.equal(null);
    expect(fragment.querySelector('p:last-of-type a')!.getAttribute('href')).to.equal(`https://news.example/p/${parts.length - 2}`);
  });
});

describe('sanitizeStoryBody: Trusted Types', () => {
  const supported = 'trustedTypes' in window;

  /** A same-origin frame whose page enforces `csp`, and the violations it reports. */
  async function frameWithCsp(csp: string): Promise<{ win: StoryBodyWindow; violations: string[] }> {
    const frame = document.createElement('iframe');
    const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
    frame.srcdoc = `<!doctype html><meta http-equiv="Content-Security-Policy" content="${csp}"><body></body>`;
    document.body.append(frame);
    await loaded;
    const win = frame.contentWindow as unknown as StoryBodyWindow;
    const violations: string[] = [];
    win.addEventListener('securitypolicyviolation', (event) => violations.push(`${event.violatedDirective}: ${event.sample}`));
    return { win, violations };
  }

  afterEach(() => document.querySelectorAll('body > iframe').forEach((frame) => frame.remove()));

  it("works on a page with require-trusted-types-for 'script' and trusted-types dompurify", async () => {
    const { win, violations } = await frameWithCsp("require-trusted-types-for 'script'; trusted-types dompurify");
    if (supported) {
      // The page really enforces: a plain string is refused by an HTML sink.
      expect(() => {
        win.document.body.innerHTML = '<b>x</b>';
      }).to.throw();
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(violations.length).to.be.greaterThan(0);
      violations.length = 0;
    }
    const fragment = sanitizeStoryBody('<p>Hello <img src="a.jpg" onerror="alert(1)" alt="A"></p><script>alert(1)</script>', { window: win, baseUrl: BASE });
    const fragmentB = sanitizeStoryBody('<figure class="wp-block-image"><img src="b.jpg" alt="B"><figcaption>Cap</figcaption></figure>', { window: win });
    transformStoryBody(fragmentB);
    win.document.body.append(fragment, fragmentB);
    expect(win.document.body.innerHTML).to.equal(
      `<p>Hello <img src="https://news.example/2024/03/a.jpg" alt="A" ${IMG}></p><news-photo><img src="b.jpg" alt="B" ${IMG}><span slot="caption">Cap</span></news-photo>`,
    );
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(violations).to.deep.equal([]);
  });

  it('throws a StoryBodySanitizerError naming the policy when the page refuses it', async function () {
    if (!supported) this.skip();
    const { win } = await frameWithCsp("require-trusted-types-for 'script'; trusted-types other-policy");
    const warn = console.warn;
    console.warn = () => {}; // DOMPurify's own "policy dompurify could not be created"
    try {
      expect(() => sanitizeStoryBody('<p>x</p>', { window: win })).to.throw(StoryBodySanitizerError, /"dompurify"/);
    } finally {
      console.warn = warn;
    }
  });
});

describe('transformStoryBody', () => {
  it('turns a block-editor figure (wp-block-image) into a <news-photo>, credit split off', () => {
    const { html: out, counts } = transformed(
      '<figure class="wp-block-image size-large"><img src="https://x.example/a-1024.jpg" srcset="https://x.example/a-1024.jpg 1024w, https://x.example/a-300.jpg 300w" sizes="(max-width: 1024px) 100vw, 1024px" alt="Firefighters at the concert hall" width="1024" height="576" class="wp-image-7"><figcaption class="wp-element-caption">Rescuers work to extinguish the fire. <em>REUTERS</em> file photo. REUTERS/Maxim Shemetov</figcaption></figure>',
    );
    expect(counts).to.deep.equal({ photos: 1, readAlso: 0 });
    expect(out).to.equal(
      `<news-photo><img src="https://x.example/a-1024.jpg" srcset="https://x.example/a-1024.jpg 1024w, https://x.example/a-300.jpg 300w" sizes="(max-width: 1024px) 100vw, 1024px" alt="Firefighters at the concert hall" width="1024" height="576" ${IMG}><span slot="caption">Rescuers work to extinguish the fire. <em>REUTERS</em> file photo.</span><span slot="credit">REUTERS/Maxim Shemetov</span></news-photo>`,
    );
  });

  it('turns classic-editor captions (figure.wp-caption and div.wp-caption) into <news-photo>s', () => {
    const figure = transformed(
      '<figure id="attachment_12" aria-describedby="caption-attachment-12" class="wp-caption alignnone"><img src="a.jpg" alt="A"><figcaption id="caption-attachment-12" class="wp-caption-text">Kyiv at night (Photo: Jane Doe)</figcaption></figure>',
    );
    expect(figure.counts.photos).to.equal(1);
    expect(figure.html).to.equal(
      `<news-photo id="user-content-attachment_12" class="alignnone"><img src="a.jpg" alt="A" ${IMG}><span slot="caption">Kyiv at night</span><span slot="credit">Photo: Jane Doe</span></news-photo>`,
    );
    const div = transformed(
      '<div id="attachment_9" class="wp-caption aligncenter" style="width: 310px"><a href="https://x.example/wp-content/uploads/a.jpg"><img src="a-300.jpg" alt="" width="300" height="200"></a><p class="wp-caption-text">A <a href="https://x.example/">linked</a> caption</p></div>',
    );
    expect(div.counts.photos).to.equal(1);
    expect(div.html).to.equal(
      `<news-photo id="user-content-attachment_9" class="aligncenter" expandable=""><img src="a-300.jpg" alt="" width="300" height="200" ${IMG}><span slot="caption">A <a href="https://x.example/" rel="noopener noreferrer">linked</a> caption</span></news-photo>`,
    );
  });

  it('turns a plain figure > img + figcaption into a <news-photo>, and leaves other figures alone', () => {
    expect(transformed('<figure><img src="a.jpg"><figcaption><p>Line one</p><p>Line two</p></figcaption></figure>').html).to.equal(
      `<news-photo><img src="a.jpg" ${IMG}><span slot="caption">Line one Line two</span></news-photo>`,
    );
    const untouched = [
      `<figure><img src="a.jpg" alt="" ${IMG}></figure>`,
      `<figure><blockquote>q</blockquote><figcaption>c</figcaption></figure>`,
      `<figure><img src="a.jpg" alt="" ${IMG}><img src="b.jpg" alt="" ${IMG}><figcaption>c</figcaption></figure>`,
      `<figure><picture><img src="a.jpg" alt="" ${IMG}></picture><figcaption>c</figcaption></figure>`,
      `<figure class="wp-block-image"><a href="https://x.example/story" rel="noopener noreferrer"><img src="a.jpg" alt="" ${IMG}></a></figure>`,
      `<figure>Text <img src="a.jpg" alt="" ${IMG}><figcaption>c</figcaption></figure>`,
    ];
    for (const input of untouched) {
      const { html: out, counts } = transformed(input);
      expect(counts.photos, input).to.equal(0);
      expect(out, input).to.equal(input);
    }
  });

  it('turns a "READ ALSO:" paragraph into an inline <news-related>', () => {
    const cases: Array<[string, string]> = [
      ['<p><strong>READ ALSO:</strong> <a href="/2024/other">Other story</a></p>', 'READ ALSO'],
      ['<p>Read more: <a href="/2024/other">Other story</a></p>', 'Read more'],
      ['<p><b>Read also: <a href="/2024/other">Other story</a></b></p>', 'Read also'],
      ['<p>► SEE ALSO : <a href="/2024/other">Other story</a></p>', 'SEE ALSO'],
      ['<p>À lire aussi\u00a0: <a href="/2024/other">Other story</a></p>', 'À lire aussi'],
      ['<p>Lesen Sie auch: <a href="/2024/other">Other story</a></p>', 'Lesen Sie auch'],
      ['<p>Lea también: <a href="/2024/other">Other story</a></p>', 'Lea también'],
      ['<p dir="rtl">اقرأ أيضا: <a href="/2024/other">Other story</a></p>', 'اقرأ أيضا'],
      ['<p dir="rtl">بیشتر بخوانید: <a href="/2024/other">Other story</a></p>', 'بیشتر بخوانید'],
    ];
    for (const [input, label] of cases) {
      const { html: out, counts } = transformed(input, BASE);
      expect(counts, input).to.deep.equal({ photos: 0, readAlso: 1 });
      const dir = input.includes('dir="rtl"') ? ' dir="rtl"' : '';
      expect(out, input).to.equal(
        `<news-related variant="inline" label="${label}"${dir}><ul><li><a href="https://news.example/2024/other">Other story</a></li></ul></news-related>`,
      );
    }
    expect(READ_ALSO_LABELS).to.include('read also');
  });

  it('leaves other paragraphs with links alone', () => {
    for (const input of [
      '<p>Read also: <a href="/a">one</a> and <a href="/b">two</a></p>',
      '<p>Source: <a href="/a">Reuters</a></p>',
      '<p>Read also <a href="/a">one</a></p>',
      '<p>Read also: <a href="/a">one</a>, says the editor.</p>',
      '<p>Read also:</p>',
      '<p>Read also: <a>no href</a></p>',
    ]) {
      const { html: out, counts } = transformed(input);
      expect(counts.readAlso, input).to.equal(0);
      expect(out, input).to.equal(clean(input));
    }
  });

  it('produces elements that upgrade: <news-related> reads its light-DOM link, <news-photo> its image', async () => {
    const host = await fixture<HTMLDivElement>(html`<div></div>`);
    const fragment = sanitizeStoryBody(
      '<p>READ ALSO: <a href="/2024/other">Other story</a></p><figure class="wp-block-image"><img src="/test/assets/photo-120x80.png" alt="A" width="120" height="80"><figcaption class="wp-element-caption">Cap. REUTERS/Jane Doe</figcaption></figure>',
      { baseUrl: location.href },
    );
    expect(transformStoryBody(fragment)).to.deep.equal({ photos: 1, readAlso: 1 });
    host.append(fragment);
    const relatedEl = host.querySelector<NewsRelated>('news-related')!;
    await relatedEl.updateComplete;
    const link = relatedEl.shadowRoot!.querySelector('a')!;
    expect(link.getAttribute('href')).to.equal(new URL('/2024/other', location.href).href);
    expect(link.textContent).to.equal('Other story');
    expect(relatedEl.shadowRoot!.querySelector('[part="label"]')!.textContent).to.equal('READ ALSO');
    const photo = host.querySelector('news-photo')!;
    await (photo as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    const credit = photo.shadowRoot!.querySelector<HTMLSlotElement>('[part="credit"] slot[name="credit"]')!;
    expect(credit.assignedElements().map((el) => el.textContent)).to.deep.equal(['REUTERS/Jane Doe']);
    const image = photo.shadowRoot!.querySelector<HTMLSlotElement>('slot:not([name])')!;
    expect(image.assignedElements()[0]!.localName).to.equal('img');
  });
});
