/*
 * An X.509 certificate read from DER with the plug-in's own DER walk (`der.ts`): exactly the
 * fields the certificate checks use, every one read at once so that a broken certificate fails
 * here. A general ASN.1 library (with its schema engine and DI container) weighed about 45 KiB
 * gzipped in a bundle VCD loads at every login; these few hundred lines do what the checks need.
 * Signatures are verified by WebCrypto (x509-signature.ts).
 */
import { DerNode, TAG, contentOf, readTlv, sliceNode } from './der';
import { X509Error, childrenOf, fail, hexOf, ipText, nameText, oidText, timeOf } from './x509-names';
import { splitPemBlocks } from './pem';

export { X509Error } from './x509-names';

export interface PublicKeyAlgorithm {
  /** 'RSASSA-PKCS1-v1_5' for rsaEncryption, 'RSA-PSS', 'ECDSA', 'Ed25519', 'Ed448', or the dotted OID. */
  readonly name: string;
  readonly modulusLength?: number;
  readonly namedCurve?: string;
}

export interface SignatureAlgorithm {
  /** 'RSASSA-PKCS1-v1_5', 'RSA-PSS', 'ECDSA', 'Ed25519' or 'Ed448'. */
  readonly name: string;
  readonly hash?: { readonly name: string };
  /** RSA-PSS only (RFC 4055: 20 when absent). */
  readonly saltLength?: number;
}

export interface X509Certificate {
  /** The certificate's own DER bytes. */
  readonly rawData: Uint8Array;
  /** The bytes the issuer signed (tbsCertificate, exactly as encoded). */
  readonly tbs: Uint8Array;
  /** Lower-case hex of the serial's octets (a sign octet before a high bit dropped). */
  readonly serialNumber: string;
  readonly subject: string;
  readonly issuer: string;
  readonly notBefore: Date;
  readonly notAfter: Date;
  /** basicConstraints, absent when the certificate has none. */
  readonly basicConstraints?: { readonly ca: boolean; readonly pathLength?: number };
  /** subjectAltName entries: DNS names as written, IP addresses as text. */
  readonly dnsNames: readonly string[];
  readonly ipAddresses: readonly string[];
  /** SubjectPublicKeyInfo, as WebCrypto imports it ('spki'). */
  readonly spki: Uint8Array;
  readonly publicKeyAlgorithm: PublicKeyAlgorithm;
  readonly signatureAlgorithm: SignatureAlgorithm;
  readonly signatureValue: Uint8Array;
}

const OID_BASIC_CONSTRAINTS = '2.5.29.19';
const OID_SUBJECT_ALT_NAME = '2.5.29.17';
const OID_RSA = '1.2.840.113549.1.1.1';
const OID_RSA_PSS = '1.2.840.113549.1.1.10';
const OID_EC = '1.2.840.10045.2.1';

const HASHES: Readonly<Record<string, string>> = {
  '1.3.14.3.2.26': 'SHA-1',
  '2.16.840.1.101.3.4.2.1': 'SHA-256',
  '2.16.840.1.101.3.4.2.2': 'SHA-384',
  '2.16.840.1.101.3.4.2.3': 'SHA-512',
};

const SIGNATURES: Readonly<Record<string, SignatureAlgorithm>> = {
  '1.2.840.113549.1.1.5': { name: 'RSASSA-PKCS1-v1_5', hash: { name: 'SHA-1' } },
  '1.2.840.113549.1.1.11': { name: 'RSASSA-PKCS1-v1_5', hash: { name: 'SHA-256' } },
  '1.2.840.113549.1.1.12': { name: 'RSASSA-PKCS1-v1_5', hash: { name: 'SHA-384' } },
  '1.2.840.113549.1.1.13': { name: 'RSASSA-PKCS1-v1_5', hash: { name: 'SHA-512' } },
  '1.2.840.10045.4.1': { name: 'ECDSA', hash: { name: 'SHA-1' } },
  '1.2.840.10045.4.3.2': { name: 'ECDSA', hash: { name: 'SHA-256' } },
  '1.2.840.10045.4.3.3': { name: 'ECDSA', hash: { name: 'SHA-384' } },
  '1.2.840.10045.4.3.4': { name: 'ECDSA', hash: { name: 'SHA-512' } },
  '1.3.101.112': { name: 'Ed25519' },
  '1.3.101.113': { name: 'Ed448' },
};

const CURVES: Readonly<Record<string, string>> = {
  '1.2.840.10045.3.1.7': 'P-256',
  '1.3.132.0.34': 'P-384',
  '1.3.132.0.35': 'P-521',
  '1.3.132.0.10': 'K-256',
};

/** AlgorithmIdentifier ::= SEQUENCE { algorithm OID, parameters ANY OPTIONAL }. */
function algorithmOf(bytes: Uint8Array, node: DerNode | undefined): { oid: string; parameters?: DerNode } {
  const [oid, parameters] = childrenOf(bytes, node, TAG.sequence, 'algorithm identifier');
  return { oid: oidText(bytes, oid), ...(parameters ? { parameters } : {}) };
}

/** RSASSA-PSS-params: [0] hashAlgorithm (SHA-1 when absent), …, [2] saltLength (20 when absent). */
function pssAlgorithm(bytes: Uint8Array, parameters: DerNode | undefined): SignatureAlgorithm {
  let hash = 'SHA-1';
  let saltLength = 20;
  for (const field of parameters?.tag === TAG.sequence ? childrenOf(bytes, parameters, TAG.sequence, 'PSS parameters') : []) {
    const [inner] = childrenOf(bytes, field, field.tag, 'PSS parameter');
    if (field.tag === 0xa0) hash = HASHES[algorithmOf(bytes, inner).oid] ?? fail('PSS hash');
    if (field.tag === 0xa2) saltLength = unsignedOf(bytes, inner, 'PSS salt length');
  }
  return { name: 'RSA-PSS', hash: { name: hash }, saltLength };
}

function signatureAlgorithmOf(bytes: Uint8Array, node: DerNode | undefined): SignatureAlgorithm {
  const { oid, parameters } = algorithmOf(bytes, node);
  if (oid === OID_RSA_PSS) return pssAlgorithm(bytes, parameters);
  return SIGNATURES[oid] ?? fail(`signature algorithm ${oid}`);
}

function unsignedOf(bytes: Uint8Array, node: DerNode | undefined, what: string): number {
  if (node?.tag !== TAG.integer || node.end === node.contentStart || node.end - node.contentStart > 6) fail(what);
  const content = contentOf(bytes, node);
  if ((content[0] ?? 0) & 0x80) fail(what);
  return content.reduce((value, byte) => value * 256 + byte, 0);
}

/** A BIT STRING's bits (whole octets only: keys and signatures always are). */
function bitStringOf(bytes: Uint8Array, node: DerNode | undefined, what: string): Uint8Array {
  if (node?.tag !== TAG.bitString || node.end === node.contentStart || bytes[node.contentStart] !== 0) fail(what);
  return bytes.subarray(node.contentStart + 1, node.end);
}

function publicKeyAlgorithmOf(bytes: Uint8Array, spki: DerNode | undefined): PublicKeyAlgorithm {
  const [algorithm, key] = childrenOf(bytes, spki, TAG.sequence, 'subject public key info');
  const { oid, parameters } = algorithmOf(bytes, algorithm);
  const keyBits = bitStringOf(bytes, key, 'subject public key');
  if (oid === OID_RSA || oid === OID_RSA_PSS) {
    const read = readTlv(keyBits);
    const [modulus] = 'node' in read ? childrenOf(keyBits, read.node, TAG.sequence, 'RSA public key') : fail('RSA public key');
    if (modulus?.tag !== TAG.integer) fail('RSA modulus');
    const octets = contentOf(keyBits, modulus);
    const modulusLength = (octets[0] === 0 ? octets.length - 1 : octets.length) * 8;
    return { name: oid === OID_RSA ? 'RSASSA-PKCS1-v1_5' : 'RSA-PSS', modulusLength };
  }
  if (oid === OID_EC) {
    const curve = oidText(bytes, parameters);
    return { name: 'ECDSA', namedCurve: CURVES[curve] ?? curve };
  }
  return { name: SIGNATURES[oid]?.name ?? oid };
}

interface Extensions {
  basicConstraints?: { ca: boolean; pathLength?: number };
  dnsNames: string[];
  ipAddresses: string[];
}

function readExtensions(bytes: Uint8Array, wrapper: DerNode | undefined): Extensions {
  const found: Extensions = { dnsNames: [], ipAddresses: [] };
  if (!wrapper) return found;
  const [list] = childrenOf(bytes, wrapper, 0xa3, 'extensions');
  for (const extension of childrenOf(bytes, list, TAG.sequence, 'extensions')) {
    const fields = childrenOf(bytes, extension, TAG.sequence, 'extension');
    const id = oidText(bytes, fields[0]);
    const value = fields[fields.length - 1];
    if (value?.tag !== TAG.octetString) fail('extension value');
    const inner = readTlv(bytes, value.contentStart, value.end);
    if (!('node' in inner) || inner.node.end !== value.end) fail('extension value');
    if (id === OID_BASIC_CONSTRAINTS) {
      const [first, second] = childrenOf(bytes, inner.node, TAG.sequence, 'basic constraints');
      const ca = first?.tag === 0x01 && bytes[first.contentStart] !== 0;
      const length = first?.tag === TAG.integer ? first : second;
      found.basicConstraints = { ca, ...(length ? { pathLength: unsignedOf(bytes, length, 'path length') } : {}) };
    }
    if (id === OID_SUBJECT_ALT_NAME) {
      for (const name of childrenOf(bytes, inner.node, TAG.sequence, 'subject alternative names')) {
        if (name.tag === 0x82) found.dnsNames.push(String.fromCharCode(...contentOf(bytes, name)));
        if (name.tag === 0x87) found.ipAddresses.push(ipText(contentOf(bytes, name)));
      }
    }
  }
  return found;
}

/** Parses one DER certificate (its exact bytes); throws X509Error when it is not one. */
export function parseCertificate(der: Uint8Array): X509Certificate {
  const bytes = der.slice();
  const outer = readTlv(bytes);
  if (!('node' in outer) || outer.node.end !== bytes.length) fail('certificate');
  const [tbs, signatureAlgorithm, signatureValue, extra] = childrenOf(bytes, outer.node, TAG.sequence, 'certificate');
  if (extra) fail('certificate');
  const fields = childrenOf(bytes, tbs, TAG.sequence, 'tbsCertificate');
  const rest = fields[0]?.tag === TAG.context0 ? fields.slice(1) : fields;
  const [serial, innerSignature, issuer, validity, subject, spki, ...optional] = rest;
  if (serial?.tag !== TAG.integer || serial.end === serial.contentStart) fail('serial number');
  algorithmOf(bytes, innerSignature);
  const [notBefore, notAfter] = childrenOf(bytes, validity, TAG.sequence, 'validity');
  const serialOctets = contentOf(bytes, serial);
  const extensions = readExtensions(
    bytes,
    optional.find((node) => node.tag === 0xa3),
  );
  if (spki?.tag !== TAG.sequence) fail('subject public key info');
  return {
    rawData: bytes,
    tbs: sliceNode(bytes, tbs as DerNode),
    serialNumber: hexOf(
      serialOctets.length > 1 && serialOctets[0] === 0 && (serialOctets[1] ?? 0) > 0x7f ? serialOctets.subarray(1) : serialOctets,
    ),
    issuer: nameText(bytes, issuer),
    subject: nameText(bytes, subject),
    notBefore: timeOf(bytes, notBefore),
    notAfter: timeOf(bytes, notAfter),
    ...(extensions.basicConstraints ? { basicConstraints: extensions.basicConstraints } : {}),
    dnsNames: extensions.dnsNames,
    ipAddresses: extensions.ipAddresses,
    spki: sliceNode(bytes, spki),
    publicKeyAlgorithm: publicKeyAlgorithmOf(bytes, spki),
    signatureAlgorithm: signatureAlgorithmOf(bytes, signatureAlgorithm),
    signatureValue: bitStringOf(bytes, signatureValue, 'signature'),
  };
}

/** From DER, or the first CERTIFICATE block of a PEM text. */
export function readCertificate(pemOrDer: string | Uint8Array): X509Certificate {
  if (typeof pemOrDer !== 'string') return parseCertificate(pemOrDer);
  const block = splitPemBlocks(pemOrDer).find((candidate) => /CERTIFICATE$/.test(candidate.label));
  if (!block) throw new X509Error('no certificate in the PEM text');
  return parseCertificate(block.der);
}
