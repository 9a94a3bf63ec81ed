/*
 * Which CSE release is installed, read from the versions VCDKEConfig records. CSE does not store
 * its own version there, so the release whose CAPVCD, CPI, CSI and RDE projector versions match
 * is preselected; the user can override it. A partial match is offered with a warning.
 */
import { CatalogWarningCode, MessageParams } from './codes';
import { CSE_RELEASES, CseRelease, CseVersion, VERSIONED_COMPONENTS, VersionedComponent } from './cse-releases';

export type ConfiguredVersions = Partial<Record<VersionedComponent, string>>;

export interface VersionDifference {
  readonly component: VersionedComponent;
  readonly configured: string;
  /** What the preselected release records, as the docs/domain.md#component-versions table writes it (x: any number). */
  readonly expected: string;
}

export interface CseVersionPreselection {
  /** Absent when no component matches any release. */
  readonly release?: CseVersion;
  /** Every recorded version matches the release. */
  readonly isExact: boolean;
  readonly configured: ConfiguredVersions;
  readonly differences: readonly VersionDifference[];
  readonly warnings: readonly { readonly code: CatalogWarningCode; readonly params?: MessageParams }[];
}

/** Product names, the same in every language, for the mismatch message. */
export const COMPONENT_LABELS: Readonly<Record<VersionedComponent, string>> = {
  capvcd: 'CAPVCD',
  cpi: 'CPI',
  csi: 'CSI',
  rdeProjector: 'RDE Projector',
};

/** Where VCDKEConfig keeps each version, under profiles[0]. */
const VERSION_PATHS: Readonly<Record<VersionedComponent, readonly (string | number)[]>> = {
  capvcd: ['bootstrapClusterConfig', 'capiEcosystem', 'infraProvider', 'version'],
  cpi: ['K8Config', 'cpi', 'version'],
  csi: ['K8Config', 'csi', 0, 'version'],
  rdeProjector: ['K8Config', 'rdeProjectorVersion'],
};

/**
 * The versions in a VCDKEConfig entity body, or in a whole DefinedEntity holding one. A value
 * without a digit (blank, or the lone v of an unfilled "v${capvcd_version}") counts as absent.
 */
export function readConfiguredVersions(entity: unknown): ConfiguredVersions {
  const body = at(entity, ['profiles']) === undefined ? at(entity, ['entity']) : entity;
  const profile = at(body, ['profiles', 0]);
  const versions: ConfiguredVersions = {};
  for (const component of VERSIONED_COMPONENTS) {
    const value = at(profile, VERSION_PATHS[component]);
    if (typeof value === 'string' && /\d/.test(value)) {
      versions[component] = value.trim();
    }
  }
  return versions;
}

export function preselectCseRelease(configured: ConfiguredVersions): CseVersionPreselection {
  const recorded = VERSIONED_COMPONENTS.filter((component) => configured[component] !== undefined);
  if (recorded.length === 0) {
    return { isExact: false, configured, differences: [], warnings: [{ code: 'noVersions' }] };
  }
  const scored = CSE_RELEASES.map((release) => ({
    release,
    matched: recorded.filter((component) => matches(release, component, configured)),
  }));
  const best = Math.max(...scored.map(({ matched }) => matched.length));
  // Among equals, those whose CAPVCD matches (it defines the cluster API), then the newest.
  const candidates = scored.filter(({ matched }) => matched.length === best);
  const withCapvcd = candidates.filter(({ matched }) => matched.includes('capvcd'));
  const top = withCapvcd.length > 0 ? withCapvcd : candidates;
  const chosen = best === 0 ? undefined : top[top.length - 1];
  if (chosen === undefined) {
    return { isExact: false, configured, differences: [], warnings: [{ code: 'noMatch', params: { versions: describe(configured) } }] };
  }
  const differences = recorded
    .filter((component) => !chosen.matched.includes(component))
    .map((component) => ({ component, configured: configured[component] ?? '', expected: chosen.release.accepts[component] }));
  const warnings: { code: CatalogWarningCode; params?: MessageParams }[] = [];
  if (differences.length > 0) {
    const components = differences.map(({ component }) => COMPONENT_LABELS[component]).join(', ');
    warnings.push({ code: 'mismatch', params: { release: chosen.release.version, components } });
  }
  if (top.length > 1) {
    warnings.push({
      code: 'ambiguous',
      params: { release: chosen.release.version, releases: top.map(({ release }) => release.version).join(', ') },
    });
  }
  return { release: chosen.release.version, isExact: differences.length === 0, configured, differences, warnings };
}

/** The version matches the release's pattern; a leading v is ignored on both sides. */
export function versionMatches(version: string, pattern: string): boolean {
  const wanted = pattern.replace(/^v/i, '').split('.');
  const given = version.replace(/^v/i, '').split('.');
  return (
    wanted.length === given.length &&
    wanted.every((part, index) => (part === 'x' ? /^\d+$/.test(given[index] ?? '') : part === given[index]))
  );
}

function matches(release: CseRelease, component: VersionedComponent, configured: ConfiguredVersions): boolean {
  const version = configured[component];
  return version !== undefined && versionMatches(version, release.accepts[component]);
}

function describe(configured: ConfiguredVersions): string {
  return VERSIONED_COMPONENTS.filter((component) => configured[component] !== undefined)
    .map((component) => `${COMPONENT_LABELS[component]} ${configured[component]}`)
    .join(', ');
}

function at(value: unknown, path: readonly (string | number)[]): unknown {
  let current = value;
  for (const key of path) {
    if (typeof key === 'number') {
      current = Array.isArray(current) ? current[key] : undefined;
    } else {
      current =
        typeof current === 'object' && current !== null && !Array.isArray(current) ? (current as Record<string, unknown>)[key] : undefined;
    }
  }
  return current;
}
