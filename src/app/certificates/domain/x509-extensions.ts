/*
 * The certificate extensions the plug-in reads (RFC 5280 §4.2): basicConstraints and
 * subjectAltName. An extension's value is an OCTET STRING holding DER of its own; it is decoded
 * here, with the same caps as the certificate. Other extensions are kept only as their OID.
 */
import { BaseBlock } from 'asn1js';
import { contextContent, decodeDer, isBoolean, isContext, latin1, octetStringBytes, oidOf, sequenceItems } from './asn1-der';

const BASIC_CONSTRAINTS = '2.5.29.19';
const SUBJECT_ALT_NAME = '2.5.29.17';

export interface ReadExtensions {
  /** basicConstraints cA (DEFAULT FALSE). */
  readonly isCa: boolean;
  readonly dnsNames: readonly string[];
  readonly ipAddresses: readonly string[];
}

/** Extension ::= SEQUENCE { extnID, critical BOOLEAN DEFAULT FALSE, extnValue OCTET STRING }. */
function extensionEntry(block: BaseBlock): { oid: string; value: Uint8Array } {
  const [id, second, third, ...rest] = sequenceItems(block, 'Extension');
  const value = isBoolean(second) ? third : second;
  if (rest.length > 0 || (!isBoolean(second) && third !== undefined)) throw new Error('Extension: extra fields');
  return { oid: oidOf(id, 'extnID'), value: octetStringBytes(value, 'extnValue') };
}

/** BasicConstraints ::= SEQUENCE { cA BOOLEAN DEFAULT FALSE, pathLenConstraint INTEGER OPTIONAL }. */
function isCaOf(value: Uint8Array): boolean {
  const [first] = sequenceItems(decodeDer(value, 'BasicConstraints'), 'BasicConstraints');
  return isBoolean(first) && first.getValue();
}

/** The four octets dotted, or the sixteen as RFC 5952 text (the longest run of zero groups, the first of equals, as `::`). */
export function ipAddressText(bytes: Uint8Array): string {
  if (bytes.length === 4) return bytes.join('.');
  if (bytes.length !== 16) return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
  const groups = Array.from({ length: 8 }, (_, i) => (((bytes[2 * i] ?? 0) << 8) | (bytes[2 * i + 1] ?? 0)).toString(16));
  let best = { start: -1, length: 0 };
  for (let i = 0; i < 8; ) {
    let end = i;
    while (end < 8 && groups[end] === '0') end++;
    if (end - i > best.length) best = { start: i, length: end - i };
    i = end === i ? i + 1 : end;
  }
  if (best.length < 2) return groups.join(':');
  return `${groups.slice(0, best.start).join(':')}::${groups.slice(best.start + best.length).join(':')}`;
}

/** GeneralNames: dNSName [2] IA5String and iPAddress [7] OCTET STRING; the other choices are skipped. */
function alternativeNames(value: Uint8Array): { dnsNames: string[]; ipAddresses: string[] } {
  const dnsNames: string[] = [];
  const ipAddresses: string[] = [];
  for (const name of sequenceItems(decodeDer(value, 'SubjectAltName'), 'GeneralNames')) {
    if (isContext(name, 2)) dnsNames.push(latin1(contextContent(name, 2, 'dNSName')));
    else if (isContext(name, 7)) ipAddresses.push(ipAddressText(contextContent(name, 7, 'iPAddress')));
    else if (name.idBlock.tagClass !== 3 || name.idBlock.tagNumber > 8) throw new Error('GeneralName: unknown choice');
  }
  return { dnsNames, ipAddresses };
}

/** `extensions`: the items of the [3] field's SEQUENCE OF Extension (none for a certificate without). */
export function readExtensions(extensions: readonly BaseBlock[]): ReadExtensions {
  const entries = extensions.map(extensionEntry);
  const constraints = entries.find((entry) => entry.oid === BASIC_CONSTRAINTS);
  const alternative = entries.find((entry) => entry.oid === SUBJECT_ALT_NAME);
  return {
    isCa: constraints ? isCaOf(constraints.value) : false,
    ...(alternative ? alternativeNames(alternative.value) : { dnsNames: [], ipAddresses: [] }),
  };
}
