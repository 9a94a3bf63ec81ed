import { MessageParams, UnsupportedMessageError } from './message-format';
import { compileMessage } from './prepare-messages';

/** Intl's French separators: a narrow no-break space between thousands, a no-break space before %. */
const NNBSP = '\u202f';
const NBSP = '\u00a0';

describe('compileMessage', () => {
  type Case = readonly [what: string, locale: string, source: string, params: MessageParams, expected: string];

  function check(cases: readonly Case[]): void {
    for (const [what, locale, source, params, expected] of cases) {
      it(`${what} (${locale}: ${JSON.stringify(params)})`, () => {
        expect(compileMessage(locale, source)(params)).toBe(expected);
      });
    }
  }

  describe('when the message has text and arguments', () => {
    check([
      ['writes plain text as it is', 'en', 'Registry settings', {}, 'Registry settings'],
      ['writes an empty message as nothing', 'en', '', {}, ''],
      ['puts an argument in its place', 'en', 'Pull from {host} now', { host: 'harbor.example' }, 'Pull from harbor.example now'],
      ['writes a number argument without formatting it', 'en', '{size} bytes', { size: 1234567.5 }, '1234567.5 bytes'],
      ['writes a message that is one argument', 'en', '{digest}', { digest: 'sha256:ab' }, 'sha256:ab'],
      ['writes a missing argument as "undefined"', 'en', 'Pull from {host}', {}, 'Pull from undefined'],
    ]);
  });

  describe('when an argument is a number', () => {
    check([
      ['groups thousands the English way', 'en', '{n, number} MB', { n: 1234567.5 }, '1,234,567.5 MB'],
      ['groups thousands the French way', 'fr', '{n, number} Mo', { n: 1234567.5 }, `1${NNBSP}234${NNBSP}567,5 Mo`],
      ['reads a number given as text', 'en', '{n, number}', { n: '1000' }, '1,000'],
      ['writes a missing number as NaN', 'en', '{n, number}', {}, 'NaN'],
      ['rounds an integer style', 'en', '{n, number, integer}', { n: 2.7 }, '3'],
      ['writes a percent style', 'en', '{p, number, percent}', { p: 0.25 }, '25%'],
      ['writes a French percent style', 'fr', '{p, number, percent}', { p: 0.25 }, `25${NBSP}%`],
    ]);
  });

  describe('when the message has a plural', () => {
    const images = '{n, plural, one {# image} other {# images}}';
    const exact = '{n, plural, =0 {no image} =1 {the image} one {# image} other {# images}}';
    const offset = '{n, plural, offset:1 =0 {nobody} =1 {you} one {you and # other} other {you and # others}}';
    check([
      ['takes "one" for 1 in English', 'en', images, { n: 1 }, '1 image'],
      ['takes "other" for 0 in English', 'en', images, { n: 0 }, '0 images'],
      ['takes "one" for 0 in French', 'fr', images, { n: 0 }, '0 image'],
      ['takes "one" for 1.5 in French', 'fr', images, { n: 1.5 }, '1,5 image'],
      ['takes "other" for 2 in French', 'fr', images, { n: 2 }, '2 images'],
      ['writes # as a grouped number', 'en', images, { n: 1000 }, '1,000 images'],
      ['writes # as a French number', 'fr', images, { n: 1234567.5 }, `1${NNBSP}234${NNBSP}567,5 images`],
      ['prefers an exact case to a category', 'en', exact, { n: 1 }, 'the image'],
      ['finds an exact case for 0', 'en', exact, { n: 0 }, 'no image'],
      ['finds an exact case for a number given as text', 'en', exact, { n: '0' }, 'no image'],
      ['falls to a category without an exact case', 'en', exact, { n: 5 }, '5 images'],
      ['takes "other" for a missing argument', 'en', images, {}, 'NaN images'],
      ['matches an exact case before the offset', 'en', offset, { n: 1 }, 'you'],
      ['picks the category after the offset', 'en', offset, { n: 2 }, 'you and 1 other'],
      ['writes # after the offset', 'en', offset, { n: 5 }, 'you and 4 others'],
      [
        'keeps # of the plural inside a nested select',
        'en',
        '{n, plural, other {{kind, select, tag {# tags} other {# things}}}}',
        { n: 2, kind: 'tag' },
        '2 tags',
      ],
      [
        'lets # of an inner plural name the inner argument',
        'en',
        '{a, plural, other {# in {b, plural, one {# group} other {# groups}}}}',
        { a: 3, b: 1 },
        '3 in 1 group',
      ],
      ['writes # outside a plural as it is', 'en', 'Item #{n}', { n: 5 }, 'Item #5'],
    ]);
  });

  describe('when the message has a selectordinal', () => {
    const place = '{n, selectordinal, one {#st} two {#nd} few {#rd} other {#th}}';
    check([
      ['takes "one" for 1', 'en', place, { n: 1 }, '1st'],
      ['takes "two" for 22', 'en', place, { n: 22 }, '22nd'],
      ['takes "few" for 3', 'en', place, { n: 3 }, '3rd'],
      ['takes "other" for 11', 'en', place, { n: 11 }, '11th'],
      ['takes the French "one" for 1', 'fr', '{n, selectordinal, one {#er} other {#e}}', { n: 1 }, '1er'],
      ['takes the French "other" for 2', 'fr', '{n, selectordinal, one {#er} other {#e}}', { n: 2 }, '2e'],
    ]);
  });

  describe('when the message has a select', () => {
    const kind = '{kind, select, tag {a tag} digest {a digest} other {a reference}}';
    check([
      ['takes the matching case', 'en', kind, { kind: 'digest' }, 'a digest'],
      ['falls back to "other" for an unknown value', 'en', kind, { kind: 'branch' }, 'a reference'],
      ['falls back to "other" for a missing value', 'en', kind, {}, 'a reference'],
      ['takes a case named by a boolean', 'en', '{ok, select, true {yes} other {no}}', { ok: true }, 'yes'],
    ]);
  });

  describe('when the message quotes with apostrophes', () => {
    check([
      ['writes a doubled apostrophe as one', 'fr', "l''image {name}", { name: 'nginx' }, "l'image nginx"],
      ['keeps a lone apostrophe in a word', 'en', "it's {name}", { name: 'ready' }, "it's ready"],
      ['writes quoted braces as text', 'en', "'{literal}' {x}", { x: 1 }, '{literal} 1'],
      ['writes a quoted # as text in a plural', 'en', "{n, plural, other {'#' #}}", { n: 2 }, '# 2'],
      [
        'quotes inside plural cases',
        'fr',
        "{n, plural, one {l''image de l''organisation} other {les # images de l''organisation}}",
        { n: 3 },
        "les 3 images de l'organisation",
      ],
    ]);
  });

  describe('when the message cannot be formatted', () => {
    const invalid: readonly (readonly [what: string, source: string])[] = [
      ['a date argument', 'Expires {when, date}'],
      ['a plural without "other"', '{n, plural, one {# image}}'],
      ['a select without "other"', '{kind, select, tag {a tag}}'],
      ['a plural category English does not have', '{n, plural, few {#} other {#}}'],
      ['an unclosed argument', 'Pull from {host'],
      ['an unknown number style', '{n, number, currency}'],
    ];
    for (const [what, source] of invalid) {
      it(`refuses ${what}`, () => {
        expect(() => compileMessage('en', source)).toThrowError();
      });
    }

    it('names the unsupported formatter', () => {
      expect(() => compileMessage('en', 'Expires {when, date}')).toThrowError(UnsupportedMessageError, /date/);
    });
  });

  it('formats a long message in one pass', () => {
    const source = `${"''".repeat(50_000)}{n, plural, other {# ${'x'.repeat(50_000)}}}`;
    const text = compileMessage('en', source)({ n: 1 });
    expect(text.length).toBe(50_000 + 2 + 50_000);
  });
});
