import { expect } from '@open-wc/testing';
import { catalogs, en, loadTranslations, registerMessages, translationsPending } from '../../src/core/messages.js';
import { commentForm } from '../../src/core/messages/comment-form.js';
import { related } from '../../src/core/messages/related.js';
import { story } from '../../src/core/messages/story.js';

// Elements register their own strings (and the loaders of their translations) when they load;
// this test checks them all.
registerMessages(related, () => import('../../src/core/messages/related.i18n.js'));
registerMessages(commentForm, () => import('../../src/core/messages/comment-form.i18n.js'));
registerMessages(story, () => import('../../src/core/messages/story.i18n.js'));
import { catalogFor, safeLocale, translate, translateParts } from '../../src/core/localize.js';

describe('localize: translations on first use', () => {
  it('English needs nothing; another language is pending until its translations are loaded, then not', async () => {
    expect(translationsPending('en-GB')).to.equal(undefined);
    expect(translationsPending('xx')).to.equal(undefined);
    expect(catalogs.fa!['photo.close'], 'not loaded yet').to.equal(undefined);
    const pending = translationsPending('fa-IR');
    expect(pending).to.be.instanceOf(Promise);
    await pending;
    expect(catalogs.fa!['photo.close']).to.equal('بستن');
    expect(catalogs.fr!['related.heading']).to.equal('Articles liés');
    expect(translationsPending('fa')).to.equal(undefined);
  });

  it('a translation file that cannot be loaded warns once, never rejects, and is not tried on every render', async () => {
    const warnings: string[] = [];
    const original = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args.join(' '));
    try {
      registerMessages({}, () => Promise.reject(new TypeError('Failed to fetch dynamically imported module')));
      await translationsPending('de');
      expect(warnings).to.have.length(1);
      expect(warnings[0]).to.match(/^\[news-elements\] translations could not be loaded \(TypeError: Failed to fetch/);
      expect(translationsPending('de'), 'not tried again on every render').to.equal(undefined);
    } finally {
      console.warn = original;
    }
  });
});

describe('localize', () => {
  before(() => loadTranslations());
  it('ships every English string in every catalog, with the same placeholders', () => {
    const placeholders = (s: string) => [...s.matchAll(/\{\w+\}/g)].map((m) => m[0]).sort().join();
    for (const [lang, catalog] of Object.entries(catalogs)) {
      for (const key of Object.keys(en) as Array<keyof typeof en>) {
        expect(catalog[key], `${lang} ${key}`).to.be.a('string').and.not.equal('');
        expect(placeholders(catalog[key]), `${lang} ${key}`).to.equal(placeholders(en[key]));
      }
    }
  });

  const cases: Array<[string, string]> = [
    ['fa-IR', 'بستن'],
    ['FR', 'Fermer'],
    ['de_DE', 'Schließen'],
    ['ar', 'إغلاق'],
    ['es-419', 'Cerrar'],
    ['xx', 'Close'],
    ['', 'Close'],
  ];
  for (const [lang, expected] of cases) {
    it(`picks the catalog for "${lang}"`, () => {
      expect(translate(lang, 'photo.close')).to.equal(expected);
    });
  }

  it('fills placeholders and keeps unknown ones', () => {
    expect(translate('en', 'byline.in-place', { names: 'A and B', place: 'Paris' })).to.equal('A and B in Paris');
    expect(translate('en', 'byline.in-place', { names: 'A' })).to.equal('A in {place}');
  });

  it('splits a string around non-string values in translated order', () => {
    const link = { link: true };
    expect(translateParts('en', 'byline.author', { names: link })).to.deep.equal(['By ', link]);
    expect(translateParts('fa', 'byline.in-place', { names: link, place: 'x' })).to.deep.equal([link, ' در ', 'x']);
  });

  it('canonicalizes locales and falls back to English on a malformed tag', () => {
    expect(safeLocale('fa-ir')).to.equal('fa-IR');
    expect(safeLocale('not a tag!')).to.equal('en');
    expect(catalogFor('zz')).to.equal(en);
  });
});
