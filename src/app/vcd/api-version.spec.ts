import { negotiateApiVersion, parseVersions } from './api-version';

describe('negotiateApiVersion', () => {
  const cases: { offered: string[]; expected: string | undefined; why: string }[] = [
    { offered: ['36.0', '37.0', '38.0', '38.1', '39.0'], expected: '39.0', why: 'VCD 10.6 → 39.0' },
    { offered: ['35.0', '36.0', '37.0', '37.1', '37.2'], expected: '37.0', why: 'VCD 10.4 → its highest version we know' },
    { offered: ['38.0', '39.0', '40.0'], expected: '39.0', why: 'a newer VCD → the highest we were written for' },
    { offered: ['39.0', '37.0', '38.0'], expected: '39.0', why: 'any order' },
    { offered: ['33.0', '34.0'], expected: undefined, why: 'an old VCD → none' },
    { offered: [], expected: undefined, why: 'nothing offered → none' },
  ];
  for (const { offered, expected, why } of cases) {
    it(`picks ${expected ?? 'nothing'} from [${offered.join(', ')}]: ${why}`, () => {
      expect(negotiateApiVersion(offered.map((version) => ({ version })))).toBe(expected);
    });
  }

  it('compares versions as numbers, not text', () => {
    expect(negotiateApiVersion([{ version: '9.0' }, { version: '10.0' }], ['9.0', '10.0'])).toBe('10.0');
  });
});

describe('parseVersions', () => {
  it("reads VCD's versionInfo list", () => {
    const body = {
      versionInfo: [
        { version: '38.0', deprecated: true },
        { version: '39.0', deprecated: false },
      ],
    };
    expect(parseVersions(body)).toEqual([
      { version: '38.0', deprecated: true },
      { version: '39.0', deprecated: false },
    ]);
  });

  it('ignores entries without a version and bodies of another shape', () => {
    expect(parseVersions({ versionInfo: [{ deprecated: false }, { version: 39 }] })).toEqual([]);
    expect(parseVersions('<SupportedVersions/>')).toEqual([]);
    expect(parseVersions(null)).toEqual([]);
  });
});
