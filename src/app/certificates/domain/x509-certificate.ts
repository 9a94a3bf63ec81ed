/*
 * One X.509 certificate (RFC 5280 §4.1), decoded with asn1js and read field by field here: the
 * schema packages (@peculiar/asn1-x509 and its kin) register every structure they know, certificate
 * or not, and weighed about 19 KiB gzipped of bundle.js for the handful of fields the plug-in reads.
 * Every field is decoded at once, so that a broken certificate fails when it is opened; names and
 * algorithms read as @peculiar/x509 reads them. Signatures are checked by WebCrypto (x509-signature.ts).
 */
import { BaseBlock, ObjectIdentifier } from 'asn1js';
import {
  bitStringBytes,
  bufferOf,
  contextItems,
  decodeDer,
  encoded,
  hex,
  integerBytes,
  isContext,
  sequenceItems,
  timeOf,
} from './asn1-der';
import { readExtensions } from './x509-extensions';
import { nameToString } from './x509-name';
import { RSASSA_PSS, RSA_ENCRYPTION, SignatureAlgorithm, algorithmIdentifier, signatureAlgorithmOf } from './x509-signature';

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

const EC_PUBLIC_KEY = '1.2.840.10045.2.1';
const CURVES: Readonly<Record<string, string>> = {
  '1.2.840.10045.3.1.7': 'P-256',
  '1.3.132.0.34': 'P-384',
  '1.3.132.0.35': 'P-521',
};
const ED_KEYS: Readonly<Record<string, string>> = { '1.3.101.112': 'Ed25519', '1.3.101.113': 'Ed448' };

/** SubjectPublicKeyInfo ::= SEQUENCE { algorithm AlgorithmIdentifier, subjectPublicKey BIT STRING }. */
function keyOf(info: BaseBlock | undefined): CertificateKey {
  const [identifier, subjectPublicKey, ...rest] = sequenceItems(info, 'SubjectPublicKeyInfo');
  const { oid, parameters } = algorithmIdentifier(identifier, 'SubjectPublicKeyInfo.algorithm');
  const key = bitStringBytes(subjectPublicKey, 'subjectPublicKey');
  if (rest.length > 0) throw new Error('SubjectPublicKeyInfo: extra fields');
  const spki = bufferOf(encoded(info as BaseBlock));
  if (oid === RSA_ENCRYPTION || oid === RSASSA_PSS) {
    // RSAPublicKey ::= SEQUENCE { modulus INTEGER, publicExponent INTEGER } (RFC 8017 §A.1.1).
    const [modulusBlock, exponent] = sequenceItems(decodeDer(key, 'RSAPublicKey'), 'RSAPublicKey');
    const modulus = integerBytes(modulusBlock, 'modulus');
    integerBytes(exponent, 'publicExponent');
    const modulusLength = (modulus[0] === 0 ? modulus.length - 1 : modulus.length) * 8;
    return { algorithm: { name: oid === RSASSA_PSS ? 'RSA-PSS' : 'RSASSA-PKCS1-v1_5', modulusLength }, spki };
  }
  if (oid === EC_PUBLIC_KEY) {
    // ECParameters: a namedCurve OID, or implicitCurve / specifiedCurve, which name no curve (RFC 5480 §2.1.1).
    const curve = parameters instanceof ObjectIdentifier ? parameters.getValue() : undefined;
    return { algorithm: { name: 'ECDSA', ...(curve ? { namedCurve: CURVES[curve] ?? curve } : {}) }, spki };
  }
  return { algorithm: { name: ED_KEYS[oid] ?? oid }, spki };
}

/** TBSCertificate's optional tail: [1] issuerUniqueID, [2] subjectUniqueID, [3] extensions, in that order. */
function extensionsOf(tail: readonly BaseBlock[]): BaseBlock[] {
  let next = 1;
  let extensions: BaseBlock[] = [];
  for (const field of tail) {
    const tag = [1, 2, 3].find((number) => number >= next && isContext(field, number));
    if (tag === undefined) throw new Error('TBSCertificate: unexpected field');
    if (tag === 3) extensions = sequenceItems(contextItems(field, 3, 'extensions')[0], 'Extensions');
    next = tag + 1;
  }
  return extensions;
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

  /** Throws when `der` is not exactly one DER X.509 certificate or a field cannot be decoded. */
  constructor(der: Uint8Array) {
    this.rawData = new Uint8Array(der);
    const [tbs, signatureAlgorithm, signatureValue, ...extra] = sequenceItems(decodeDer(this.rawData, 'Certificate'), 'Certificate');
    if (extra.length > 0) throw new Error('Certificate: extra fields');
    const fields = sequenceItems(tbs, 'TBSCertificate');
    // [0] EXPLICIT version, absent for v1.
    if (isContext(fields[0], 0)) integerBytes(contextItems(fields.shift(), 0, 'version')[0], 'version');
    const [serial, signature, issuer, validity, subject, spki, ...tail] = fields;
    const serialBytes = integerBytes(serial, 'serialNumber');
    // A leading zero byte that only keeps the INTEGER positive is not part of the number people read.
    const unsigned = serialBytes.length > 1 && serialBytes[0] === 0 && (serialBytes[1] ?? 0) > 0x7f;
    this.serialNumber = hex(unsigned ? serialBytes.subarray(1) : serialBytes);
    algorithmIdentifier(signature, 'TBSCertificate.signature');
    this.issuer = nameToString(issuer);
    const [notBefore, notAfter, ...moreTimes] = sequenceItems(validity, 'Validity');
    if (moreTimes.length > 0) throw new Error('Validity: extra fields');
    this.notBefore = timeOf(notBefore, 'notBefore');
    this.notAfter = timeOf(notAfter, 'notAfter');
    this.subject = nameToString(subject);
    this.publicKey = keyOf(spki);
    const extensions = readExtensions(extensionsOf(tail));
    this.isCa = extensions.isCa;
    this.dnsNames = extensions.dnsNames;
    this.ipAddresses = extensions.ipAddresses;
    this.signatureAlgorithm = signatureAlgorithmOf(signatureAlgorithm);
    // The bytes as received: the signature covers exactly them.
    this.signed = {
      data: bufferOf(encoded(tbs as BaseBlock)),
      signature: bufferOf(bitStringBytes(signatureValue, 'signatureValue')),
    };
  }

  getThumbprint(hash: 'SHA-256' | 'SHA-1'): Promise<ArrayBuffer> {
    return crypto.subtle.digest(hash, this.rawData);
  }
}
