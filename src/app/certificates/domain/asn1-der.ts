/*
 * DER decoded by asn1js (PeculiarVentures' BER/DER library) and read as the typed blocks it
 * builds. Decoding is capped (depth, node count) so that hostile input costs little, and checked
 * for what DER requires of X.509 (RFC 5280 §4.1, X.690 §10): definite and minimal lengths,
 * primitive strings, nothing after the value. The readers throw when a block has the wrong shape.
 * OCTET and BIT STRINGs are not parsed into: an extension's value is decoded when it is read.
 */
import {
  BaseBlock,
  BitString,
  Boolean as Asn1Boolean,
  EndOfContent,
  Integer,
  ObjectIdentifier,
  OctetString,
  Sequence,
  Set as Asn1Set,
  UTCTime,
  fromBER,
} from 'asn1js';

export interface DerLimits {
  readonly maxDepth: number;
  readonly maxNodes: number;
}

/**
 * A certificate nests about ten deep and holds a few hundred nodes; the node cap is the one the
 * schema packages applied before (asn1js's default), the depth cap a third of it.
 */
export const CERTIFICATE_LIMITS: DerLimits = { maxDepth: 32, maxNodes: 10_000 };

const UNIVERSAL = 1;
const CONTEXT = 3;

/** The one DER value that is all of `bytes`; throws when it is not DER, is cut short or is followed by anything. */
export function decodeDer(bytes: Uint8Array, what: string, limits: DerLimits = CERTIFICATE_LIMITS): BaseBlock {
  const { offset, result } = decodeBer(bytes, limits);
  if (offset === -1 || result.error) throw new Error(`${what}: ${result.error || 'not BER'}`);
  if (offset !== bytes.length) throw new Error(`${what}: ${bytes.length - offset} bytes after the value`);
  assertDer(result, what);
  return result;
}

/** asn1js's own reading, BER allowed (indefinite lengths), within `limits`; the result's `error` says what failed. */
export function decodeBer(bytes: Uint8Array, limits: DerLimits): { offset: number; result: BaseBlock } {
  return fromBER(bytes, { ...limits, parseEmbedded: false, copyInput: false });
}

/** How many octets a long-form length needs. */
function lengthOctets(length: number): number {
  let octets = 1;
  while (length > 0xff) {
    length = Math.floor(length / 256);
    octets++;
  }
  return octets;
}

/** X.690 §10.1 (definite, minimal lengths) and §10.2 (strings primitive), over the whole tree. */
function assertDer(block: BaseBlock, what: string): void {
  const { lenBlock, idBlock } = block;
  if (lenBlock.isIndefiniteForm) throw new Error(`${what}: indefinite length`);
  const minimal = lenBlock.length < 0x80 ? !lenBlock.longFormUsed : lenBlock.blockLength === 1 + lengthOctets(lenBlock.length);
  if (!minimal) throw new Error(`${what}: length not in its shortest form`);
  if (!idBlock.isConstructed) return;
  if (idBlock.tagClass === UNIVERSAL && idBlock.tagNumber !== 16 && idBlock.tagNumber !== 17) {
    throw new Error(`${what}: constructed universal type ${idBlock.tagNumber}`);
  }
  for (const child of childrenOf(block)) assertDer(child, what);
}

function childrenOf(block: BaseBlock): BaseBlock[] {
  const value = (block.valueBlock as { value?: unknown }).value;
  return Array.isArray(value) ? value.filter((child): child is BaseBlock => !(child instanceof EndOfContent)) : [];
}

/** The value's whole encoding (identifier, length, content), as a view. */
export function encoded(block: BaseBlock): Uint8Array {
  return block.valueBeforeDecodeView;
}

/** A primitive value's content octets, as a view. */
export function contentOf(block: BaseBlock): Uint8Array {
  return block.valueBeforeDecodeView.subarray(block.idBlock.blockLength + block.lenBlock.blockLength);
}

/** A copy that owns its ArrayBuffer, for WebCrypto. */
export function bufferOf(bytes: Uint8Array): ArrayBuffer {
  return bytes.slice().buffer;
}

function wrong(what: string): never {
  throw new Error(`${what}: unexpected ASN.1 type`);
}

/** The items of a SEQUENCE. */
export function sequenceItems(block: BaseBlock | undefined, what: string): BaseBlock[] {
  return block instanceof Sequence ? childrenOf(block) : wrong(what);
}

/** The items of a SET. */
export function setItems(block: BaseBlock | undefined, what: string): BaseBlock[] {
  return block instanceof Asn1Set ? childrenOf(block) : wrong(what);
}

export function isContext(block: BaseBlock | undefined, tagNumber: number): boolean {
  return block?.idBlock.tagClass === CONTEXT && block.idBlock.tagNumber === tagNumber;
}

/** The items of a constructed [n] (EXPLICIT, or IMPLICIT SEQUENCE / SET OF). */
export function contextItems(block: BaseBlock | undefined, tagNumber: number, what: string): BaseBlock[] {
  return block && isContext(block, tagNumber) && block.idBlock.isConstructed ? childrenOf(block) : wrong(what);
}

/** The content of a primitive [n] IMPLICIT value. */
export function contextContent(block: BaseBlock | undefined, tagNumber: number, what: string): Uint8Array {
  return block && isContext(block, tagNumber) && !block.idBlock.isConstructed ? contentOf(block) : wrong(what);
}

/** Dotted decimal, e.g. '1.2.840.113549.1.1.11'. */
export function oidOf(block: BaseBlock | undefined, what: string): string {
  return block instanceof ObjectIdentifier ? block.getValue() : wrong(what);
}

/** An INTEGER's content octets (two's complement, big-endian). */
export function integerBytes(block: BaseBlock | undefined, what: string): Uint8Array {
  const content = block instanceof Integer ? contentOf(block) : wrong(what);
  return content.length > 0 ? content : wrong(what);
}

/** A BIT STRING's octets, after its unused-bits octet. */
export function bitStringBytes(block: BaseBlock | undefined, what: string): Uint8Array {
  return block instanceof BitString ? contentOf(block).subarray(1) : wrong(what);
}

export function octetStringBytes(block: BaseBlock | undefined, what: string): Uint8Array {
  return block instanceof OctetString ? contentOf(block) : wrong(what);
}

export function isBoolean(block: BaseBlock | undefined): block is Asn1Boolean {
  return block instanceof Asn1Boolean;
}

/** UTCTime or GeneralizedTime (a subclass of UTCTime in asn1js). */
export function timeOf(block: BaseBlock | undefined, what: string): Date {
  const date = block instanceof UTCTime ? block.toDate() : wrong(what);
  if (Number.isNaN(date.getTime())) throw new Error(`${what}: not a time`);
  return date;
}

/** Bytes as they would be read as ISO 8859-1, one character per byte (IA5String, PrintableString, T.61). */
export function latin1(bytes: Uint8Array): string {
  let text = '';
  for (const byte of bytes) text += String.fromCharCode(byte);
  return text;
}

export function hex(bytes: Uint8Array): string {
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** A DER identifier and length for `length` content octets. */
export function derHeader(tag: number, length: number): Uint8Array {
  if (length < 0x80) return new Uint8Array([tag, length]);
  const octets = lengthOctets(length);
  const header = new Uint8Array(2 + octets);
  header[0] = tag;
  header[1] = 0x80 | octets;
  for (let i = octets - 1, rest = length; i >= 0; i--, rest = Math.floor(rest / 256)) header[2 + i] = rest & 0xff;
  return header;
}
