import { expect } from '@open-wc/testing';
import type { CommentDraft } from '../../src/core/comment/model.js';
import {
  commentLength,
  isValidEmail,
  isValidUrl,
  normalizeEmail,
  normalizeUrl,
  validateDraft,
} from '../../src/core/comment/validate.js';

const draft = (fields: Partial<CommentDraft> = {}): CommentDraft => ({
  content: 'A thoughtful comment.',
  name: 'Leila',
  email: 'leila@example.com',
  url: '',
  ...fields,
});
const strict = { requireNameEmail: true, maxlength: 65525 };
const lenient = { requireNameEmail: false, maxlength: 65525 };

describe('core/comment/validate', () => {
  describe('commentLength counts UTF-8 bytes, as WordPress (mb_strlen 8bit)', () => {
    const cases: Array<[string, number]> = [
      ['', 0],
      ['abc', 3],
      ['é', 2],
      ['سلام', 8],
      ['😀', 4],
      ['a\nb', 3],
    ];
    for (const [text, bytes] of cases) {
      it(`${JSON.stringify(text)} → ${bytes}`, () => expect(commentLength(text)).to.equal(bytes));
    }
  });

  describe('validateDraft', () => {
    const cases: Array<[string, CommentDraft, typeof strict, object]> = [
      ['a complete draft passes', draft(), strict, {}],
      ['empty content is required', draft({ content: '' }), strict, { content: 'required' }],
      ['white-space-only content is required', draft({ content: ' \n\t\u00a0 ' }), strict, { content: 'required' }],
      ['content at the byte limit passes', draft({ content: 'a'.repeat(10) }), { requireNameEmail: true, maxlength: 10 }, {}],
      ['content over the byte limit is too long', draft({ content: 'a'.repeat(11) }), { requireNameEmail: true, maxlength: 10 }, { content: 'too-long' }],
      ['5 two-byte letters fit in 10 bytes', draft({ content: 'ééééé' }), { requireNameEmail: true, maxlength: 10 }, {}],
      ['6 two-byte letters (6 characters) exceed 10 bytes', draft({ content: 'éééééé' }), { requireNameEmail: true, maxlength: 10 }, { content: 'too-long' }],
      ['a non-positive maxlength means no limit', draft({ content: 'a'.repeat(100) }), { requireNameEmail: true, maxlength: 0 }, {}],
      ['name required', draft({ name: '' }), strict, { name: 'required' }],
      ['white-space name required', draft({ name: '   ' }), strict, { name: 'required' }],
      ['email required', draft({ email: '' }), strict, { email: 'required' }],
      ['name and email optional when not required', draft({ name: '', email: '' }), lenient, {}],
      ['a bad email is refused even when optional', draft({ email: 'leila@' }), lenient, { email: 'email' }],
      ['name over 245 bytes is too long', draft({ name: 'ن'.repeat(123) }), strict, { name: 'too-long' }],
      ['name of 245 bytes passes', draft({ name: 'a'.repeat(245) }), strict, {}],
      ['email over 100 bytes is too long', draft({ email: `${'a'.repeat(90)}@example.com` }), strict, { email: 'too-long' }],
      ['a bare domain website passes', draft({ url: 'example.com/blog' }), strict, {}],
      ['an https website passes', draft({ url: 'https://example.com/' }), strict, {}],
      ['a javascript: website is refused', draft({ url: 'javascript:alert(1)' }), strict, { url: 'url' }],
      ['an ftp website is refused', draft({ url: 'ftp://example.com/' }), strict, { url: 'url' }],
      ['words are not a website', draft({ url: 'my blog' }), strict, { url: 'url' }],
      ['website over 200 bytes is too long', draft({ url: `https://example.com/${'a'.repeat(190)}` }), strict, { url: 'too-long' }],
      [
        'every problem at once',
        { content: '', name: '', email: 'nope', url: 'javascript:x' },
        strict,
        { content: 'required', name: 'required', email: 'email', url: 'url' },
      ],
    ];
    for (const [title, input, options, expected] of cases) {
      it(title, () => expect(validateDraft(input, options)).to.deep.equal(expected));
    }

    it('lists problems in the order the fields appear', () => {
      const result = validateDraft({ content: '', name: '', email: '', url: 'x y' }, strict);
      expect(Object.keys(result)).to.deep.equal(['content', 'name', 'email', 'url']);
    });
  });

  describe('isValidEmail (WordPress is_email, plus IDN domains)', () => {
    const valid = [
      'a@b.co',
      'john.doe+tag@example.com',
      "o'hara@example.ie",
      'x_y-z@sub.example.co.uk',
      '  leila@example.com  ',
      'user@xn--bcher-kva.de',
      'user@bücher.de',
      'ali@مثال.ایران',
    ];
    const invalid = [
      '',
      'a@b.c', // shorter than 6
      'abc.example.com', // no @
      '@example.com', // @ first
      'a b@example.com',
      'a@exa mple.com',
      'a@example', // one label
      'a@-example.com',
      'a@example-.com',
      'a@example..com',
      'a@.example.com',
      'a@example.com.',
      'jöhn@example.com', // WordPress allows only ASCII before @
      'a@b@example.com',
      'a@exa_mple.com',
    ];
    for (const email of valid) it(`accepts ${JSON.stringify(email)}`, () => expect(isValidEmail(email)).to.equal(true));
    for (const email of invalid) it(`refuses ${JSON.stringify(email)}`, () => expect(isValidEmail(email)).to.equal(false));
  });

  describe('normalizeEmail', () => {
    const cases: Array<[string, string]> = [
      ['  leila@example.com ', 'leila@example.com'],
      ['user@bücher.de', 'user@xn--bcher-kva.de'],
      ['not an email', 'not an email'],
    ];
    for (const [input, output] of cases) it(`${JSON.stringify(input)} → ${output}`, () => expect(normalizeEmail(input)).to.equal(output));
  });

  describe('normalizeUrl (esc_url_raw adds http://)', () => {
    const cases: Array<[string, string]> = [
      ['', ''],
      ['   ', ''],
      ['example.com', 'http://example.com'],
      ['example.com:8080/x', 'http://example.com:8080/x'],
      ['//example.com/a', 'http://example.com/a'],
      [' https://example.com/ ', 'https://example.com/'],
      ['HTTP://EXAMPLE.COM', 'HTTP://EXAMPLE.COM'],
      ['javascript:alert(1)', 'javascript:alert(1)'],
      ['mailto:a@b.co', 'mailto:a@b.co'],
    ];
    for (const [input, output] of cases) it(`${JSON.stringify(input)} → ${output}`, () => expect(normalizeUrl(input)).to.equal(output));
  });

  describe('isValidUrl', () => {
    const valid = ['example.com', 'https://example.com/a?b#c', 'http://localhost:8080/', 'http://[::1]/', 'https://bücher.de/'];
    const invalid = ['', 'http://', 'https://example', 'http://.example.com', 'data:text/html,x', 'mailto:a@b.co', 'https://exa mple.com'];
    for (const url of valid) it(`accepts ${JSON.stringify(url)}`, () => expect(isValidUrl(url)).to.equal(true));
    for (const url of invalid) it(`refuses ${JSON.stringify(url)}`, () => expect(isValidUrl(url)).to.equal(false));
  });
});
