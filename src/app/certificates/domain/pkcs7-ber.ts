/*
 * The certificates of a PKCS#7 / CMS SignedData (RFC 5652 §5.1) that some tools write in BER, with
 * indefinite lengths, which the strict DER walk (der-kind.ts) refuses. asn1js reads BER; each
 * certificate is handed on exactly as it was encoded (a certificate itself must still be DER).
 * The caps keep a hostile 1 MiB blob to a fraction of a second: 50,000 nodes is some 400 certificates.
 */
import { BaseBlock, Integer, Sequence, Set as Asn1Set } from 'asn1js';
import { DerLimits, contextItems, decodeBer, encoded, isContext, oidOf, sequenceItems } from './asn1-der';

const SIGNED_DATA = '1.2.840.113549.1.7.2';
export const PKCS7_LIMITS: DerLimits = { maxDepth: 32, maxNodes: 50_000 };

/** The certificates' DER, or undefined when `bytes` is not a SignedData ContentInfo. */
export function berPkcs7CertificateDers(bytes: Uint8Array): Uint8Array[] | undefined {
  try {
    const { offset, result } = decodeBer(bytes, PKCS7_LIMITS);
    if (offset === -1 || result.error) return undefined;
    // ContentInfo ::= SEQUENCE { contentType OID, content [0] EXPLICIT ANY }.
    const [contentType, content] = sequenceItems(result, 'ContentInfo');
    if (oidOf(contentType, 'contentType') !== SIGNED_DATA) return undefined;
    // SignedData ::= SEQUENCE { version, digestAlgorithms SET, encapContentInfo, [0] IMPLICIT certificates OPTIONAL, … }.
    const fields = sequenceItems(contextItems(content, 0, 'content')[0], 'SignedData');
    const [version, digestAlgorithms, encapContentInfo] = fields;
    if (!(version instanceof Integer && digestAlgorithms instanceof Asn1Set && encapContentInfo instanceof Sequence)) return undefined;
    const set = fields.slice(3).find((field) => isContext(field, 0));
    // Other CertificateChoices (attribute certificates, [0]..[3]) are not X.509 certificates.
    const choices: BaseBlock[] = set ? contextItems(set, 0, 'certificates') : [];
    return choices.filter((choice) => choice instanceof Sequence).map((choice) => encoded(choice).slice());
  } catch {
    return undefined;
  }
}
