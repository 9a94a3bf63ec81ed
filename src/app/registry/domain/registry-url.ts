/*
 * CSE's containerRegistryUrl: a registry host, an optional port and project path, and no scheme.
 * CSE appends /tkg, /vmware-cloud-director and /tanzu_cli/plugins/plugin-inventory:latest itself,
 * so the base stops before them. Validation reports every problem at once, most useful first,
 * and offers one corrected value whenever the mistake is mechanical (a pasted https://, a
 * trailing slash, a derived path).
 */
import { derivedNameProblem } from '../../dependencies/domain';
import { RegistryHost, parseRegistryHost } from './registry-host';

/** In the order the UI lists them: the marks of a pasted URL first, then what must be retyped. */
export const REGISTRY_URL_ERROR_CODES = [
  'empty',
  'scheme',
  'credentials',
  'whitespace',
  'queryOrFragment',
  'trailingSlash',
  'derivedSuffix',
  'uppercasePath',
  'emptySegment',
  'invalidHost',
  'invalidPort',
  'invalidPathSegment',
  'tooLong',
  'derivedTooLong',
] as const;
export type RegistryUrlErrorCode = (typeof REGISTRY_URL_ERROR_CODES)[number];

export const REGISTRY_URL_WARNING_CODES = ['defaultPublicRegistry', 'ipAddress'] as const;
export type RegistryUrlWarningCode = (typeof REGISTRY_URL_WARNING_CODES)[number];

export interface RegistryUrlProblem<C extends string> {
  readonly code: C;
  /** A corrected value to offer in one click, when one exists. */
  readonly fix?: string;
  /** Values for the message, e.g. { suffix: '/tkg' } or { max: 255, length: 260 }. */
  readonly params?: Readonly<Record<string, string | number>>;
}

export interface ParsedRegistryUrl {
  /** The canonical value to store: host (punycode, lowercase) [:port] [/path]. */
  readonly value: string;
  /** Punycode, lowercase; an IPv6 literal keeps its brackets. */
  readonly host: string;
  /** The Unicode form when the host is an internationalised name, else the same as host. */
  readonly displayHost: string;
  readonly hostKind: 'dns' | 'ipv4' | 'ipv6';
  /** Only when given. */
  readonly port?: number;
  /** '' or 'cse/sub'. */
  readonly path: string;
  /** The first path segment: the Harbor project, if any. */
  readonly project?: string;
  readonly derived: { readonly tkg: string; readonly vmwareCloudDirector: string; readonly pluginInventory: string };
}

export type RegistryUrlValidation =
  | { readonly valid: true; readonly parsed: ParsedRegistryUrl; readonly warnings: readonly RegistryUrlProblem<RegistryUrlWarningCode>[] }
  | { readonly valid: false; readonly errors: readonly RegistryUrlProblem<RegistryUrlErrorCode>[] };

/** Where CSE looks under the base; the three must sit side by side. */
export const DERIVED_PATHS = {
  tkg: 'tkg',
  vmwareCloudDirector: 'vmware-cloud-director',
  pluginInventory: 'tanzu_cli/plugins/plugin-inventory:latest',
} as const;

export const MAX_REGISTRY_URL_LENGTH = 255;
/** CSE's default containerRegistryUrl, which an airgapped site cannot reach. */
export const DEFAULT_PUBLIC_REGISTRY = 'projects.registry.vmware.com';

/** The i18n key of a problem's message: registry.url.errors.<code> or registry.url.warnings.<code>. */
export function registryUrlMessageKey(code: RegistryUrlErrorCode | RegistryUrlWarningCode): string {
  const isWarning = (REGISTRY_URL_WARNING_CODES as readonly string[]).includes(code);
  return `registry.url.${isWarning ? 'warnings' : 'errors'}.${code}`;
}

type Params = Readonly<Record<string, string | number>>;
type Note = (code: RegistryUrlErrorCode, params?: Params) => void;

// `scheme://`, and the scheme-relative `//host` too.
const SCHEME = /^(?:[a-z][a-z0-9+.-]*:)?\/\//i;
// OCI distribution path component.
const PATH_COMPONENT = /^[a-z0-9]+(?:(?:\.|_|__|-+)[a-z0-9]+)*$/;
const WHITESPACE = /\s/;
const FIXABLE: ReadonlySet<RegistryUrlErrorCode> = new Set<RegistryUrlErrorCode>([
  'scheme',
  'credentials',
  'queryOrFragment',
  'trailingSlash',
  'derivedSuffix',
  'uppercasePath',
  'emptySegment',
]);
const NESTED_DERIVED: readonly string[] = [DERIVED_PATHS.tkg, DERIVED_PATHS.vmwareCloudDirector];
// tanzu_cli, plugins, plugin-inventory: repository names, without the tag.
const PLUGIN_INVENTORY = DERIVED_PATHS.pluginInventory.split('/').map(repositoryName);

interface Analysis {
  readonly found: ReadonlyMap<RegistryUrlErrorCode, Params | undefined>;
  readonly host?: RegistryHost;
  readonly port?: number;
  /** Host and port as typed, without scheme, credentials, query or fragment. */
  readonly authority: string;
  /** The base's path segments as typed, without empty segments and derived suffixes. */
  readonly segments: readonly string[];
  /** The value with every mechanical mistake corrected, host and port canonical when valid. */
  readonly canonical: string;
}

export function validateRegistryUrl(input: string): RegistryUrlValidation {
  const text = input.trim();
  if (text === '') {
    return { valid: false, errors: [{ code: 'empty' }] };
  }
  const analysis = analyse(text);
  const { found, host, port, segments, canonical } = analysis;
  if (found.size > 0 || host === undefined) {
    const fix = fixFor(text, analysis);
    const errors = REGISTRY_URL_ERROR_CODES.filter((code) => found.has(code)).map((code) => {
      const params = found.get(code);
      return { code, ...(fix !== undefined && FIXABLE.has(code) ? { fix } : {}), ...(params ? { params } : {}) };
    });
    return { valid: false, errors };
  }
  const parsed: ParsedRegistryUrl = {
    value: canonical,
    host: host.host,
    displayHost: host.displayHost,
    hostKind: host.kind,
    ...(port !== undefined ? { port } : {}),
    path: segments.join('/'),
    ...(segments.length > 0 ? { project: segments[0] } : {}),
    derived: {
      tkg: `${canonical}/${DERIVED_PATHS.tkg}`,
      vmwareCloudDirector: `${canonical}/${DERIVED_PATHS.vmwareCloudDirector}`,
      pluginInventory: `${canonical}/${DERIVED_PATHS.pluginInventory}`,
    },
  };
  return { valid: true, parsed, warnings: warningsFor(host) };
}

/** A reactive-form validator body, free of Angular: null when valid, else the problems by code. */
export function registryUrlErrors(value: string): Record<string, RegistryUrlProblem<RegistryUrlErrorCode>> | null {
  const result = validateRegistryUrl(value);
  return result.valid ? null : Object.fromEntries(result.errors.map((problem) => [problem.code, problem]));
}

/** The value with every fixable problem corrected, or undefined when there is nothing to offer. */
function fixFor(text: string, { found, authority, segments }: Analysis): string | undefined {
  if (authority === '' || ![...found.keys()].some((code) => FIXABLE.has(code))) {
    return undefined;
  }
  // Keeps the host as typed: the least surprising one-click change (it is stored lowercase anyway).
  const fixed = [authority, ...segments].join('/');
  const cased = found.has('uppercasePath') ? fixed.toLowerCase() : fixed;
  return cased === text ? undefined : cased;
}

function warningsFor(host: RegistryHost): RegistryUrlProblem<RegistryUrlWarningCode>[] {
  const warnings: RegistryUrlProblem<RegistryUrlWarningCode>[] = [];
  if (host.host === DEFAULT_PUBLIC_REGISTRY) {
    warnings.push({ code: 'defaultPublicRegistry' });
  }
  if (host.kind !== 'dns') {
    warnings.push({ code: 'ipAddress' });
  }
  return warnings;
}

/** Peels the text from the outside in, noting each problem once (the first occurrence's params). */
function analyse(text: string): Analysis {
  const found = new Map<RegistryUrlErrorCode, Params | undefined>();
  const note: Note = (code, params) => {
    if (!found.has(code)) {
      found.set(code, params);
    }
  };
  if (WHITESPACE.test(text)) {
    note('whitespace');
  }
  let rest = text;
  const scheme = SCHEME.exec(rest);
  if (scheme) {
    note('scheme');
    rest = rest.slice(scheme[0].length);
  }
  const queryStart = rest.search(/[?#]/);
  if (queryStart >= 0) {
    note('queryOrFragment');
    rest = rest.slice(0, queryStart);
  }
  const slash = rest.indexOf('/');
  let authority = slash < 0 ? rest : rest.slice(0, slash);
  const at = authority.lastIndexOf('@');
  if (at >= 0) {
    note('credentials');
    authority = authority.slice(at + 1);
  }
  const { host, port, canonicalAuthority } = checkAuthority(authority, slash >= 0, note);
  const segments = slash < 0 ? [] : checkPath(rest.slice(slash + 1), note);
  const corrected = [canonicalAuthority, ...segments].join('/');
  const canonical = found.has('uppercasePath') ? corrected.toLowerCase() : corrected;
  if (canonical.length > MAX_REGISTRY_URL_LENGTH) {
    note('tooLong', { max: MAX_REGISTRY_URL_LENGTH, length: canonical.length });
  } else if (host !== undefined && derivedNameProblem(canonical)) {
    note('derivedTooLong', derivedNameProblem(canonical));
  }
  return { found, host, port, authority, segments, canonical };
}

function checkAuthority(
  authority: string,
  hasPath: boolean,
  note: Note,
): { host?: RegistryHost; port?: number; canonicalAuthority: string } {
  if (authority === '') {
    note(hasPath ? 'invalidHost' : 'empty');
    return { canonicalAuthority: authority };
  }
  const { hostText, portText } = splitHostPort(authority);
  // Whitespace is reported on its own; a host or port holding some is not also called invalid.
  const host = WHITESPACE.test(hostText) ? undefined : parseRegistryHost(hostText);
  if (host === undefined && !WHITESPACE.test(hostText)) {
    note('invalidHost');
  }
  const port = portText === undefined || WHITESPACE.test(portText) ? undefined : parsePort(portText);
  if (portText !== undefined && port === undefined && !WHITESPACE.test(portText)) {
    note('invalidPort');
  }
  const portPart = port !== undefined ? `:${port}` : portText !== undefined ? `:${portText}` : '';
  return { host, port, canonicalAuthority: `${host?.host ?? hostText}${portPart}` };
}

function splitHostPort(authority: string): { hostText: string; portText?: string } {
  if (authority.startsWith('[')) {
    const close = authority.indexOf(']');
    const after = close < 0 ? '' : authority.slice(close + 1);
    // "[::1]x" or "[::1" stay whole and fail as a host.
    return after.startsWith(':') ? { hostText: authority.slice(0, close + 1), portText: after.slice(1) } : { hostText: authority };
  }
  const colon = authority.indexOf(':');
  // Two colons or more is an IPv6 address without its brackets: the host is wrong, not the port.
  if (colon < 0 || authority.includes(':', colon + 1)) {
    return { hostText: authority };
  }
  return { hostText: authority.slice(0, colon), portText: authority.slice(colon + 1) };
}

function parsePort(text: string): number | undefined {
  const port = /^[0-9]{1,5}$/.test(text) ? Number(text) : 0;
  return port >= 1 && port <= 65535 ? port : undefined;
}

/** Checks the path after the host's slash; returns the base's segments as typed. */
function checkPath(path: string, note: Note): string[] {
  if (path === '' || path.endsWith('/')) {
    note('trailingSlash');
  }
  const all = path.replace(/\/+$/, '').split('/');
  const nonEmpty = all.filter((segment) => segment !== '');
  if (nonEmpty.length < all.length && nonEmpty.length > 0) {
    note('emptySegment');
  }
  const base = withoutDerivedSuffix(nonEmpty);
  if (base.length < nonEmpty.length) {
    note('derivedSuffix', { suffix: `/${nonEmpty.slice(base.length).join('/')}` });
  }
  for (const segment of base) {
    if (!WHITESPACE.test(segment) && !PATH_COMPONENT.test(segment)) {
      note(PATH_COMPONENT.test(segment.toLowerCase()) ? 'uppercasePath' : 'invalidPathSegment', { segment });
    }
  }
  return base;
}

/** Drops what CSE appends itself: a trailing tkg or vmware-cloud-director, or a tanzu_cli/… tail. */
function withoutDerivedSuffix(segments: readonly string[]): string[] {
  const lower = segments.map((segment) => segment.toLowerCase());
  const pluginInventoryStart = lower.findIndex((_, index) => isPluginInventoryPath(lower.slice(index)));
  let end = pluginInventoryStart < 0 ? lower.length : pluginInventoryStart;
  while (end > 0 && NESTED_DERIVED.includes(lower[end - 1] ?? '')) {
    end -= 1;
  }
  return segments.slice(0, end);
}

/** tanzu_cli, tanzu_cli/plugins or tanzu_cli/plugins/plugin-inventory, with or without a tag. */
function isPluginInventoryPath(tail: readonly string[]): boolean {
  return tail.length <= PLUGIN_INVENTORY.length && tail.every((segment, index) => repositoryName(segment) === PLUGIN_INVENTORY[index]);
}

function repositoryName(segment: string): string {
  return segment.split(/[:@]/)[0] ?? segment;
}
