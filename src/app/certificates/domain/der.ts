/*
 * Just enough DER to tell what a blob is before handing it to a real parser: read one
 * tag-length-value, list a constructed value's children, slice a value out exactly. The ASN.1
 * libraries parse leniently (they ignore trailing bytes and re-serialise what they read), so the
 * questions "is this complete?", "where does it end?" and "which bytes were signed?" are answered here.
 */

export interface DerNode {
  /** The identifier octet (low-tag-number form only; that is all PKIX uses). */
  readonly tag: number;
  /** Offset of the identifier octet. */
  readonly start: number;
  /** Offset of the first content octet. */
  readonly contentStart: number;
  /** Offset just after the last content octet. */
  readonly end: number;
}

export const TAG = {
  integer: 0x02,
  bitString: 0x03,
  octetString: 0x04,
  null: 0x05,
  oid: 0x06,
  utcTime: 0x17,
  generalizedTime: 0x18,
  sequence: 0x30,
  set: 0x31,
  context0: 0xa0,
  context1: 0xa1,
} as const;

/** Why a TLV could not be read: cut short (the length says more than there is) or not DER at all. */
export type DerFailure = 'truncated' | 'malformed';

export type DerRead = { readonly node: DerNode } | { readonly failure: DerFailure };

/** Reads the TLV at `offset`, never past `limit`. Indefinite lengths (BER) are 'malformed' here. */
export function readTlv(bytes: Uint8Array, offset = 0, limit = bytes.length): DerRead {
  if (offset + 2 > limit) return { failure: offset >= limit ? 'malformed' : 'truncated' };
  const tag = bytes[offset] ?? 0;
  if ((tag & 0x1f) === 0x1f) return { failure: 'malformed' };
  const first = bytes[offset + 1] ?? 0;
  let length = first;
  let contentStart = offset + 2;
  if (first & 0x80) {
    const octets = first & 0x7f;
    // 0 is BER's indefinite length; more than 4 octets would describe a blob over 4 GiB.
    if (octets === 0 || octets > 4) return { failure: 'malformed' };
    if (contentStart + octets > limit) return { failure: 'truncated' };
    length = 0;
    for (let i = 0; i < octets; i++) length = length * 256 + (bytes[contentStart + i] ?? 0);
    contentStart += octets;
  }
  const end = contentStart + length;
  if (end > limit) return { failure: 'truncated' };
  return { node: { tag, start: offset, contentStart, end } };
}

/** The children of a constructed node, or the failure that stopped the walk. */
export function readChildren(bytes: Uint8Array, parent: DerNode): DerNode[] | DerFailure {
  const children: DerNode[] = [];
  let offset = parent.contentStart;
  while (offset < parent.end) {
    const read = readTlv(bytes, offset, parent.end);
    if ('failure' in read) return read.failure;
    children.push(read.node);
    offset = read.node.end;
  }
  return children;
}

/** The node's whole encoding (identifier, length and content) as a copy. */
export function sliceNode(bytes: Uint8Array, node: DerNode): Uint8Array {
  return bytes.slice(node.start, node.end);
}

/** The node's content as a view (no copy). */
export function contentOf(bytes: Uint8Array, node: DerNode): Uint8Array {
  return bytes.subarray(node.contentStart, node.end);
}

/** A small non-negative INTEGER's value, or undefined when it is not one. */
export function smallInteger(bytes: Uint8Array, node: DerNode | undefined): number | undefined {
  if (!node || node.tag !== TAG.integer) return undefined;
  const content = contentOf(bytes, node);
  if (content.length === 0 || content.length > 4 || ((content[0] ?? 0) & 0x80) !== 0) return undefined;
  return content.reduce((value, byte) => value * 256 + byte, 0);
}

/** True when the node is an OBJECT IDENTIFIER with exactly this DER content. */
export function isOid(bytes: Uint8Array, node: DerNode | undefined, oid: readonly number[]): boolean {
  if (!node || node.tag !== TAG.oid) return false;
  const content = contentOf(bytes, node);
  return content.length === oid.length && oid.every((byte, i) => content[i] === byte);
}
