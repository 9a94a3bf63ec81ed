/*
 * Distinguished names and the other X.509 values shown as text, read from DER: `CN=Corp Root CA,
 * O=Corp` in the certificate's own RDN order with RFC 4514's escapes, dates from UTCTime and
 * GeneralizedTime, IP addresses from SANs. The spelling is the one @peculiar/x509 used before
 * (short names for the 12 usual attributes, the dotted OID otherwise, `#hex` for a value that is
 * not a string), so that names stored or compared earlier keep matching.
 */
import { DerNode, TAG, contentOf, readChildren } from './der';

/** Thrown for DER that has the shape of no X.509 structure: the caller reports the certificate unparsable. */
export class X509Error extends Error {}

export function fail(what: string): never {
  throw new X509Error(what);
}

export function childrenOf(bytes: Uint8Array, node: DerNode | undefined, tag: number, what: string): DerNode[] {
  if (node?.tag !== tag) fail(what);
  const children = readChildren(bytes, node);
  if (typeof children === 'string') fail(what);
  return children;
}

/** `2.5.4.3` from the OID's DER content. */
export function oidText(bytes: Uint8Array, node: DerNode | undefined): string {
  if (node?.tag !== TAG.oid || node.end === node.contentStart) fail('object identifier');
  const arcs: number[] = [];
  let value = 0;
  for (const byte of contentOf(bytes, node)) {
    value = value * 128 + (byte & 0x7f);
    if (byte & 0x80) continue;
    if (arcs.length === 0) arcs.push(value < 80 ? Math.floor(value / 40) : 2, value < 80 ? value % 40 : value - 80);
    else arcs.push(value);
    value = 0;
  }
  return arcs.join('.');
}

export function hexOf(bytes: Uint8Array): string {
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

const SHORT_NAMES: Readonly<Record<string, string>> = {
  '2.5.4.3': 'CN',
  '2.5.4.7': 'L',
  '2.5.4.8': 'ST',
  '2.5.4.10': 'O',
  '2.5.4.11': 'OU',
  '2.5.4.6': 'C',
  '0.9.2342.19200300.100.1.25': 'DC',
  '1.2.840.113549.1.9.1': 'E',
  '2.5.4.42': 'G',
  '2.5.4.43': 'I',
  '2.5.4.4': 'SN',
  '2.5.4.12': 'T',
};

const STRING_TAGS = { utf8: 0x0c, printable: 0x13, teletex: 0x14, ia5: 0x16, universal: 0x1c, bmp: 0x1e } as const;

function codeUnits(content: Uint8Array, width: 2 | 4): string {
  let text = '';
  for (let i = 0; i + width <= content.length; i += width) {
    let point = 0;
    for (let j = 0; j < width; j++) point = point * 256 + (content[i + j] ?? 0);
    text += String.fromCodePoint(point <= 0x10ffff ? point : 0xfffd);
  }
  return text;
}

/** A DirectoryString or IA5String as text; undefined for any other type. */
function stringValue(bytes: Uint8Array, node: DerNode): string | undefined {
  const content = contentOf(bytes, node);
  switch (node.tag) {
    case STRING_TAGS.utf8:
      return new TextDecoder().decode(content);
    case STRING_TAGS.printable:
    case STRING_TAGS.teletex:
    case STRING_TAGS.ia5:
      return String.fromCharCode(...content);
    case STRING_TAGS.bmp:
      return codeUnits(content, 2);
    case STRING_TAGS.universal:
      return codeUnits(content, 4);
    default:
      return undefined;
  }
}

/** RFC 4514 §2.4 escapes (the first control character only, as the earlier library did). */
function escapeValue(value: string): string {
  return value
    .replace(/([,+"\\<>;])/g, '\\$1')
    .replace(/^([ #])/, '\\$1')
    .replace(/([ ]$)/, '\\$1')
    .replace(/([\r\n\t])/, (char) => `\\${hexOf(new TextEncoder().encode(char)).toUpperCase()}`);
}

/** Name ::= SEQUENCE OF SET OF SEQUENCE { type OID, value ANY }, as `CN=a, O=b` (`+` inside an RDN). */
export function nameText(bytes: Uint8Array, node: DerNode | undefined): string {
  return childrenOf(bytes, node, TAG.sequence, 'name')
    .map((rdn) =>
      childrenOf(bytes, rdn, TAG.set, 'relative distinguished name')
        .map((attribute) => {
          const [type, value] = childrenOf(bytes, attribute, TAG.sequence, 'attribute');
          if (!value) fail('attribute value');
          const oid = oidText(bytes, type);
          const text = stringValue(bytes, value);
          return `${SHORT_NAMES[oid] ?? oid}=${text === undefined ? `#${hexOf(bytes.subarray(value.start, value.end))}` : escapeValue(text)}`;
        })
        .join('+'),
    )
    .join(', ');
}

const TIME = /^(\d{2}|\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})?(?:\.(\d+))?Z$/;

/** UTCTime (years 1950–2049) or GeneralizedTime, both in UTC as RFC 5280 requires. */
export function timeOf(bytes: Uint8Array, node: DerNode | undefined): Date {
  if (node?.tag !== TAG.utcTime && node?.tag !== TAG.generalizedTime) fail('time');
  const text = String.fromCharCode(...contentOf(bytes, node));
  const match = TIME.exec(text);
  const isUtc = node.tag === TAG.utcTime;
  if (!match || (match[1] ?? '').length !== (isUtc ? 2 : 4)) fail('time');
  const shortYear = Number(match[1]);
  const year = isUtc ? (shortYear < 50 ? 2000 + shortYear : 1900 + shortYear) : shortYear;
  const millis = Number(`0.${match[7] ?? '0'}`) * 1000;
  const date = new Date(
    Date.UTC(year, Number(match[2]) - 1, Number(match[3]), Number(match[4]), Number(match[5]), Number(match[6] ?? 0), millis),
  );
  if (Number.isNaN(date.getTime())) fail('time');
  return date;
}

/** 4 bytes → dotted quad; 16 bytes → IPv6, the longest run of zero groups (two or more) written `::`. */
export function ipText(octets: Uint8Array): string {
  if (octets.length === 4) return Array.from(octets).join('.');
  if (octets.length !== 16) return hexOf(octets);
  const groups = Array.from({ length: 8 }, (_, i) => (((octets[2 * i] ?? 0) << 8) | (octets[2 * i + 1] ?? 0)).toString(16));
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
