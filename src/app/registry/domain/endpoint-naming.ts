/*
 * Names of what the plug-in creates in VCD for one registry origin (host and port): the external
 * endpoint and the `/ext-api` prefix. Each is a readable slug plus a short hash of the canonical
 * `host:port`, so that hosts that differ only in punctuation (`reg.a-b.com`, `reg-a.b.com`) or in
 * where the port is written (`harbor:8443`, `harbor-8443`) never share a name: sharing one made
 * 0.1.0 repoint one registry's endpoint to another. The 0.1.0 names are kept to recognise what it
 * left behind.
 */

export const HTTPS_DEFAULT_PORT = 443;
/** Keeps names readable and well inside what VCD stores, whatever the host's length. */
const MAX_SLUG_LENGTH = 40;

/**
 * `host:port` as one registry origin: lowercase, punycode, an IPv6 literal in brackets and in its
 * shortest form, 443 when no port is given. Two spellings of one origin give one value.
 */
export function canonicalOrigin(host: string, port?: number): string {
  const bare = host
    .trim()
    .replace(/^\[|\]$/g, '')
    .toLowerCase();
  const bracketed = bare.includes(':') ? `[${bare}]` : bare;
  return `${normalizeHostname(bracketed)}:${port ?? HTTPS_DEFAULT_PORT}`;
}

/** The canonical origin of an https URL (an endpoint's rootUrl), or undefined when it is none. */
export function canonicalOriginOfUrl(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'https:') return undefined;
    return `${parsed.hostname}:${parsed.port || HTTPS_DEFAULT_PORT}`;
  } catch {
    return undefined;
  }
}

/** FNV-1a, 32 bits, over the UTF-8 bytes; 8 lowercase hex digits. Not for secrets: a name tag. */
export function fnv1a32(text: string): string {
  let hash = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(text)) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}

/** The readable part: `harbor.corp.local:8443` → `harbor-corp-local-8443` (443 left out), at most 40 characters. */
export function registrySlug(host: string, port?: number): string {
  const origin = canonicalOrigin(host, port);
  const hostname = origin.slice(0, origin.lastIndexOf(':'));
  const shownPort = port !== undefined && port !== HTTPS_DEFAULT_PORT ? `-${port}` : '';
  return slugify(`${hostname}${shownPort}`).slice(0, MAX_SLUG_LENGTH).replace(/-+$/, '');
}

/** `registry-<slug>-<hash>`: letters, digits and `-` only, as VCD wants endpoint names. */
export function endpointName(host: string, port?: number): string {
  return `registry-${registrySlug(host, port)}-${fnv1a32(canonicalOrigin(host, port))}`;
}

/** `cseairgap-<slug>-<hash>`: the first path segment under `/ext-api/`. */
export function extApiPrefix(host: string, port?: number): string {
  return `cseairgap-${registrySlug(host, port)}-${fnv1a32(canonicalOrigin(host, port))}`;
}

/** What 0.1.0 named things: `registry-<slug>` and `cseairgap-<slug>`, the port in the slug whenever it was written. */
export function legacyNames(host: string, port?: number): { readonly endpointName: string; readonly prefix: string } {
  const bare = host.replace(/^\[|\]$/g, '').toLowerCase();
  const slug = slugify(`${bare}${port ? `-${port}` : ''}`);
  return { endpointName: `registry-${slug}`, prefix: `cseairgap-${slug}` };
}

function slugify(text: string): string {
  return text.replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
}

function normalizeHostname(hostname: string): string {
  try {
    return new URL(`https://${hostname}/`).hostname;
  } catch {
    return hostname;
  }
}
