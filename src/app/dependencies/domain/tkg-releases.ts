/*
 * The Kubernetes releases (TKRs) CSE can build clusters from, one per TKG OVA, read from
 * go-vcloud-director's map (reference/tkg_versions.json), and which TKG lines each CSE release
 * supports. The user picks the TKRs they offer; the catalog mirrors only those.
 */
import tkgVersionsJson from '../../../../reference/tkg_versions.json';
import { FactSource } from './codes';
import type { CseVersion } from './cse-releases';

export interface TkgRelease {
  /** The OVA's VERSION property, the map's key: v1.28.4+vmware.1-tkg.1-<hash>. */
  readonly ova: string;
  /** The TKR name, unique per OVA: v1.28.4---vmware.1-tkg.1-rc.5. What the user picks. */
  readonly tkr: string;
  /** TKG line, e.g. v2.5.0. */
  readonly tkg: string;
  /** v1.28.4+vmware.1: the part of the key before the first dash, as go-vcloud-director reads it. */
  readonly kubernetes: string;
  readonly etcd: string;
  readonly coreDns: string;
}

export const TKG_VERSIONS_SOURCE = 'reference/tkg_versions.json';

/** The entries of a tkg_versions.json-shaped value; entries missing a field are left out. */
export function readTkgVersions(json: unknown): TkgRelease[] {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    return [];
  }
  return Object.entries(json).flatMap(([ova, value]) => {
    const fields = typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
    const { tkg, tkr, etcd, coreDns } = fields;
    const kubernetes = ova.split('-')[0] ?? '';
    const complete = [tkg, tkr, etcd, coreDns].every((field) => typeof field === 'string' && field !== '');
    return complete && kubernetes.startsWith('v')
      ? [{ ova, tkr: String(tkr), tkg: String(tkg), kubernetes, etcd: String(etcd), coreDns: String(coreDns) }]
      : [];
  });
}

export const TKG_RELEASES: readonly TkgRelease[] = readTkgVersions(tkgVersionsJson);

export interface TkgSupport {
  readonly cse: CseVersion;
  /** TKG lines, as tkg_versions.json spells them. */
  readonly tkg: readonly string[];
  readonly source: FactSource;
}

const CAPVCD_README = 'https://github.com/vmware/cluster-api-provider-cloud-director/blob';

/*
 * CSE is closed source and its release notes were not at hand, so each row takes the TKG lines
 * that the CAPVCD release the CSE release ships (docs/domain.md#component-versions) was qualified with, from that
 * CAPVCD tag's README. That CSE offers exactly what its CAPVCD supports is our inference.
 */
export const TKG_SUPPORT: readonly TkgSupport[] = [
  // CAPVCD 1.1.x also lists TKG 1.6.1, 1.5.4 and 1.4.3 (CSE 3.x/4.0 clusters it can still manage).
  { cse: '4.1.x', tkg: ['v2.2.0', 'v2.1.1', 'v1.6.1', 'v1.5.4', 'v1.4.3'], source: inferred('v1.1.1') },
  { cse: '4.2.0', tkg: ['v2.4.0', 'v2.3.1', 'v2.2.0', 'v2.1.1'], source: inferred('v1.2.0') },
  { cse: '4.2.1', tkg: ['v2.5.0', 'v2.4.0', 'v2.3.1', 'v2.2.0'], source: inferred('v1.3.0') },
  // Same CAPVCD as 4.2.1; the v1.3.2 README later added 2.5.2 to v1.3.0, and go-vcloud-director
  // PR #723 added the 2.5.2 OVAs to its map for "CSE 4.2.2 and 4.2.3".
  { cse: '4.2.2', tkg: ['v2.5.2', 'v2.5.0', 'v2.4.0', 'v2.3.1', 'v2.2.0'], source: inferred('v1.3.2') },
  { cse: '4.2.3', tkg: ['v2.5.2', 'v2.5.0', 'v2.4.0', 'v2.3.1', 'v2.2.0'], source: inferred('v1.3.2') },
];

function inferred(capvcdTag: string): FactSource {
  return { kind: 'inferred', ref: `${CAPVCD_README}/${capvcdTag}/README.md#tkg-versions` };
}

/** The TKRs a CSE release supports, newest Kubernetes first: what the UI offers to pick from. */
export function supportedTkrs(cse: CseVersion, releases: readonly TkgRelease[] = TKG_RELEASES): TkgRelease[] {
  const lines = TKG_SUPPORT.find((row) => row.cse === cse)?.tkg ?? [];
  return releases.filter((release) => lines.includes(release.tkg)).sort((a, b) => compareVersions(b.kubernetes, a.kubernetes));
}

export function findTkr(tkr: string, releases: readonly TkgRelease[] = TKG_RELEASES): TkgRelease | undefined {
  return releases.find((release) => release.tkr === tkr);
}

/** Numeric comparison of the leading dotted numbers (v1.28.4+vmware.1 → 1, 28, 4), then of the text. */
export function compareVersions(a: string, b: string): number {
  const numbers = (text: string): number[] => (/^v?(\d+(?:\.\d+)*)/.exec(text)?.[1] ?? '').split('.').map(Number);
  const left = numbers(a);
  const right = numbers(b);
  for (let index = 0; index < Math.max(left.length, right.length); index += 1) {
    const difference = (left[index] ?? 0) - (right[index] ?? 0);
    if (difference !== 0) {
      return difference;
    }
  }
  return a.localeCompare(b);
}
