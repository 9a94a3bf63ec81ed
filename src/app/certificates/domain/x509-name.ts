/*
 * An X.509 Name (RFC 5280 §4.1.2.4) as text, the way @peculiar/x509 prints it so that names read
 * before and after the move to asn1js compare equal: RDNs in the certificate's order, multi-valued
 * ones joined by `+`, short names for the usual attribute types, RFC 4514 escaping, and `#hex` of
 * the whole encoding for a value that is not a string type.
 */
import { BaseBlock, BmpString, IA5String, Null, PrintableString, TeletexString, UniversalString, Utf8String } from 'asn1js';
import { encoded, hex, oidOf, sequenceItems, setItems } from './asn1-der';

/** The short names @peculiar/x509 prints; other attribute types print as their OID. */
const ATTRIBUTE_NAMES: Readonly<Record<string, string>> = {
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

/** DirectoryString's choices (RFC 5280 Appendix A) and IA5String (emailAddress, domainComponent). */
const STRING_TYPES = [Utf8String, PrintableString, TeletexString, UniversalString, BmpString, IA5String];

/** RFC 4514 escaping, as @peculiar/x509 applies it (a control character becomes its UTF-8 bytes in hex). */
function escapeValue(value: string): string {
  return (
    value
      .replace(/([,+"\\<>;])/g, '\\$1')
      .replace(/^([ #])/, '\\$1')
      .replace(/([ ]$)/, '\\$1')
      // Every line break and tab, so that a name always shows on one line.
      .replace(/[\r\n\t]/g, (char) => `\\${hex(new TextEncoder().encode(char)).toUpperCase()}`)
  );
}

function valueToString(value: BaseBlock | undefined): string {
  if (STRING_TYPES.some((type) => value instanceof type)) return escapeValue((value as Utf8String).getValue());
  // The schema read NULL as "no value": an empty string.
  if (value instanceof Null) return '';
  if (!value) throw new Error('attribute without a value');
  return `#${hex(encoded(value))}`;
}

/** `CN=harbor.corp.local, O=Corp`: throws when `name` is not a Name. */
export function nameToString(name: BaseBlock | undefined): string {
  return sequenceItems(name, 'Name')
    .map((rdn) =>
      setItems(rdn, 'RelativeDistinguishedName')
        .map((attribute) => {
          const [type, value, ...rest] = sequenceItems(attribute, 'AttributeTypeAndValue');
          if (rest.length > 0) throw new Error('AttributeTypeAndValue: extra fields');
          const oid = oidOf(type, 'AttributeType');
          return `${ATTRIBUTE_NAMES[oid] ?? oid}=${valueToString(value)}`;
        })
        .join('+'),
    )
    .join(', ');
}
