import { buildCatalog } from './catalog';
import { CSE_VERSIONS } from './cse-releases';
import { destinationUnderBase } from './destination-rules';
import { LONGEST_PATH_UNDER_BASE, MAX_BASE_LENGTH, longestDerivedName } from './longest-derived';
import { supportedTkrs } from './tkg-releases';

describe('longestDerivedName', () => {
  it('is the CSI node driver registrar sidecar under vmware-cloud-director/sig-storage', () => {
    expect(LONGEST_PATH_UNDER_BASE).toBe('vmware-cloud-director/sig-storage/csi-node-driver-registrar');
    expect(LONGEST_PATH_UNDER_BASE.length).toBe(59);
  });

  it('is at least as long as every repository of every built-in catalog', () => {
    for (const version of CSE_VERSIONS) {
      const catalog = buildCatalog(
        version,
        supportedTkrs(version).map((release) => release.tkr),
      );
      for (const entry of catalog) {
        const path = (destinationUnderBase(entry.image) ?? '').split(':')[0] ?? '';
        expect(path.length).toBeLessThanOrEqual(LONGEST_PATH_UNDER_BASE.length);
      }
    }
  });

  const rows: readonly (readonly [string, number])[] = [
    ['harbor.corp.local/cse', 81],
    ['h/p', 63],
  ];
  for (const [base, length] of rows) {
    it(`derives a ${length}-character name from ${base}`, () => {
      expect(longestDerivedName(base)).toEqual({ name: `${base}/${LONGEST_PATH_UNDER_BASE}`, length });
    });
  }

  it('allows bases up to 195 characters', () => {
    expect(MAX_BASE_LENGTH).toBe(195);
    expect(longestDerivedName('a'.repeat(MAX_BASE_LENGTH)).length).toBe(255);
  });
});
