/*
 * One X.509 certificate, decoded by @peculiar/asn1-x509 — the RFC 5280 schema @peculiar/x509 is
 * built on, without that library's dependency-injection container (tsyringe) and Reflect polyfill,
 * which weighed about a sixth of bundle.js. Every field is decoded here, at once, so that a broken
 * certificate fails when it is opened; names and algorithms read as @peculiar/x509 reads them.
 * Signatures are checked by the browser's WebCrypto (x509-signature.ts).
 */
import { id_ecPublicKey, id_secp256r1, id_secp384r1, id_secp521r1, ECParameters } from '@peculiar/asn1-ecc';
import { id_RSASSA_PSS, id_rsaEncryption, RSAPublicKey } from '@peculiar/asn1-rsa';
import { AsnConvert } from '@peculiar/asn1-schema';
import {
  BasicConstraints,
  Certificate,
  Name,
  SubjectAlternativeName,
  id_ce_basicConstraints,
  id_ce_subjectAltName,
} from '@peculiar/asn1-x509';
import { SignatureAlgorithm, signatureAlgorithmOf } from './x509-signature';

/** The key as WebCrypto names it: `RSASSA-PKCS1-v1_5` with its size, `ECDSA` with its curve, or the OID of another. */
export interface KeyAlgorithm {
  readonly name: string;
  readonly modulusLength?: number;
  readonly namedCurve?: string;
}

export interface CertificateKey {
  readonly algorithm: KeyAlgorithm;
  /** The SubjectPublicKeyInfo, DER: what WebCrypto imports. */
  readonly spki: ArrayBuffer;
}

const CURVES: Readonly<Record<string, string>> = { [id_secp256r1]: 'P-256', [id_secp384r1]: 'P-384', [id_secp521r1]: 'P-521' };
const ED_KEYS: Readonly<Record<string, string>> = { '1.3.101.112': 'Ed25519', '1.3.101.113': 'Ed448' };

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

function hex(bytes: ArrayBuffer | Uint8Array): string {
  return Array.from(new Uint8Array(bytes), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** RFC 4514 escaping, as @peculiar/x509 applies it (a control character becomes its UTF-8 bytes in hex). */
function escapeValue(value: string): string {
  return value
    .replace(/([,+"\\<>;])/g, '\\$1')
    .replace(/^([ #])/, '\\$1')
    .replace(/([ ]$)/, '\\$1')
    .replace(/([\r\n\t])/, (char) => `\\${hex(new TextEncoder().encode(char)).toUpperCase()}`);
}

/** `CN=harbor.corp.local, O=Corp`: RDNs in the certificate's order, multi-valued ones joined by `+`. */
export function nameToString(name: Name): string {
  return name
    .map((rdn) =>
      rdn
        .map(({ type, value }) => {
          const shown = value.anyValue ? `#${hex(value.anyValue)}` : escapeValue(value.toString());
          return `${ATTRIBUTE_NAMES[type] ?? type}=${shown}`;
        })
        .join('+'),
    )
    .join(', ');
}

function keyOf(certificate: Certificate): CertificateKey {
  const info = certificate.tbsCertificate.subjectPublicKeyInfo;
  const oid = info.algorithm.algorithm;
  const spki = AsnConvert.serialize(info);
  if (oid === id_rsaEncryption || oid === id_RSASSA_PSS) {
    const modulus = new Uint8Array(AsnConvert.parse(info.subjectPublicKey, RSAPublicKey).modulus);
    const modulusLength = (modulus[0] === 0 ? modulus.length - 1 : modulus.length) * 8;
    return { algorithm: { name: oid === id_RSASSA_PSS ? 'RSA-PSS' : 'RSASSA-PKCS1-v1_5', modulusLength }, spki };
  }
  if (oid === id_ecPublicKey) {
    const parameters = info.algorithm.parameters ? AsnConvert.parse(info.algorithm.parameters, ECParameters) : undefined;
    const curve = parameters?.namedCurve;
    return { algorithm: { name: 'ECDSA', ...(curve ? { namedCurve: CURVES[curve] ?? curve } : {}) }, spki };
  }
  return { algorithm: { name: ED_KEYS[oid] ?? oid }, spki };
}

export class X509Certificate {
  /** The certificate's DER bytes. */
  readonly rawData: Uint8Array;
  readonly subject: string;
  readonly issuer: string;
  /** Lower-case hex of the serial number. */
  readonly serialNumber: string;
  readonly notBefore: Date;
  readonly notAfter: Date;
  /** basicConstraints CA:TRUE. */
  readonly isCa: boolean;
  readonly dnsNames: readonly string[];
  readonly ipAddresses: readonly string[];
  readonly publicKey: CertificateKey;
  readonly signatureAlgorithm: SignatureAlgorithm;
  /** What the issuer signed (the TBSCertificate, DER) and its signature. */
  readonly signed: { readonly data: ArrayBuffer; readonly signature: ArrayBuffer };

  /** Throws when `der` is not one X.509 certificate or a field cannot be decoded. */
  constructor(der: Uint8Array) {
    const certificate = AsnConvert.parse(der, Certificate);
    const tbs = certificate.tbsCertificate;
    this.rawData = new Uint8Array(der);
    this.subject = nameToString(tbs.subject);
    this.issuer = nameToString(tbs.issuer);
    const serial = new Uint8Array(tbs.serialNumber);
    // A leading zero byte that only keeps the INTEGER positive is not part of the number people read.
    this.serialNumber = hex(serial.length > 1 && serial[0] === 0 && (serial[1] ?? 0) > 0x7f ? serial.subarray(1) : serial);
    this.notBefore = tbs.validity.notBefore.getTime();
    this.notAfter = tbs.validity.notAfter.getTime();
    const extensions = tbs.extensions ?? [];
    const constraints = extensions.find((extension) => extension.extnID === id_ce_basicConstraints);
    this.isCa = constraints ? AsnConvert.parse(constraints.extnValue, BasicConstraints).cA : false;
    const alternative = extensions.find((extension) => extension.extnID === id_ce_subjectAltName);
    const names = alternative ? AsnConvert.parse(alternative.extnValue, SubjectAlternativeName) : [];
    this.dnsNames = names.flatMap((name) => (name.dNSName === undefined ? [] : [name.dNSName]));
    this.ipAddresses = names.flatMap((name) => (name.iPAddress === undefined ? [] : [name.iPAddress]));
    this.publicKey = keyOf(certificate);
    this.signatureAlgorithm = signatureAlgorithmOf(certificate.signatureAlgorithm);
    // The bytes as received (not re-encoded): the signature covers exactly them.
    this.signed = { data: certificate.tbsCertificateRaw ?? AsnConvert.serialize(tbs), signature: certificate.signatureValue };
  }

  getThumbprint(hash: 'SHA-256' | 'SHA-1'): Promise<ArrayBuffer> {
    return crypto.subtle.digest(hash, this.rawData);
  }
}
