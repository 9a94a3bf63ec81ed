import { pluginLocale } from './plugin-locale';

describe('pluginLocale', () => {
  const cases: [string | null | undefined, string][] = [
    ['en', 'en'],
    ['fr', 'fr'],
    ['fr-FR', 'fr'],
    ['fr_CA', 'fr'],
    ['FR', 'fr'],
    ['en-US', 'en'],
    ['de', 'en'],
    ['zh-Hans', 'en'],
    ['', 'en'],
    [null, 'en'],
    [undefined, 'en'],
  ];
  for (const [host, expected] of cases) {
    it(`shows ${expected} for the host locale ${JSON.stringify(host)}`, () => {
      expect(pluginLocale(host)).toBe(expected);
    });
  }
});
