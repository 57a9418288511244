import { expect } from '@open-wc/testing';
import { formatDate, formatList, listParts, parseIsoDate, safeHttpUrl } from '../../src/core/format.js';

// ICU may put a narrow or non-breaking space before "AM" or inside dates; compare words, not spaces.
const spaces = (s: string) => s.replace(/[\u00a0\u202f\u2009]/g, ' ');

describe('core/format', () => {
  describe('parseIsoDate', () => {
    const valid: Array<[string, string]> = [
      ['2024-04-08', '2024-04-08T00:00:00.000Z'],
      ['2024-02-29', '2024-02-29T00:00:00.000Z'],
      ['0000-02-29', '0000-02-29T00:00:00.000Z'],
      ['2024-04-08T10:00Z', '2024-04-08T10:00:00.000Z'],
      ['2024-04-08T10:00:30Z', '2024-04-08T10:00:30.000Z'],
      ['2024-04-08T10:00:30.250Z', '2024-04-08T10:00:30.250Z'],
      ['2024-04-08T10:00:00+03:00', '2024-04-08T07:00:00.000Z'],
      ['2024-04-08T10:00+0330', '2024-04-08T06:30:00.000Z'],
      ['2024-04-08T10:00-05:00', '2024-04-08T15:00:00.000Z'],
      ['  2024-04-08T10:00Z  ', '2024-04-08T10:00:00.000Z'],
      ['2024-04-08 10:00Z', '2024-04-08T10:00:00.000Z'],
    ];
    for (const [input, iso] of valid) {
      it(`reads ${JSON.stringify(input)}`, () => {
        expect(parseIsoDate(input)?.toISOString()).to.equal(iso);
      });
    }

    it('reads a date-time without a zone as the reader’s local time', () => {
      const local = new Date(2024, 3, 8, 10, 0);
      expect(parseIsoDate('2024-04-08T10:00')?.getTime()).to.equal(local.getTime());
    });

    const invalid: Array<string | null | undefined> = [
      '2024-02-31', // impossible day: must not roll over to March 2
      '2023-02-29', // not a leap year
      '2024-04-31',
      '2024-13-01',
      '2024-00-10',
      '2024-04-00',
      '2024-04-08T25:00Z',
      '2024-04-08T10:60Z',
      '2024-04-08T10:00+25:00',
      '08/04/2024',
      'April 8, 2024',
      '2024-4-8',
      '20240408',
      '2024-04-08T10',
      '2024-04-08Tnoon',
      '1712570400000',
      '<script>alert(1)</script>',
      '',
      '   ',
      null,
      undefined,
    ];
    for (const input of invalid) {
      it(`rejects ${JSON.stringify(input)}`, () => {
        expect(parseIsoDate(input)).to.equal(null);
      });
    }
  });

  describe('formatDate', () => {
    const cases: Array<{ value: string; lang: string; timeZone?: string; text: string }> = [
      { value: '2024-04-08T10:00Z', lang: 'en', timeZone: 'UTC', text: 'April 8, 2024 at 10:00 AM UTC' },
      { value: '2024-04-08T10:00Z', lang: 'en', timeZone: 'Asia/Tehran', text: 'April 8, 2024 at 1:30 PM GMT+3:30' },
      { value: '2024-04-08T10:00Z', lang: 'de', timeZone: 'Europe/Berlin', text: '8. April 2024 um 12:00 MESZ' },
      { value: '2024-04-08T10:00Z', lang: 'de-DE', timeZone: 'UTC', text: '8. April 2024 um 10:00 UTC' },
      { value: '2024-04-08T10:00Z', lang: 'ar', timeZone: 'UTC', text: '8 أبريل 2024 في 10:00 ص UTC' },
      // Persian: solar hijri calendar and Persian digits (20 Farvardin 1403).
      { value: '2024-04-08T10:00Z', lang: 'fa', timeZone: 'UTC', text: '۲۰ فروردین ۱۴۰۳ ساعت ۱۰:۰۰ (UTC)' },
      { value: '2024-04-08T10:00Z', lang: 'fa-IR', timeZone: 'Asia/Tehran', text: '۲۰ فروردین ۱۴۰۳ ساعت ۱۳:۳۰ (\u200e+۳:۳۰ گرینویچ)' },
      { value: '2024-04-08T10:00Z', lang: 'en', timeZone: 'America/New_York', text: 'April 8, 2024 at 6:00 AM EDT' },
      // Date only: the calendar day, whatever zone is asked for (no shift to April 7 west of UTC).
      { value: '2024-04-08', lang: 'en', timeZone: 'America/Los_Angeles', text: 'April 8, 2024' },
      { value: '2024-04-08', lang: 'de', timeZone: 'Pacific/Kiritimati', text: '8. April 2024' },
      { value: '2024-04-08', lang: 'ar', text: '8 أبريل 2024' },
      { value: '2024-04-08', lang: 'fa', text: '۲۰ فروردین ۱۴۰۳' },
      // A malformed language tag falls back to English; an unknown zone to the reader's own.
      { value: '2024-04-08', lang: 'not a tag!', text: 'April 8, 2024' },
    ];
    for (const { value, lang, timeZone, text } of cases) {
      it(`formats ${value} in ${lang}${timeZone ? ` (${timeZone})` : ''}`, () => {
        const result = formatDate(value, lang, timeZone);
        expect(result?.datetime).to.equal(value);
        expect(spaces(result?.text ?? '')).to.equal(text);
      });
    }

    it('shows a time only when the value has one', () => {
      expect(formatDate('2024-04-08', 'en', 'UTC')?.text).not.to.match(/\d:\d\d/);
      expect(formatDate('2024-04-08T10:00Z', 'en', 'UTC')?.text).to.match(/10:00/);
    });

    it('names the time zone of a date-time, never of a date-only value', () => {
      // Without a zone "10:00 AM" is ambiguous for readers elsewhere.
      expect(spaces(formatDate('2024-04-08T10:00Z', 'en', 'UTC')?.text ?? '')).to.match(/10:00 AM UTC$/);
      expect(spaces(formatDate('2024-04-08T10:00Z', 'en', 'Asia/Tokyo')?.text ?? '')).to.match(/7:00 PM GMT\+9$/);
      // The reader's own zone (no zone given) is named too.
      const own = new Intl.DateTimeFormat('en', { timeZoneName: 'short' })
        .formatToParts(new Date('2024-04-08T10:00Z'))
        .find((p) => p.type === 'timeZoneName')!.value;
      expect(formatDate('2024-04-08T10:00Z', 'en')?.text.endsWith(own)).to.be.true;
      expect(formatDate('2024-04-08', 'en', 'America/Los_Angeles')?.text).to.equal('April 8, 2024');
      expect(formatDate('2024-04-08', 'en')?.text).not.to.match(/UTC|GMT/);
    });

    it('keeps the trimmed source value for <time datetime>', () => {
      expect(formatDate(' 2024-04-08T10:00+03:00 ', 'en', 'UTC')?.datetime).to.equal('2024-04-08T10:00+03:00');
    });

    it('does not throw on an unknown time zone', () => {
      const result = formatDate('2024-04-08T10:00Z', 'en', 'Mars/Olympus_Mons');
      expect(result?.text).to.match(/^April 8, 2024/);
    });

    for (const bad of ['2024-02-31', 'yesterday', '', null, undefined]) {
      it(`returns null for ${JSON.stringify(bad)}`, () => {
        expect(formatDate(bad, 'en', 'UTC')).to.equal(null);
      });
    }
  });

  describe('formatList', () => {
    const cases: Array<[string, string[], string]> = [
      ['en', ['A', 'B', 'C'], 'A, B, and C'],
      ['en', ['A', 'B'], 'A and B'],
      ['en', ['A'], 'A'],
      ['en', [], ''],
      ['de', ['A', 'B', 'C'], 'A, B und C'],
      ['fr', ['A', 'B', 'C'], 'A, B et C'],
      ['ar', ['A', 'B', 'C'], 'A وB وC'],
      ['fa', ['A', 'B', 'C'], 'A،\u200f B، و C'],
      ['not a tag!', ['A', 'B'], 'A and B'],
    ];
    for (const [lang, items, expected] of cases) {
      it(`joins ${items.length} names in ${lang}`, () => {
        expect(formatList(items, lang)).to.equal(expected);
      });
    }

    it('supports "or" lists', () => {
      expect(formatList(['A', 'B'], 'en', 'disjunction')).to.equal('A or B');
      expect(formatList(['A', 'B'], 'de', 'disjunction')).to.equal('A oder B');
    });
  });

  describe('listParts', () => {
    const a = { name: 'A' };
    const b = { name: 'B' };
    const c = { name: 'C' };
    const cases: Array<[string, Array<{ name: string }>, Array<string | { name: string }>]> = [
      ['en', [a, b, c], [a, ', ', b, ', and ', c]],
      ['en', [a, b], [a, ' and ', b]],
      ['en', [a], [a]],
      ['en', [], []],
      ['de', [a, b, c], [a, ', ', b, ' und ', c]],
      ['ar', [a, b, c], [a, ' و', b, ' و', c]],
      ['fa', [a, b, c], [a, '،\u200f ', b, '، و ', c]],
    ];
    for (const [lang, items, expected] of cases) {
      it(`splits ${items.length} items in ${lang}, keeping the items themselves`, () => {
        const parts = listParts(items, lang);
        expect(parts).to.deep.equal(expected);
        // The very objects, not copies: a caller renders them as links.
        for (const part of parts) if (typeof part !== 'string') expect(items).to.include(part);
      });
    }

    it('joins with a unit list when asked (no conjunction in English)', () => {
      expect(listParts([a, b], 'en', 'unit')).to.deep.equal([a, ', ', b]);
    });

    it('keeps order and identity when items are equal', () => {
      const twin = { name: 'A' };
      expect(listParts([a, twin], 'en')).to.deep.equal([a, ' and ', twin]);
      expect(listParts([a, twin], 'en')[2]).to.equal(twin);
    });
  });

  describe('safeHttpUrl', () => {
    const cases: Array<[string | null | undefined, string | null]> = [
      ['https://example.com/a?b=1#c', 'https://example.com/a?b=1#c'],
      ['http://example.com', 'http://example.com'],
      ['HTTPS://EXAMPLE.COM', 'HTTPS://EXAMPLE.COM'],
      ['  https://example.com/x  ', 'https://example.com/x'],
      ['/world/iran-warned-russia', '/world/iran-warned-russia'],
      ['../photo.jpg', '../photo.jpg'],
      ['//cdn.example.com/x.jpg', '//cdn.example.com/x.jpg'],
      ['javascript:alert(1)', null],
      ['JavaScript:alert(1)', null],
      [' javascript:alert(1)', null],
      ['java\tscript:alert(1)', null],
      ['data:text/html,<script>alert(1)</script>', null],
      ['vbscript:msgbox(1)', null],
      ['mailto:desk@example.com', null],
      ['ftp://example.com/file', null],
      ['http://[not a host', null],
      ['', null],
      [null, null],
      [undefined, null],
    ];
    for (const [input, expected] of cases) {
      it(`${expected === null ? 'rejects' : 'accepts'} ${JSON.stringify(input)}`, () => {
        expect(safeHttpUrl(input)).to.equal(expected);
      });
    }

    it('resolves relative URLs against the given base', () => {
      expect(safeHttpUrl('x.jpg', 'https://news.example/world/')).to.equal('x.jpg');
      expect(safeHttpUrl('x.jpg', 'file:///tmp/')).to.equal(null);
    });
  });
});
