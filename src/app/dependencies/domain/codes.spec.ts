import { CATALOG_WARNING_CODES, FILE_REJECTION_CODES, LINE_PROBLEM_CODES, dependencyMessageKey } from './codes';

describe('dependencyMessageKey', () => {
  const cases: readonly [Parameters<typeof dependencyMessageKey>[0], string][] = [
    ['tooManyFields', 'dependencies.parse.tooManyFields'],
    ['binary', 'dependencies.parse.binary'],
    ['mismatch', 'dependencies.catalog.mismatch'],
    ['unmapped', 'dependencies.catalog.unmapped'],
  ];

  for (const [code, key] of cases) {
    it(`names ${key} for ${code}`, () => {
      expect(dependencyMessageKey(code)).toBe(key);
    });
  }

  it('gives every code its own key', () => {
    const codes = [...LINE_PROBLEM_CODES, ...FILE_REJECTION_CODES, ...CATALOG_WARNING_CODES];
    expect(new Set(codes.map(dependencyMessageKey)).size).toBe(codes.length);
  });
});
