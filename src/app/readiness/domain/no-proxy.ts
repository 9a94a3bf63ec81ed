/*
 * Whether the Bootstrap VM's proxy settings send a request through the proxy, with the rules of
 * Go's golang.org/x/net/http/httpproxy (what net/http.ProxyFromEnvironment uses): the Bootstrap
 * VM's tools are Go programs. docs/domain.md#bootstrap-proxy lists the rules and their source. Pure.
 */
import { toASCII } from 'punycode/';
import { IpAddress, IpPrefix, isLoopback, parseCidr, parseIp, prefixContains, sameAddress } from './ip-address';

export interface ProxySettings {
  readonly httpProxy?: string;
  readonly httpsProxy?: string;
  readonly noProxy?: string;
}

export interface ProxyTarget {
  readonly scheme: 'http' | 'https';
  /** A name or an IP literal, without brackets. */
  readonly host: string;
  readonly port?: number;
}

export type ProxyDecision =
  /** No proxy is set for the target's scheme: the request goes direct. */
  | { readonly kind: 'noProxyForScheme' }
  /** localhost and loopback addresses never go through a proxy. */
  | { readonly kind: 'loopback' }
  /** A NO_PROXY entry excludes the target (`*` included). */
  | { readonly kind: 'excluded'; readonly entry: string }
  | { readonly kind: 'proxied' };

type Matcher =
  | { readonly kind: 'all'; readonly entry: string }
  | { readonly kind: 'cidr'; readonly entry: string; readonly prefix: IpPrefix }
  | { readonly kind: 'ip'; readonly entry: string; readonly address: IpAddress; readonly port: string }
  | { readonly kind: 'domain'; readonly entry: string; readonly suffix: string; readonly port: string; readonly matchesHost: boolean };

/** A NO_PROXY value far longer than any real one is cut here: the rest is not read. */
export const MAX_NO_PROXY_LENGTH = 8192;

export function proxyDecision(settings: ProxySettings, target: ProxyTarget): ProxyDecision {
  const proxy = (target.scheme === 'https' ? settings.httpsProxy : settings.httpProxy)?.trim() ?? '';
  if (proxy === '') return { kind: 'noProxyForScheme' };
  const host = asciiHost(target.host.toLowerCase().trim());
  const port = String(target.port ?? (target.scheme === 'https' ? 443 : 80));
  const ip = parseIp(host);
  if (host === 'localhost' || (ip && isLoopback(ip))) return { kind: 'loopback' };
  const matcher = noProxyMatchers(settings.noProxy ?? '').find((candidate) => matches(candidate, host, port, ip));
  return matcher ? { kind: 'excluded', entry: matcher.entry } : { kind: 'proxied' };
}

/** The entries of NO_PROXY as httpproxy's config.init() reads them; malformed ones are dropped. */
export function noProxyMatchers(noProxy: string): Matcher[] {
  const matchers: Matcher[] = [];
  for (const raw of noProxy.slice(0, MAX_NO_PROXY_LENGTH).split(',')) {
    const entry = raw.trim().toLowerCase();
    if (entry === '') continue;
    if (entry === '*') return [{ kind: 'all', entry }];
    const prefix = parseCidr(entry);
    if (prefix) {
      matchers.push({ kind: 'cidr', entry, prefix });
      continue;
    }
    const split = splitHostPort(entry);
    const host = split ? split.host : entry;
    const port = split ? split.port : '';
    if (split && host === '') continue;
    const address = parseIp(host);
    if (address) {
      matchers.push({ kind: 'ip', entry, address, port });
      continue;
    }
    if (host === '') continue;
    const bare = host.startsWith('*.') ? host.slice(1) : host;
    const matchesHost = !bare.startsWith('.');
    matchers.push({ kind: 'domain', entry, suffix: asciiHost(matchesHost ? `.${bare}` : bare), port, matchesHost });
  }
  return matchers;
}

function matches(matcher: Matcher, host: string, port: string, ip: IpAddress | undefined): boolean {
  switch (matcher.kind) {
    case 'all':
      return true;
    case 'cidr':
      return ip !== undefined && prefixContains(matcher.prefix, ip);
    case 'ip':
      return ip !== undefined && sameAddress(matcher.address, ip) && (matcher.port === '' || matcher.port === port);
    case 'domain':
      if (ip !== undefined) return false;
      return (
        (host.endsWith(matcher.suffix) || (matcher.matchesHost && host === matcher.suffix.slice(1))) &&
        (matcher.port === '' || matcher.port === port)
      );
  }
}

/** Go's net.SplitHostPort: undefined when there is no port (or the brackets are wrong). */
export function splitHostPort(text: string): { readonly host: string; readonly port: string } | undefined {
  const colon = text.lastIndexOf(':');
  if (colon < 0) return undefined;
  let host: string;
  let rest = 0;
  if (text.startsWith('[')) {
    const close = text.indexOf(']');
    if (close < 0 || close + 1 !== colon) return undefined;
    host = text.slice(1, close);
    rest = close + 1;
  } else {
    host = text.slice(0, colon);
    if (host.includes(':')) return undefined;
  }
  if (text.indexOf('[', 1) >= 0 || text.indexOf(']', rest) >= 0) return undefined;
  return { host, port: text.slice(colon + 1) };
}

/** Go compares names in their IDNA ASCII form; a name that cannot be converted is kept as is. */
function asciiHost(host: string): string {
  if (/^[\x20-\x7e]*$/.test(host)) return host;
  try {
    return toASCII(host);
  } catch {
    return host;
  }
}

/**
 * A proxy URL without its user information: `http://user:secret@proxy:3128` → `http://proxy:3128`.
 * Go accepts a bare `host:port` too; whatever precedes the last @ of the authority is dropped.
 */
export function withoutCredentials(proxyUrl: string): string {
  const text = proxyUrl.trim();
  const scheme = /^[a-z][a-z0-9+.-]*:\/\//i.exec(text)?.[0] ?? '';
  const rest = text.slice(scheme.length);
  const authorityEnd = rest.search(/[/?#]/);
  const authority = authorityEnd < 0 ? rest : rest.slice(0, authorityEnd);
  const at = authority.lastIndexOf('@');
  return at < 0 ? text : `${scheme}${rest.slice(at + 1)}`;
}
