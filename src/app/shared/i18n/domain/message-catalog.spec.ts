import { MessageCatalog } from './message-catalog';
import { prepareMessage } from './prepare-messages';

const COUNT = prepareMessage('en', '{n, plural, one {# image} other {# images}}');

describe('MessageCatalog', () => {
  function frenchCatalog(): MessageCatalog {
    const catalog = new MessageCatalog('fr', 'en');
    catalog.add({
      en: {
        'app.title': 'Air gap',
        'app.only': 'English only',
        'app.count': COUNT,
        'app.empty': '',
      },
      fr: { 'app.title': 'Isolement', 'app.count': prepareMessage('fr', '{n, plural, one {# image} other {# images}}'), 'app.empty': '' },
    });
    return catalog;
  }

  describe('when the preferred locale has the key', () => {
    it('shows its message', () => {
      expect(frenchCatalog().translate('app.title')).toBe('Isolement');
    });

    it('formats it with named parameters', () => {
      expect(frenchCatalog().translate('app.count', [{ n: 0 }])).toBe('0 image');
    });
  });

  describe('when only the fallback locale has the key', () => {
    it('shows the fallback message', () => {
      expect(frenchCatalog().translate('app.only')).toBe('English only');
    });
  });

  describe('when no locale has the key', () => {
    const missing: readonly (readonly [what: string, key: string])[] = [
      ['an unknown key', 'app.unknown'],
      ['a key whose messages are empty', 'app.empty'],
    ];
    for (const [what, key] of missing) {
      it(`shows ${what} as "?key"`, () => {
        expect(frenchCatalog().translate(key)).toBe(`?${key}`);
      });
    }

    it('shows "?key" before any messages arrive', () => {
      expect(new MessageCatalog('en').translate('app.title')).toBe('?app.title');
    });
  });

  describe('when messages are added again', () => {
    it('shows the newer message for a key already formatted', () => {
      const catalog = frenchCatalog();
      expect(catalog.translate('app.title')).toBe('Isolement');
      catalog.add({ fr: { 'app.title': 'Air gap (fr)' } });
      expect(catalog.translate('app.title')).toBe('Air gap (fr)');
    });

    it('keeps the other keys', () => {
      const catalog = frenchCatalog();
      catalog.add({ fr: { 'app.new': 'Nouveau' } });
      expect([catalog.translate('app.new'), catalog.translate('app.title')]).toEqual(['Nouveau', 'Isolement']);
    });

    it('shows text as it is, braces included (the asset build resolved its quotes)', () => {
      const catalog = frenchCatalog();
      catalog.add({ fr: { 'app.literal': 'Entrez {host}' } });
      expect(catalog.translate('app.literal', [{ host: 'h' }])).toBe('Entrez {host}');
    });

    it('shows tokens of no known kind as "?key", and the other keys still', () => {
      const catalog = frenchCatalog();
      catalog.add({ fr: { 'app.broken': [{ type: 'script', arg: 'x' }] as never } });
      expect([catalog.translate('app.broken'), catalog.translate('app.title')]).toEqual(['?app.broken', 'Isolement']);
    });

    it('ignores values that are neither text nor tokens', () => {
      const catalog = frenchCatalog();
      catalog.add({ fr: { 'app.title': 42 as unknown as string }, de: undefined });
      expect(catalog.translate('app.title')).toBe('Isolement');
    });
  });

  describe('when parameters are positional', () => {
    it('fills {0} and {1}, numbers without grouping', () => {
      const catalog = new MessageCatalog('en');
      catalog.add({ en: { 'app.pair': prepareMessage('en', '{0} of {1}') } });
      expect(catalog.translate('app.pair', ['one', 12345.5])).toBe('one of 12345.5');
    });
  });
});
