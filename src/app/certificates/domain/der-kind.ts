/*
 * What a DER blob is, told by its shape alone: a certificate, a PKCS#7 bundle, a CSR, a CRL, a
 * public key — or a private key, which must be recognised whatever it is wrapped in so that it can
 * be refused. Shapes are deliberately a little wider than the ASN.1 definitions: mistaking an odd
 * blob for a key only costs a refusal, while missing a key would let key material through.
 */
import { DerNode, TAG, isOid, readChildren, readTlv, sliceNode, smallInteger } from './der';

export type DerKind =
  /** A whole certificate: exactly its own bytes, without whatever trailed it. */
  | { readonly kind: 'certificate'; readonly der: Uint8Array }
  | { readonly kind: 'pkcs7' }
  | { readonly kind: 'csr' }
  | { readonly kind: 'crl' }
  | { readonly kind: 'publicKey' }
  /** `label` is the PEM label the key would carry, e.g. 'RSA PRIVATE KEY' or 'PKCS12'. */
  | { readonly kind: 'privateKey'; readonly label: string }
  /** SEQUENCE { SEQUENCE, SEQUENCE, BIT STRING }: signed like a certificate, but not one. */
  | { readonly kind: 'signedUnknown' }
  | { readonly kind: 'truncated' }
  /** Not DER, or DER of no kind we know. */
  | { readonly kind: 'unknown' };

// DER contents of the object identifiers we compare with.
const OID_SIGNED_DATA = [0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x07, 0x02]; // 1.2.840.113549.1.7.2
const OID_DATA = [0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x07, 0x01]; // 1.2.840.113549.1.7.1

const isTime = (node: DerNode | undefined): boolean => node?.tag === TAG.utcTime || node?.tag === TAG.generalizedTime;
const tagsAre = (nodes: readonly (DerNode | undefined)[], tags: readonly number[]): boolean =>
  tags.every((tag, i) => nodes[i]?.tag === tag);

export function identifyDer(bytes: Uint8Array): DerKind {
  const outer = readTlv(bytes);
  if ('failure' in outer) return { kind: outer.failure === 'truncated' ? 'truncated' : 'unknown' };
  if (outer.node.tag !== TAG.sequence) return { kind: 'unknown' };
  const parts = readChildren(bytes, outer.node);
  if (typeof parts === 'string') return { kind: 'unknown' };
  return (
    signedKind(bytes, outer.node, parts) ??
    containerKind(bytes, parts) ??
    privateKeyKind(bytes, parts) ??
    publicKeyKind(bytes, parts) ?? { kind: 'unknown' }
  );
}

/** Certificate, CSR and CRL share SIGNED{…}; the to-be-signed part tells them apart (RFC 5280, 2986). */
function signedKind(bytes: Uint8Array, outer: DerNode, parts: readonly DerNode[]): DerKind | undefined {
  const [tbs] = parts;
  if (!tbs || parts.length !== 3 || !tagsAre(parts, [TAG.sequence, TAG.sequence, TAG.bitString])) return undefined;
  const fields = readChildren(bytes, tbs);
  if (typeof fields === 'string') return { kind: 'signedUnknown' };
  // TBSCertificate: [0] version (v2, v3) or not (v1), serial, signature, issuer, validity, subject, spki, …
  const afterVersion = fields[0]?.tag === TAG.context0 ? fields.slice(1) : fields;
  if (
    afterVersion.length >= 6 &&
    tagsAre(afterVersion, [TAG.integer, TAG.sequence, TAG.sequence, TAG.sequence, TAG.sequence, TAG.sequence])
  ) {
    return { kind: 'certificate', der: sliceNode(bytes, outer) };
  }
  // CertificationRequestInfo: version, subject, subjectPKInfo, [0] attributes.
  if (fields.length === 4 && tagsAre(fields, [TAG.integer, TAG.sequence, TAG.sequence, TAG.context0])) return { kind: 'csr' };
  // TBSCertList: optional version, signature, issuer, thisUpdate, …
  const afterCrlVersion = fields[0]?.tag === TAG.integer ? fields.slice(1) : fields;
  if (tagsAre(afterCrlVersion, [TAG.sequence, TAG.sequence]) && isTime(afterCrlVersion[2])) return { kind: 'crl' };
  return { kind: 'signedUnknown' };
}

/** ContentInfo of SignedData (PKCS#7 / CMS), and PKCS#12's PFX, which nearly always carries a key. */
function containerKind(bytes: Uint8Array, parts: readonly DerNode[]): DerKind | undefined {
  if (isOid(bytes, parts[0], OID_SIGNED_DATA) && parts[1]?.tag === TAG.context0) return { kind: 'pkcs7' };
  // PFX: version 3, authSafe ContentInfo (data or signedData), optional macData (RFC 7292).
  const authSafe = parts[1]?.tag === TAG.sequence ? readChildren(bytes, parts[1]) : undefined;
  if (smallInteger(bytes, parts[0]) === 3 && Array.isArray(authSafe)) {
    const [type] = authSafe;
    if (isOid(bytes, type, OID_DATA) || isOid(bytes, type, OID_SIGNED_DATA)) return { kind: 'privateKey', label: 'PKCS12' };
  }
  return undefined;
}

function privateKeyKind(bytes: Uint8Array, parts: readonly DerNode[]): DerKind | undefined {
  const version = smallInteger(bytes, parts[0]);
  // PKCS#8 PrivateKeyInfo / OneAsymmetricKey: version 0|1, algorithm, privateKey OCTET STRING, …
  if ((version === 0 || version === 1) && tagsAre(parts.slice(1), [TAG.sequence, TAG.octetString])) {
    return { kind: 'privateKey', label: 'PRIVATE KEY' };
  }
  // PKCS#8 EncryptedPrivateKeyInfo: encryptionAlgorithm, encryptedData OCTET STRING.
  if (parts.length === 2 && tagsAre(parts, [TAG.sequence, TAG.octetString])) return { kind: 'privateKey', label: 'ENCRYPTED PRIVATE KEY' };
  // SEC1 ECPrivateKey: version 1, privateKey OCTET STRING, [0] parameters, [1] publicKey.
  if (version === 1 && parts[1]?.tag === TAG.octetString) return { kind: 'privateKey', label: 'EC PRIVATE KEY' };
  // PKCS#1 RSAPrivateKey (version, n, e, d, p, q, dp, dq, qinv[, other primes]) and OpenSSL's DSA
  // key (version, p, q, g, y, x): nothing but INTEGERs, version first.
  if ((version === 0 || version === 1) && parts.length >= 6 && parts.every((part) => part.tag === TAG.integer)) {
    return { kind: 'privateKey', label: parts.length === 6 ? 'DSA PRIVATE KEY' : 'RSA PRIVATE KEY' };
  }
  return undefined;
}

/** SubjectPublicKeyInfo (algorithm, BIT STRING) and PKCS#1 RSAPublicKey (modulus, exponent). */
function publicKeyKind(bytes: Uint8Array, parts: readonly DerNode[]): DerKind | undefined {
  if (parts.length !== 2) return undefined;
  if (tagsAre(parts, [TAG.sequence, TAG.bitString]) || tagsAre(parts, [TAG.integer, TAG.integer])) return { kind: 'publicKey' };
  return undefined;
}

/**
 * The certificates of a DER SignedData, each exactly as it was encoded (re-encoding could change
 * the bytes a signature covers). 'malformed' when the structure is not what RFC 5652 describes,
 * e.g. BER with indefinite lengths; the caller then falls back to a lenient parser.
 */
export function pkcs7CertificateDers(bytes: Uint8Array): Uint8Array[] | 'malformed' {
  const outer = readTlv(bytes);
  if ('failure' in outer) return 'malformed';
  const [type, explicit] = asArray(readChildren(bytes, outer.node));
  if (!isOid(bytes, type, OID_SIGNED_DATA) || explicit?.tag !== TAG.context0) return 'malformed';
  const [signedData] = asArray(readChildren(bytes, explicit));
  if (signedData?.tag !== TAG.sequence) return 'malformed';
  const fields = asArray(readChildren(bytes, signedData));
  // version, digestAlgorithms, encapContentInfo, then [0] IMPLICIT CertificateSet when present.
  if (fields.length < 3) return 'malformed';
  const set = fields.slice(3).find((field) => field.tag === TAG.context0);
  if (!set) return [];
  const choices = readChildren(bytes, set);
  if (typeof choices === 'string') return 'malformed';
  // Other CertificateChoices (attribute certificates, [0]..[3]) are not X.509 certificates.
  return choices.filter((choice) => choice.tag === TAG.sequence).map((choice) => sliceNode(bytes, choice));
}

function asArray(children: DerNode[] | string): DerNode[] {
  return typeof children === 'string' ? [] : children;
}
