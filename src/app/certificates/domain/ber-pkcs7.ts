/*
 * Some tools (Windows' certificate export among them) write PKCS#7 bundles in BER with indefinite
 * lengths (0x80 … 00 00), which the DER walk refuses. This walk accepts them, only to find the
 * certificates of a SignedData: each is returned as encoded (they are DER in practice). Bounded
 * depth and one pass over the bytes, whatever the input.
 */
import { TAG } from './der';

interface BerNode {
  readonly tag: number;
  readonly start: number;
  /** After the content (and after the end-of-contents octets of an indefinite length). */
  readonly end: number;
  readonly children?: readonly BerNode[];
  readonly contentStart: number;
  readonly contentEnd: number;
}

/** Real bundles nest 6 deep; anything deeper is not a certificate bundle. */
const MAX_DEPTH = 24;
const OID_SIGNED_DATA = [0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x07, 0x02];

function readBer(bytes: Uint8Array, offset: number, limit: number, depth: number): BerNode | undefined {
  if (depth > MAX_DEPTH || offset + 2 > limit) return undefined;
  const tag = bytes[offset] ?? 0;
  if ((tag & 0x1f) === 0x1f) return undefined;
  const first = bytes[offset + 1] ?? 0;
  const contentStart = offset + 2 + (first > 0x80 ? first & 0x7f : 0);
  if (first === 0x80) {
    // Indefinite: constructed only; the children run up to the end-of-contents octets.
    if ((tag & 0x20) === 0) return undefined;
    const children: BerNode[] = [];
    for (let at = contentStart; ; ) {
      if (at + 2 <= limit && bytes[at] === 0 && bytes[at + 1] === 0) {
        return { tag, start: offset, contentStart, contentEnd: at, end: at + 2, children };
      }
      const child = readBer(bytes, at, limit, depth + 1);
      if (!child) return undefined;
      children.push(child);
      at = child.end;
    }
  }
  let length = first;
  if (first > 0x80) {
    if (first - 0x80 > 4 || contentStart > limit) return undefined;
    length = 0;
    for (let i = offset + 2; i < contentStart; i++) length = length * 256 + (bytes[i] ?? 0);
  }
  const end = contentStart + length;
  return end > limit ? undefined : { tag, start: offset, contentStart, contentEnd: end, end };
}

function childrenOf(bytes: Uint8Array, node: BerNode | undefined, depth: number): readonly BerNode[] | undefined {
  if (!node || (node.tag & 0x20) === 0) return undefined;
  if (node.children) return node.children;
  const children: BerNode[] = [];
  for (let at = node.contentStart; at < node.contentEnd; ) {
    const child = readBer(bytes, at, node.contentEnd, depth + 1);
    if (!child) return undefined;
    children.push(child);
    at = child.end;
  }
  return children;
}

/** The certificates of a BER (or DER) SignedData; undefined when the bytes are not one. */
export function berPkcs7CertificateDers(bytes: Uint8Array): Uint8Array[] | undefined {
  const outer = readBer(bytes, 0, bytes.length, 0);
  if (outer?.tag !== TAG.sequence) return undefined;
  const [type, explicit] = childrenOf(bytes, outer, 0) ?? [];
  const oid = type?.tag === TAG.oid ? bytes.subarray(type.contentStart, type.contentEnd) : undefined;
  if (!oid || oid.length !== OID_SIGNED_DATA.length || !OID_SIGNED_DATA.every((byte, i) => oid[i] === byte)) return undefined;
  if (explicit?.tag !== TAG.context0) return undefined;
  const [signedData] = childrenOf(bytes, explicit, 1) ?? [];
  if (signedData?.tag !== TAG.sequence) return undefined;
  const fields = childrenOf(bytes, signedData, 2);
  if (!fields || fields.length < 3) return undefined;
  const set = fields.slice(3).find((field) => field.tag === TAG.context0);
  if (!set) return [];
  const choices = childrenOf(bytes, set, 3);
  if (!choices) return undefined;
  return choices.filter((choice) => choice.tag === TAG.sequence).map((choice) => bytes.slice(choice.start, choice.end));
}
