/*
 * NO_PROXY entries that Go reads differently from what their author most likely meant: each gets
 * its own message in the readiness line, since httpproxy ignores or never matches them silently.
 */
import { parseCidr, parseIp } from './ip-address';
import { MAX_NO_PROXY_LENGTH, splitHostPort } from './no-proxy';

export type NoProxyNoteCode =
  /** `*` alone turns the proxy off for everything. */
  | 'wildcardAll'
  /** `[fd00::1]` without a port is read as a name and never matches an address. */
  | 'bracketsWithoutPort'
  /** `10.0.0.0/33`, `corp/16`: not a CIDR, so read as a name that never matches. */
  | 'invalidCidr'
  /** `http://proxy`: NO_PROXY holds hosts, not URLs. */
  | 'scheme'
  /** `a b`: a space inside an entry (entries are separated by commas only). */
  | 'innerSpace'
  /** `*.corp` style wildcards other than a leading `*.` are not patterns. */
  | 'innerWildcard';

export interface NoProxyNote {
  readonly code: NoProxyNoteCode;
  readonly entry: string;
}

export function noProxyNotes(noProxy: string): NoProxyNote[] {
  const notes: NoProxyNote[] = [];
  for (const raw of noProxy.slice(0, MAX_NO_PROXY_LENGTH).split(',')) {
    const entry = raw.trim();
    const code = noteFor(entry.toLowerCase());
    if (code) notes.push({ code, entry });
  }
  return notes;
}

function noteFor(entry: string): NoProxyNoteCode | undefined {
  if (entry === '') return undefined;
  if (entry === '*') return 'wildcardAll';
  if (/^[a-z][a-z0-9+.-]*:\/\//.test(entry)) return 'scheme';
  if (/\s/.test(entry)) return 'innerSpace';
  if (entry.includes('/') && !parseCidr(entry)) return 'invalidCidr';
  if (entry.startsWith('[') && !splitHostPort(entry)) return 'bracketsWithoutPort';
  const host = splitHostPort(entry)?.host ?? entry;
  if (!parseIp(host) && host.replace(/^\*\./, '').includes('*')) return 'innerWildcard';
  return undefined;
}
