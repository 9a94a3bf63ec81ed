import { compilePrepared } from './message-format';
import { prepareMessage, prepareMessages } from './prepare-messages';

describe('prepareMessage (what i18n.json ships)', () => {
  const TEXT: readonly (readonly [what: string, locale: string, source: string, shipped: string])[] = [
    ['plain text', 'en', 'Air gap', 'Air gap'],
    ['a French apostrophe', 'fr', "l'organisation", "l'organisation"],
    ['a doubled apostrophe', 'en', "it''s", "it's"],
    ['quoted braces', 'en', "Write '{host}' literally", 'Write {host} literally'],
    ['an empty message', 'en', '', ''],
  ];
  for (const [what, locale, source, shipped] of TEXT) {
    it(`ships ${what} as its text`, () => expect(prepareMessage(locale, source)).toBe(shipped));
  }

  it('ships a message with arguments as tokens without source positions', () => {
    const prepared = prepareMessage('en', 'Pull {image} from {n, plural, =0 {no host} one {# host} other {# hosts}}');
    expect(JSON.stringify(prepared)).not.toContain('ctx');
    expect(prepared).toEqual([
      { type: 'content', value: 'Pull ' },
      { type: 'argument', arg: 'image' },
      { type: 'content', value: ' from ' },
      {
        type: 'plural',
        arg: 'n',
        cases: [
          { key: '=0', tokens: [{ type: 'content', value: 'no host' }] },
          { key: 'one', tokens: [{ type: 'octothorpe' }, { type: 'content', value: ' host' }] },
          { key: 'other', tokens: [{ type: 'octothorpe' }, { type: 'content', value: ' hosts' }] },
        ],
      },
    ]);
  });

  it('keeps an offset and a number style', () => {
    const prepared = prepareMessage('en', '{n, plural, offset:1 other {# more}} {p, number, percent}');
    const shipped = JSON.parse(JSON.stringify(prepared)) as typeof prepared;
    expect(compilePrepared('en', shipped)({ n: 3, p: 0.5 })).toBe('2 more 50%');
  });

  it('refuses a plural case the locale does not have', () => {
    expect(() => prepareMessage('en', '{n, plural, few {#} other {#}}')).toThrowError();
  });

  it('prepares every message of a locale by key', () => {
    expect(prepareMessages('fr', { a: 'Un', b: '{n, number}' })).toEqual({ a: 'Un', b: [{ type: 'function', arg: 'n', key: 'number' }] });
  });
});
