/*
 * The longest repository path CSE derives under a base, over every built-in catalog (every CSE
 * release with every TKR it supports, the CSI sidecars and the plugin inventory). The URL validator
 * uses it to refuse a base whose derived names a registry would reject (docs/domain.md#name-length).
 */
import { buildCatalog } from './catalog';
import { CSE_VERSIONS } from './cse-releases';
import { destinationUnderBase } from './destination-rules';
import { supportedTkrs } from './tkg-releases';

/** distribution/reference: RepositoryNameTotalLengthMax (counted with the host by clients built before 2024). */
export const MAX_REPOSITORY_NAME_LENGTH = 255;

function pathWithoutTag(underBase: string): string {
  return underBase.replace(/@.*$/, '').replace(/:[^/:]*$/, '');
}

/** e.g. vmware-cloud-director/sig-storage/csi-node-driver-registrar. */
export const LONGEST_PATH_UNDER_BASE: string = CSE_VERSIONS.flatMap((version) =>
  buildCatalog(
    version,
    supportedTkrs(version).map((release) => release.tkr),
  ),
)
  .map((entry) => pathWithoutTag(destinationUnderBase(entry.image) ?? ''))
  .reduce((longest, path) => (path.length > longest.length ? path : longest), '');

export interface DerivedName {
  /** <base>/<longest path>. */
  readonly name: string;
  readonly length: number;
}

/** The longest full repository name CSE derives from a base (host[:port][/path]). */
export function longestDerivedName(base: string): DerivedName {
  const name = `${base}/${LONGEST_PATH_UNDER_BASE}`;
  return { name, length: name.length };
}

/** The longest base whose derived names all stay within the limit. */
export const MAX_BASE_LENGTH = MAX_REPOSITORY_NAME_LENGTH - LONGEST_PATH_UNDER_BASE.length - 1;

/** Message values when the longest name derived from base passes the limit, else undefined. */
export function derivedNameProblem(base: string): Readonly<Record<string, number>> | undefined {
  if (base.length <= MAX_BASE_LENGTH) return undefined;
  const { length } = longestDerivedName(base);
  return { baseLength: base.length, length, max: MAX_REPOSITORY_NAME_LENGTH, allowed: MAX_BASE_LENGTH };
}
