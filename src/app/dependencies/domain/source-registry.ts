/*
 * Where the catalog's VMware images are copied from: a setting whose default is the registry the
 * CSE 4.1/4.2 docs name. The catalog keeps the documented references (the destination rules are
 * written for them); what the provider runs — the missing-only dependencies.txt, the transfer
 * script, the getting-started procedure — names the chosen source. docs/domain.md#source-registry.
 */
import { normalizeHost } from './image-reference';

/** What CSE 4.1/4.2 document, and what dependencies.txt names. */
export const DOCUMENTED_SOURCE_REGISTRY = 'projects.registry.vmware.com';

export type SourceRegistryProblemCode = 'empty' | 'scheme' | 'path' | 'credentials' | 'whitespace' | 'invalidHost';

export type SourceRegistryValidation =
  | { readonly valid: true; readonly value: string }
  | {
      readonly valid: false;
      readonly code: SourceRegistryProblemCode;
      readonly params?: Readonly<Record<string, string>>;
      /** The host alone, when the mistake is mechanical. */
      readonly fix?: string;
    };

/** Each location a public source names, and whether it is documented for CSE or seen elsewhere. */
export interface SourceFact {
  readonly location: string;
  readonly kind: 'documented' | 'moved' | 'unconfirmed';
  /** docs/domain.md#source-registry holds its source. */
  readonly what: 'cseDocs' | 'pluginInventoryMoved' | 'tkgArtifactsMoved';
}

export const SOURCE_FACTS: readonly SourceFact[] = [
  { location: 'projects.registry.vmware.com', kind: 'documented', what: 'cseDocs' },
  { location: 'projects.packages.broadcom.com/tanzu_cli/plugins/plugin-inventory', kind: 'moved', what: 'pluginInventoryMoved' },
  { location: 'projects.packages.broadcom.com/tkg', kind: 'unconfirmed', what: 'tkgArtifactsMoved' },
];

const SCHEME = /^[a-z][a-z0-9+.-]*:\/\//i;

/** A registry host with an optional port: no scheme, no path, no credentials. */
export function validateSourceRegistry(input: string): SourceRegistryValidation {
  const text = input.trim();
  if (text === '') return { valid: false, code: 'empty' };
  if (/\s/.test(text)) return { valid: false, code: 'whitespace' };
  const scheme = SCHEME.exec(text)?.[0];
  const withoutScheme = scheme ? text.slice(scheme.length) : text;
  const slash = withoutScheme.indexOf('/');
  const authority = slash < 0 ? withoutScheme : withoutScheme.slice(0, slash);
  const at = authority.lastIndexOf('@');
  const host = normalizeHost(at < 0 ? authority : authority.slice(at + 1));
  const fix = host ?? undefined;
  if (scheme) return { valid: false, code: 'scheme', params: { scheme: scheme.slice(0, -3) }, ...(fix ? { fix } : {}) };
  if (at >= 0) return { valid: false, code: 'credentials', ...(fix ? { fix } : {}) };
  if (slash >= 0) {
    return { valid: false, code: 'path', params: { path: withoutScheme.slice(slash).slice(0, 100) }, ...(fix ? { fix } : {}) };
  }
  return host ? { valid: true, value: host } : { valid: false, code: 'invalidHost' };
}

/** The reference as pulled from `source`: only images of the documented registry move. */
export function fromSource(reference: string, source: string): string {
  return source !== DOCUMENTED_SOURCE_REGISTRY && reference.startsWith(`${DOCUMENTED_SOURCE_REGISTRY}/`)
    ? `${source}${reference.slice(DOCUMENTED_SOURCE_REGISTRY.length)}`
    : reference;
}

/** The browser settings section that holds the provider's choice (docs/domain.md#browser-settings). */
export const SOURCE_REGISTRY_SECTION = 'sourceRegistry';

/** A stored choice, if it is still a valid source in its canonical form; else undefined (and cleared). */
export function readSourceSetting(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const validation = validateSourceRegistry(value);
  return validation.valid && validation.value === value ? value : undefined;
}
