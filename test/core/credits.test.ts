import { expect } from '@open-wc/testing';
import {
  CREDIT_ROLES,
  bylineGroups,
  formatCreditsText,
  groupCredits,
  parseCredits,
  visibleGroups,
  type Credit,
} from '../../src/core/credits.js';
import { authoredCredits, seedBylineEn, seedCredits } from '../../stories/fixtures/news-byline.js';
import { loadTranslations } from '../../src/core/messages.js';

// Languages other than English are loaded on first use: in before these tests read them.
before(() => loadTranslations());

/** Names and places as plain text, for short table rows. */
const names = (credits: readonly Credit[]) => credits.map((c) => c.name).join(',');

describe('credits: parseCredits', () => {
  it('accepts an array and normalizes it (trim, default role, known roles lower-cased)', () => {
    const { credits, problems } = parseCredits([
      { name: '  Parisa Hafezi ', location: ' Dubai ' },
      { name: 'Gareth Jones', role: 'Editing', location: '' },
      { name: 'Ann', role: null, location: null, url: null },
    ]);
    expect(problems).to.deep.equal([]);
    expect(credits).to.deep.equal([
      { name: 'Parisa Hafezi', role: 'author', location: 'Dubai' },
      { name: 'Gareth Jones', role: 'editing' },
      { name: 'Ann', role: 'author' },
    ]);
  });

  it('accepts the same list as JSON text (the attribute)', () => {
    expect(parseCredits(JSON.stringify(seedCredits)).credits).to.have.length(6);
  });

  const empty: Array<[string, unknown]> = [
    ['undefined', undefined],
    ['null', null],
    ['an empty string', ''],
    ['blank text', '   '],
    ['an empty array', []],
    ['JSON []', '[]'],
  ];
  for (const [label, input] of empty) {
    it(`gives no credits and no problem for ${label}`, () => {
      expect(parseCredits(input)).to.deep.equal({ credits: [], problems: [] });
    });
  }

  it('reports malformed JSON with the parser message', () => {
    const { credits, problems } = parseCredits('[{"name": "A"');
    expect(credits).to.deep.equal([]);
    expect(problems).to.have.length(1);
    expect(problems[0]!.kind).to.equal('json');
    expect(problems[0]!.message).to.be.a('string').and.not.equal('');
  });

  const notArrays: Array<[string, unknown, string]> = [
    ['an object', { name: 'A' }, 'an object'],
    ['JSON object text', '{"name":"A"}', 'an object'],
    ['a number', 42, 'number'],
    ['JSON string text', '"A"', 'string'],
    ['JSON true', 'true', 'boolean'],
  ];
  for (const [label, input, got] of notArrays) {
    it(`reports ${label} as not an array`, () => {
      const { credits, problems } = parseCredits(input);
      expect(credits).to.deep.equal([]);
      expect(problems).to.have.length(1);
      expect(problems[0]!.kind).to.equal('not-array');
      expect(problems[0]!.message).to.contain(`got ${got}`);
    });
  }

  const badEntries: Array<[string, unknown, string]> = [
    ['null', null, 'entry 1 is null'],
    ['a string', 'Parisa Hafezi', 'entry 1 is string'],
    ['an array', ['A'], 'entry 1 is an array'],
    ['no name', { role: 'editing' }, 'entry 1 has no "name"'],
    ['an empty name', { name: '   ' }, 'entry 1 has no "name"'],
    ['a number name', { name: 7 }, '"name" is number'],
    ['an object name', { name: { first: 'A' } }, '"name" is an object'],
    ['a number role', { name: 'B', role: 3 }, '"role" is number'],
    ['an array location', { name: 'B', location: ['Paris'] }, '"location" is an array'],
    ['a boolean url', { name: 'B', url: true }, '"url" is boolean'],
  ];
  for (const [label, entry, message] of badEntries) {
    it(`skips an entry with ${label}, keeps the others`, () => {
      const { credits, problems } = parseCredits([{ name: 'A' }, entry, { name: 'C' }]);
      expect(names(credits)).to.equal('A,C');
      expect(problems).to.have.length(1);
      expect(problems[0]).to.include({ kind: 'entry', index: 1 });
      expect(problems[0]!.message).to.contain(message);
    });
  }

  it('skips an entry whose getter throws instead of throwing', () => {
    const trap = {
      get name(): string {
        throw new Error('boom');
      },
    };
    const { credits, problems } = parseCredits([trap, { name: 'B' }]);
    expect(names(credits)).to.equal('B');
    expect(problems[0]).to.include({ kind: 'entry', index: 0 });
  });

  const urls: Array<[string, string | null]> = [
    ['https://example.com/a', 'https://example.com/a'],
    ['http://example.com/a', 'http://example.com/a'],
    ['/journalists/a', '/journalists/a'],
    ['a.html', 'a.html'],
    ['javascript:alert(1)', null],
    [' JavaScript:alert(1)', null],
    ['data:text/html,<b>x</b>', null],
    ['mailto:a@example.com', null],
  ];
  for (const [url, kept] of urls) {
    it(`${kept ? 'keeps' : 'drops'} the url ${JSON.stringify(url)} and keeps the person`, () => {
      const { credits, problems } = parseCredits([{ name: 'A', url }]);
      expect(credits).to.have.length(1);
      expect(credits[0]!.url).to.equal(kept ?? undefined);
      expect(problems.map((p) => p.kind)).to.deep.equal(kept ? [] : ['url']);
    });
  }

  it('keeps an unknown role as written and reports it once per role', () => {
    const { credits, problems } = parseCredits([
      { name: 'A', role: 'Fact-checking' },
      { name: 'B', role: 'Fact-checking' },
      { name: 'C', role: 'graphics' },
    ]);
    expect(credits.map((c) => c.role)).to.deep.equal(['Fact-checking', 'Fact-checking', 'graphics']);
    expect(problems.map((p) => (p.kind === 'role' ? p.role : p.kind))).to.deep.equal(['Fact-checking', 'graphics']);
  });

  it('ignores fields it does not know', () => {
    expect(parseCredits([{ name: 'A', email: 5, bio: {} }])).to.deep.equal({
      credits: [{ name: 'A', role: 'author' }],
      problems: [],
    });
  });
});

describe('credits: groupCredits', () => {
  it('orders roles author, reporting, additional-reporting, writing, editing, photography, then unknown roles', () => {
    const shuffled = [...CREDIT_ROLES, 'zeta', 'alpha'].reverse().map((role, i) => ({ name: `P${i}`, role }));
    expect(groupCredits(shuffled).map((g) => g.role)).to.deep.equal([...CREDIT_ROLES, 'alpha', 'zeta']);
    expect(groupCredits(shuffled).map((g) => g.known)).to.deep.equal([true, true, true, true, true, true, false, false]);
  });

  it('treats a missing role as author', () => {
    expect(groupCredits([{ name: 'A' }, { name: 'B', role: 'author' }]).map((g) => [g.role, g.places[0]!.people.length])).to.deep.equal([
      ['author', 2],
    ]);
  });

  it('groups people by place in order of first appearance, people without a place first', () => {
    const [group] = groupCredits([
      { name: 'A', location: 'Washington' },
      { name: 'B' },
      { name: 'C', location: 'Dushanbe' },
      { name: 'D', location: 'Washington' },
      { name: 'E' },
    ]);
    expect(group!.places.map((p) => [p.place, names(p.people)])).to.deep.equal([
      [null, 'B,E'],
      ['Washington', 'A,D'],
      ['Dushanbe', 'C'],
    ]);
  });

  it('keeps first-appearance order of people within a role across other roles', () => {
    const groups = groupCredits([
      { name: 'Z', role: 'editing' },
      { name: 'A' },
      { name: 'Y', role: 'editing' },
      { name: 'B' },
    ]);
    expect(groups.map((g) => `${g.role}:${names(g.places[0]!.people)}`)).to.deep.equal(['author:A,B', 'editing:Z,Y']);
  });

  it('groups the seed credits as the article credits them', () => {
    const groups = groupCredits(parseCredits(seedCredits).credits);
    expect(
      groups.map((g) => [g.role, g.places.map((p) => `${p.place ?? '-'}=${names(p.people)}`).join(' | ')]),
    ).to.deep.equal([
      ['additional-reporting', 'Dushanbe=Nazarali Pirnazarov | Washington=Steve Holland,Jonathan Landay'],
      ['writing', '-=Parisa Hafezi'],
      ['editing', '-=Michael Georgy,Gareth Jones'],
    ]);
  });

  it('returns nothing for no credits', () => {
    expect(groupCredits([])).to.deep.equal([]);
  });
});

describe('credits: formatCreditsText', () => {
  const seed = parseCredits(seedCredits).credits;

  it('reads the reference article credits exactly, in English', () => {
    expect(formatCreditsText(seed, 'en')).to.equal(seedBylineEn);
    expect(formatCreditsText(seed, 'en-US')).to.equal(seedBylineEn);
  });

  // Each catalog's wording; names within a place joined by a conjunction list, places by a
  // `unit` list, roles by the catalog's separator (Persian and Arabic use "؛").
  const languages: Array<[string, string]> = [
    [
      'fa',
      'گزارش تکمیلی از Nazarali Pirnazarov در Dushanbe و Steve Holland و Jonathan Landay در Washington؛ ' +
        'نگارش Parisa Hafezi؛ ویرایش Michael Georgy و Gareth Jones',
    ],
    [
      'ar',
      'شارك في التغطية Nazarali Pirnazarov في Dushanbe وSteve Holland وJonathan Landay في Washington؛ ' +
        'كتابة Parisa Hafezi؛ تحرير Michael Georgy وGareth Jones',
    ],
    [
      'de',
      'Zusätzliche Berichterstattung: Nazarali Pirnazarov in Dushanbe, Steve Holland und Jonathan Landay in Washington; ' +
        'Text: Parisa Hafezi; Redaktion: Michael Georgy und Gareth Jones',
    ],
    [
      'fr',
      'Reportage complémentaire de Nazarali Pirnazarov à Dushanbe et Steve Holland et Jonathan Landay à Washington ; ' +
        'Rédaction de Parisa Hafezi ; Édition de Michael Georgy et Gareth Jones',
    ],
    [
      'es',
      'Información adicional de Nazarali Pirnazarov en Dushanbe y Steve Holland y Jonathan Landay en Washington; ' +
        'Redacción de Parisa Hafezi; Edición de Michael Georgy y Gareth Jones',
    ],
    ['xx-unknown', seedBylineEn],
    ['not a tag!', seedBylineEn],
  ];
  for (const [lang, expected] of languages) {
    it(`reads the seed credits in "${lang}"`, () => {
      expect(formatCreditsText(seed, lang)).to.equal(expected);
    });
  }

  const cases: Array<[string, Credit[], string]> = [
    ['one author', [{ name: 'A' }], 'By A'],
    ['three authors (Intl conjunction)', [{ name: 'A' }, { name: 'B' }, { name: 'C' }], 'By A, B, and C'],
    ['an author in a place', [{ name: 'A', location: 'Kyiv' }], 'By A in Kyiv'],
    [
      'people without a place before places',
      [{ name: 'A', location: 'Kyiv' }, { name: 'B' }, { name: 'C', location: 'Kyiv' }],
      'By B, A and C in Kyiv',
    ],
    [
      'three places (Intl unit list)',
      [
        { name: 'A', location: 'Kyiv' },
        { name: 'B', location: 'Lviv' },
        { name: 'C', location: 'Odesa' },
      ],
      'By A in Kyiv, B in Lviv, C in Odesa',
    ],
    ['every known role', CREDIT_ROLES.map((role, i) => ({ name: `P${i}`, role })), 'By P0; Reporting by P1; Additional reporting by P2; Writing by P3; Editing by P4; Photography by P5'],
    ['an unknown role, after the known ones', [{ name: 'S', role: 'Fact-checking' }, { name: 'W', role: 'writing' }], 'Writing by W; Fact-checking: S'],
    ['a hostile name, as text', [{ name: '<img src=x onerror=alert(1)>' }], 'By <img src=x onerror=alert(1)>'],
  ];
  for (const [label, credits, expected] of cases) {
    it(`formats ${label}`, () => {
      expect(formatCreditsText(credits, 'en')).to.equal(expected);
    });
  }

  it('formats an unknown role with the catalog pattern ("{role} : {names}" in French)', () => {
    expect(formatCreditsText([{ name: 'S', role: 'Vérification' }], 'fr')).to.equal('Vérification : S');
  });

  const compact: Array<[string, Credit[], string, string]> = [
    ['only the authors, without places', authoredCredits, 'en', 'By Parisa Hafezi, Guy Faulconbridge, and Steve Holland'],
    ['the first role present when nobody is an author', seedCredits, 'en', 'Additional reporting by Nazarali Pirnazarov, Steve Holland, and Jonathan Landay'],
    // Persian: "،" and a right-to-left mark (U+200F) between names, "، و" before the last.
    ['authors in Persian', authoredCredits, 'fa', 'نوشتهٔ Parisa Hafezi،\u200f Guy Faulconbridge، و Steve Holland'],
  ];
  for (const [label, credits, lang, expected] of compact) {
    it(`compact shows ${label}`, () => {
      expect(formatCreditsText(parseCredits(credits).credits, lang, 'compact')).to.equal(expected);
    });
  }

  it('compact of no credits is empty', () => {
    expect(visibleGroups([], 'compact')).to.deep.equal([]);
    expect(formatCreditsText([], 'en', 'compact')).to.equal('');
  });

  it('formats 1,000 people', () => {
    const many = Array.from({ length: 1000 }, (_, i) => ({ name: `R${i}` }));
    const text = formatCreditsText(many, 'en');
    expect(text.startsWith('By R0, R1, ')).to.equal(true);
    expect(text.endsWith(', and R999')).to.equal(true);
  });
});

describe('credits: bylineGroups segments', () => {
  it('marks labels, names (with their url), places and separators', () => {
    const [group] = bylineGroups(
      [
        { name: 'A', role: 'editing', url: '/a' },
        { name: 'B', role: 'editing', location: 'Rome' },
      ],
      'en',
    );
    expect(group!.segments).to.deep.equal([
      { type: 'label', text: 'Editing by ' },
      { type: 'name', text: 'A', url: '/a' },
      { type: 'text', text: ', ' },
      { type: 'name', text: 'B' },
      { type: 'text', text: ' in ' },
      { type: 'place', text: 'Rome' },
    ]);
  });

  it('puts names where the catalog puts them (Persian: label first, place after "در")', () => {
    const [group] = bylineGroups([{ name: 'الف', location: 'تهران' }], 'fa');
    expect(group!.segments).to.deep.equal([
      { type: 'label', text: 'نوشتهٔ ' },
      { type: 'name', text: 'الف' },
      { type: 'text', text: ' در ' },
      { type: 'place', text: 'تهران' },
    ]);
  });

  it('labels an unknown role with its own name', () => {
    const [group] = bylineGroups([{ name: 'S', role: 'graphics' }], 'en');
    expect(group!.known).to.equal(false);
    expect(group!.segments.filter((s) => s.type === 'label').map((s) => s.text)).to.deep.equal(['graphics', ': ']);
  });
});
