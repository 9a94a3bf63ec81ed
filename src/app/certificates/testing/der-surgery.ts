/*
 * Certificates changed at the byte level for specs of hostile or non-DER input: a real
 * certificate's fields taken apart with the DER walk and put together again with other parts.
 * The signature no longer matches; that is not what these specs look at.
 */
import { DerNode, readChildren, readTlv, sliceNode } from '../domain/der';

/** A DER TLV: identifier, the shortest length, the parts. */
export function tlv(tag: number, ...parts: Uint8Array[]): Uint8Array {
  const length = parts.reduce((sum, part) => sum + part.length, 0);
  const lengthOctets: number[] = [];
  for (let rest = length; rest > 0; rest = Math.floor(rest / 256)) lengthOctets.unshift(rest & 0xff);
  const header = length < 0x80 ? [tag, length] : [tag, 0x80 | lengthOctets.length, ...lengthOctets];
  return concat(new Uint8Array(header), ...parts);
}

/** The same, in BER's indefinite form: 0x80, the parts, end-of-contents. */
export function indefiniteTlv(tag: number, ...parts: Uint8Array[]): Uint8Array {
  return concat(new Uint8Array([tag, 0x80]), ...parts, new Uint8Array([0, 0]));
}

export function concat(...parts: Uint8Array[]): Uint8Array {
  const bytes = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  parts.reduce((offset, part) => (bytes.set(part, offset), offset + part.length), 0);
  return bytes;
}

/** The whole encodings of the children of the TLV at the start of `der` (or of `node`). */
export function childrenOf(der: Uint8Array, node?: DerNode): Uint8Array[] {
  const read = readTlv(der);
  const parent = node ?? ('node' in read ? read.node : undefined);
  const children = parent ? readChildren(der, parent) : 'malformed';
  if (typeof children === 'string') throw new Error(`not DER: ${children}`);
  return children.map((child) => sliceNode(der, child));
}

/** A certificate's TBSCertificate fields, changed by `change`, in a certificate with the old signature. */
export function withTbsFields(certificate: Uint8Array, change: (fields: Uint8Array[]) => Uint8Array[]): Uint8Array {
  const [tbs, algorithm, signature] = childrenOf(certificate);
  if (!tbs || !algorithm || !signature) throw new Error('not a certificate');
  return tlv(0x30, tlv(0x30, ...change(childrenOf(tbs))), algorithm, signature);
}

/** The certificate with these extensions ([3] of the TBSCertificate) instead of its own. */
export function withExtensions(certificate: Uint8Array, ...extensions: Uint8Array[]): Uint8Array {
  return withTbsFields(certificate, (fields) => [...fields.filter((field) => field[0] !== 0xa3), tlv(0xa3, tlv(0x30, ...extensions))]);
}

/** Extension { extnID, extnValue OCTET STRING } for an OID given as its DER content. */
export function extension(oidContent: readonly number[], value: Uint8Array): Uint8Array {
  return tlv(0x30, tlv(0x06, new Uint8Array(oidContent)), tlv(0x04, value));
}

export const SUBJECT_ALT_NAME_OID = [0x55, 0x1d, 0x11];
