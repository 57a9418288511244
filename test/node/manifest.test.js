// custom-elements.json is the public API contract Storybook autodocs and IDEs read: every
// attribute, property, slot, part and CSS property the issues promise must be in it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';

const manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8'));
const declarations = new Map();
for (const mod of manifest.modules) {
  for (const decl of mod.declarations ?? []) if (decl.tagName) declarations.set(decl.tagName, decl);
}

const CONTRACT = {
  'news-photo': {
    attributes: ['src', 'srcset', 'sizes', 'alt', 'width', 'height', 'caption', 'credit', 'loading', 'priority', 'expandable'],
    slots: ['caption', 'credit'],
    parts: ['image', 'caption', 'credit'],
    cssProperties: ['--news-photo-radius', '--news-photo-caption-color', '--news-photo-backdrop'],
  },
  'news-byline': {
    attributes: ['credits', 'variant'],
    slots: [''],
    parts: [],
    cssProperties: ['--news-byline-color'],
  },
  'news-article': {
    attributes: ['headline', 'kicker', 'section', 'dek', 'published', 'updated'],
    slots: ['headline', 'media', 'byline', '', 'footer'],
    parts: ['headline'],
    cssProperties: ['--news-article-measure', '--news-article-headline-size'],
  },
  'news-related': {
    attributes: ['variant', 'items', 'src', 'heading', 'heading-level', 'label', 'max', 'timeout'],
    slots: [''],
    parts: ['heading', 'list', 'item', 'card', 'item-link', 'image', 'section', 'date', 'label'],
    events: ['news-related-loaded'],
    cssProperties: ['--news-related-card-radius', '--news-related-card-min-size', '--news-related-label-color'],
  },
  'news-comment-form': {
    attributes: ['action', 'post-id', 'parent', 'reply-to', 'format', 'maxlength', 'require-name-email', 'heading', 'heading-level', 'timeout'],
    slots: [],
    parts: [],
    cssProperties: ['--news-comment-error-color'],
    events: ['news-comment-submit', 'news-comment-posted', 'news-comment-error', 'news-comment-reply-cancel'],
  },
  'news-story': {
    attributes: ['src', 'href', 'publisher', 'comments', 'font', 'timeout'],
    slots: [''],
    parts: ['story', 'publisher', 'original', 'original-link', 'headline', 'body', 'loading', 'error'],
    cssProperties: ['--news-story-max-width'],
    events: ['news-story-loaded', 'news-story-error'],
  },
};

for (const [tag, expected] of Object.entries(CONTRACT)) {
  test(`${tag} is documented in custom-elements.json`, () => {
    const decl = declarations.get(tag);
    assert.ok(decl, `${tag} is declared`);
    assert.ok(decl.summary || decl.description, `${tag} has a summary`);
    const names = (list) => (list ?? []).map((x) => x.name);
    for (const attr of expected.attributes) {
      const found = (decl.attributes ?? []).find((a) => a.name === attr);
      assert.ok(found, `${tag} attribute ${attr}`);
      assert.ok(found.description, `${tag} attribute ${attr} is described`);
      assert.ok(found.fieldName, `${tag} attribute ${attr} maps to a property`);
    }
    for (const slot of expected.slots) assert.ok(names(decl.slots).includes(slot), `${tag} slot "${slot}"`);
    for (const part of expected.parts) assert.ok(names(decl.cssParts).includes(part), `${tag} part ${part}`);
    for (const prop of expected.cssProperties) assert.ok(names(decl.cssProperties).includes(prop), `${tag} css property ${prop}`);
    for (const event of expected.events ?? []) assert.ok(names(decl.events).includes(event), `${tag} event ${event}`);
    for (const member of (decl.members ?? []).filter((m) => m.kind === 'field' && m.privacy === undefined && !m.static)) {
      assert.ok(member.description, `${tag} property ${member.name} is described`);
    }
  });
}

/** The public tokens an element's styles read, from their private `var(--_x)` names. */
function tokensUsedBy(tag) {
  const folder = `src/components/${tag}`;
  const css = readdirSync(folder)
    .filter((f) => f.endsWith('.styles.ts'))
    .map((f) => readFileSync(`${folder}/${f}`, 'utf8'))
    .join('\n');
  return new Set([...css.matchAll(/var\(--_([a-z0-9-]+)/g)].map((m) => `--news-${m[1]}`));
}

test('every token an element reads is documented on that element (@cssproperty)', async () => {
  const { TOKENS } = await import('../../dist/styles/token-list.js');
  const known = new Set(TOKENS.map((t) => t.name));
  for (const [tag, decl] of declarations) {
    const documented = new Set((decl.cssProperties ?? []).map((p) => p.name));
    for (const token of tokensUsedBy(tag)) {
      assert.ok(known.has(token), `${tag} reads ${token}, which is not in the token list`);
      assert.ok(documented.has(token), `${tag} reads ${token} but does not document it`);
    }
  }
});

test('every public token is used by at least one element', async () => {
  const { TOKENS } = await import('../../dist/styles/token-list.js');
  const used = new Set([...declarations.keys()].flatMap((tag) => [...tokensUsedBy(tag)]));
  // A derived default such as `var(--news-radius, 4px)` inside another token counts as a use.
  const referenced = new Set(TOKENS.flatMap((t) => [...t.value.matchAll(/var\((--news-[a-z0-9-]+)/g)].map((m) => m[1])));
  const unused = TOKENS.map((t) => t.name).filter((name) => !used.has(name) && !referenced.has(name));
  assert.deepEqual(unused, [], 'tokens no element reads');
});

test('module paths point at the published JavaScript in dist/', async () => {
  const { existsSync } = await import('node:fs');
  for (const mod of manifest.modules) {
    assert.match(mod.path, /^dist\/.*\.js$/, mod.path);
    assert.ok(existsSync(mod.path), `${mod.path} exists after the build`);
  }
});
