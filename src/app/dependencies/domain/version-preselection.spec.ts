import { renderVcdKeConfig } from '../testing/reference-data';
import { CatalogWarningCode } from './codes';
import { CseVersion } from './cse-releases';
import { ConfiguredVersions, preselectCseRelease, readConfiguredVersions, versionMatches } from './version-preselection';

/** The four variables of the VCDKEConfig template, as terraform-provider-vcd's tfvars set them. */
interface TemplateValues {
  readonly capvcd_version: string;
  readonly cpi_version: string;
  readonly csi_version: string;
  readonly rde_projector_version: string;
}

const exactCases: readonly { readonly values: TemplateValues; readonly release: CseVersion }[] = [
  { values: { capvcd_version: '1.1.0', cpi_version: '1.4.0', csi_version: '1.4.0', rde_projector_version: '0.6.0' }, release: '4.1.x' },
  { values: { capvcd_version: '1.1.1', cpi_version: '1.4.1', csi_version: '1.4.1', rde_projector_version: '0.6.0' }, release: '4.1.x' },
  { values: { capvcd_version: '1.2.0', cpi_version: '1.5.0', csi_version: '1.5.0', rde_projector_version: '0.7.0' }, release: '4.2.0' },
  { values: { capvcd_version: '1.3.0', cpi_version: '1.6.0', csi_version: '1.6.0', rde_projector_version: '0.7.0' }, release: '4.2.1' },
  { values: { capvcd_version: '1.3.0', cpi_version: '1.6.0', csi_version: '1.6.0', rde_projector_version: '0.7.1' }, release: '4.2.2' },
  { values: { capvcd_version: '1.3.2', cpi_version: '1.6.1', csi_version: '1.6.0', rde_projector_version: '0.7.1' }, release: '4.2.3' },
];

interface PartialCase {
  readonly name: string;
  readonly configured: ConfiguredVersions;
  readonly release?: CseVersion;
  readonly warnings: readonly { readonly code: CatalogWarningCode; readonly params?: Readonly<Record<string, string>> }[];
}

const partialCases: readonly PartialCase[] = [
  {
    name: 'a CPI patch the table does not know',
    configured: { capvcd: 'v1.3.0', cpi: '1.6.1', csi: '1.6.0', rdeProjector: '0.7.0' },
    release: '4.2.1',
    warnings: [{ code: 'mismatch', params: { release: '4.2.1', components: 'CPI' } }],
  },
  {
    name: 'a newer CAPVCD with older drivers',
    configured: { capvcd: 'v1.3.2', cpi: '1.5.0' },
    release: '4.2.3',
    warnings: [{ code: 'mismatch', params: { release: '4.2.3', components: 'CPI' } }],
  },
  {
    name: 'two components off',
    configured: { capvcd: 'v1.3.2', cpi: '1.4.0', csi: '1.5.0', rdeProjector: '0.7.1' },
    release: '4.2.3',
    warnings: [{ code: 'mismatch', params: { release: '4.2.3', components: 'CPI, CSI' } }],
  },
  {
    name: 'components that fit two releases equally',
    configured: { capvcd: 'v1.2.0', cpi: '1.6.0', csi: '1.6.0', rdeProjector: '0.6.0' },
    release: '4.2.2',
    warnings: [
      { code: 'mismatch', params: { release: '4.2.2', components: 'CAPVCD, RDE Projector' } },
      { code: 'ambiguous', params: { release: '4.2.2', releases: '4.2.1, 4.2.2' } },
    ],
  },
  {
    name: 'no RDE projector to tell 4.2.1 from 4.2.2',
    configured: { capvcd: 'v1.3.0', cpi: '1.6.0', csi: '1.6.0' },
    release: '4.2.2',
    warnings: [{ code: 'ambiguous', params: { release: '4.2.2', releases: '4.2.1, 4.2.2' } }],
  },
  {
    name: 'versions of no known release',
    configured: { capvcd: 'v2.0.0', cpi: '2.0.0', csi: '2.0.0', rdeProjector: '1.0.0' },
    warnings: [{ code: 'noMatch', params: { versions: 'CAPVCD v2.0.0, CPI 2.0.0, CSI 2.0.0, RDE Projector 1.0.0' } }],
  },
  { name: 'no version at all', configured: {}, warnings: [{ code: 'noVersions' }] },
];

describe('preselectCseRelease', () => {
  describe('when VCDKEConfig holds the versions of a release', () => {
    for (const { values, release } of exactCases) {
      it(`picks CSE ${release} for CAPVCD v${values.capvcd_version}, CPI ${values.cpi_version}, CSI ${values.csi_version}, projector ${values.rde_projector_version}`, () => {
        const configured = readConfiguredVersions(renderVcdKeConfig({ ...values }));
        expect(preselectCseRelease(configured)).toEqual({ release, isExact: true, configured, differences: [], warnings: [] });
      });
    }
  });

  describe('when no release matches every version', () => {
    for (const { name, configured, release, warnings } of partialCases) {
      it(`${release ? `offers ${release}` : 'offers nothing'} for ${name}`, () => {
        const result = preselectCseRelease(configured);
        expect(result.release).toBe(release);
        expect(result.warnings).toEqual(warnings);
      });
    }

    it('lists each difference with what the release expects', () => {
      const result = preselectCseRelease({ capvcd: 'v1.3.0', cpi: '1.6.1', csi: '1.6.0', rdeProjector: '0.7.0' });
      expect(result.isExact).toBeFalse();
      expect(result.differences).toEqual([{ component: 'cpi', configured: '1.6.1', expected: '1.6.0' }]);
    });

    it('shows the range the table gives for 4.1.x', () => {
      const result = preselectCseRelease({ capvcd: 'v1.1.1', cpi: '1.4.1', csi: '1.5.0', rdeProjector: '0.6.0' });
      expect(result.release).toBe('4.1.x');
      expect(result.differences).toEqual([{ component: 'csi', configured: '1.5.0', expected: '1.4.x' }]);
    });
  });
});

describe('readConfiguredVersions', () => {
  it('reads the four versions where CSE 4.2 keeps them, CAPVCD with its v', () => {
    const entity = renderVcdKeConfig({
      capvcd_version: '1.3.0',
      cpi_version: '1.6.0',
      csi_version: '1.6.0',
      rde_projector_version: '0.7.0',
    });
    expect(readConfiguredVersions(entity)).toEqual({ capvcd: 'v1.3.0', cpi: '1.6.0', csi: '1.6.0', rdeProjector: '0.7.0' });
  });

  it('reads a whole DefinedEntity as the cloudapi returns it', () => {
    const entity = renderVcdKeConfig({
      capvcd_version: '1.2.0',
      cpi_version: '1.5.0',
      csi_version: '1.5.0',
      rde_projector_version: '0.7.0',
    });
    expect(readConfiguredVersions({ id: 'urn:vcloud:entity:vmware:VCDKEConfig:1', name: 'vcdKeConfig', entity }).cpi).toBe('1.5.0');
  });

  const empty: readonly { readonly name: string; readonly entity: unknown }[] = [
    { name: 'the template with blank variables', entity: renderVcdKeConfig({}) },
    { name: 'null', entity: null },
    { name: 'a string', entity: 'vcdKeConfig' },
    { name: 'no profiles', entity: { profiles: [] } },
    { name: 'versions of the wrong type', entity: { profiles: [{ K8Config: { cpi: { version: 1.6 }, csi: { version: '1.6.0' } } }] } },
  ];

  for (const { name, entity } of empty) {
    it(`reads nothing from ${name}`, () => {
      expect(readConfiguredVersions(entity)).toEqual({});
    });
  }
});

describe('versionMatches', () => {
  const cases: readonly [string, string, boolean][] = [
    ['v1.3.0', '1.3.0', true],
    ['1.3.0', '1.3.0', true],
    ['V1.3.0', 'v1.3.0', true],
    ['v1.1.1', '1.1.x', true],
    ['v1.1.10', '1.1.x', true],
    ['1.1', '1.1.x', false],
    ['1.1.x', '1.1.x', false],
    ['1.1.1-rc.1', '1.1.x', false],
    ['1.3.0.1', '1.3.0', false],
  ];

  for (const [version, pattern, expected] of cases) {
    it(`${expected ? 'matches' : 'does not match'} ${version} against ${pattern}`, () => {
      expect(versionMatches(version, pattern)).toBe(expected);
    });
  }
});
