// Strong ETags for defined entities and the If-Match test VCD applies to a PUT.
import { randomBytes } from 'node:crypto';

/** A new strong ETag. Random, not a content hash: VCD changes it on every write, even a no-op one. */
export function newEtag(): string {
  return `"${randomBytes(16).toString('hex')}"`;
}

/**
 * RFC 9110 If-Match with strong comparison: `*` matches, a list matches when one tag does, a
 * weak tag never does. Clients that strip the quotes are forgiven, as VCD's own UI does not
 * always keep them.
 */
export function ifMatchSatisfied(ifMatch: string, currentEtag: string): boolean {
  const current = unquote(currentEtag);
  return ifMatch
    .split(',')
    .map((tag) => tag.trim())
    .some((tag) => tag === '*' || (!tag.startsWith('W/') && unquote(tag) === current));
}

function unquote(tag: string): string {
  return tag.length >= 2 && tag.startsWith('"') && tag.endsWith('"') ? tag.slice(1, -1) : tag;
}
