/*
 * A certificate's signature, checked by the browser's WebCrypto with the issuer's key, as
 * @peculiar/x509 checks it: the signature algorithm names the WebCrypto algorithm and hash, the
 * issuer's SubjectPublicKeyInfo is imported for it, and an ECDSA signature (a DER SEQUENCE of r
 * and s, RFC 3279 §2.2.3) becomes the fixed-size r‖s that WebCrypto verifies.
 */
import { BaseBlock, Null } from 'asn1js';
import { bitStringBytes, contextItems, decodeDer, derHeader, encoded, integerBytes, isContext, oidOf, sequenceItems } from './asn1-der';
import type { X509Certificate } from './x509-certificate';

/** As WebCrypto names it; `name` is the OID when WebCrypto has no name for it. */
export interface SignatureAlgorithm {
  readonly name: string;
  readonly hash?: { readonly name: string };
  readonly saltLength?: number;
}

export const RSA_ENCRYPTION = '1.2.840.113549.1.1.1';
export const RSASSA_PSS = '1.2.840.113549.1.1.10';
const SHA1 = '1.3.14.3.2.26';

const HASHES: Readonly<Record<string, string>> = {
  [SHA1]: 'SHA-1',
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

/** Bytes of r and of s per curve. */
const COORDINATE_BYTES: Readonly<Record<string, number>> = { 'P-256': 32, 'P-384': 48, 'P-521': 66 };

/** AlgorithmIdentifier ::= SEQUENCE { algorithm OID, parameters ANY OPTIONAL }. */
export function algorithmIdentifier(block: BaseBlock | undefined, what: string): { oid: string; parameters?: BaseBlock } {
  const [algorithm, parameters, ...rest] = sequenceItems(block, what);
  if (rest.length > 0) throw new Error(`${what}: extra fields`);
  return { oid: oidOf(algorithm, what), ...(parameters ? { parameters } : {}) };
}

function smallNumber(bytes: Uint8Array): number {
  if (bytes.length > 4 || (bytes[0] ?? 0) & 0x80) throw new Error('not a small non-negative INTEGER');
  return bytes.reduce((value, byte) => value * 256 + byte, 0);
}

/** RSASSA-PSS-params (RFC 4055 §3.1): [0] hashAlgorithm DEFAULT sha1, [1] mask generation, [2] saltLength DEFAULT 20, [3] trailer. */
function pssAlgorithm(parameters: BaseBlock): SignatureAlgorithm {
  let hashOid = SHA1;
  let saltLength = 20;
  for (const field of sequenceItems(parameters, 'RSASSA-PSS-params')) {
    if (isContext(field, 0)) hashOid = algorithmIdentifier(contextItems(field, 0, 'hashAlgorithm')[0], 'hashAlgorithm').oid;
    else if (isContext(field, 2)) saltLength = smallNumber(integerBytes(contextItems(field, 2, 'saltLength')[0], 'saltLength'));
    else if (!isContext(field, 1) && !isContext(field, 3)) throw new Error('RSASSA-PSS-params: unknown field');
  }
  const hash = HASHES[hashOid];
  return hash ? { name: 'RSA-PSS', hash: { name: hash }, saltLength } : { name: 'RSA-PSS' };
}

/** The signature algorithm of a certificate's signatureAlgorithm field (an AlgorithmIdentifier). */
export function signatureAlgorithmOf(identifier: BaseBlock | undefined): SignatureAlgorithm {
  const { oid, parameters } = algorithmIdentifier(identifier, 'signatureAlgorithm');
  const known = SIGNATURES[oid];
  if (known) return known;
  if (oid === RSASSA_PSS && parameters && !(parameters instanceof Null)) return pssAlgorithm(parameters);
  return { name: oid };
}

/** r and s, each left-padded (or stripped of its sign byte) to the curve's size. */
function ecdsaRaw(signature: ArrayBuffer, namedCurve: string | undefined): Uint8Array | undefined {
  const size = COORDINATE_BYTES[namedCurve ?? ''];
  if (size === undefined) return undefined;
  const parts = sequenceItems(decodeDer(new Uint8Array(signature), 'ECDSA-Sig-Value'), 'ECDSA-Sig-Value');
  if (parts.length !== 2) return undefined;
  const raw = new Uint8Array(2 * size);
  for (const [index, part] of parts.entries()) {
    let bytes = integerBytes(part, index === 0 ? 'r' : 's');
    while (bytes.length > size && bytes[0] === 0) bytes = bytes.subarray(1);
    if (bytes.length > size) return undefined;
    raw.set(bytes, index * size + size - bytes.length);
  }
  return raw;
}

/** AlgorithmIdentifier { rsaEncryption, NULL }, DER. */
const RSA_ENCRYPTION_IDENTIFIER = [0x30, 0x0d, 0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00];

/** WebCrypto imports an RSA-PSS key only as rsaEncryption: the same key under that OID. */
function importableSpki(spki: ArrayBuffer): ArrayBuffer {
  const [algorithm, key] = sequenceItems(decodeDer(new Uint8Array(spki), 'SubjectPublicKeyInfo'), 'SubjectPublicKeyInfo');
  if (algorithmIdentifier(algorithm, 'algorithm').oid !== RSASSA_PSS || !key) return spki;
  bitStringBytes(key, 'subjectPublicKey');
  const keyBytes = encoded(key);
  const length = RSA_ENCRYPTION_IDENTIFIER.length + keyBytes.length;
  const header = derHeader(0x30, length);
  const der = new Uint8Array(header.length + length);
  der.set(header);
  der.set(RSA_ENCRYPTION_IDENTIFIER, header.length);
  der.set(keyBytes, header.length + RSA_ENCRYPTION_IDENTIFIER.length);
  return der.buffer;
}

/** Whether `issuer`'s key verifies `child`'s signature; false (never a throw) when it cannot tell. */
export async function verifySignature(child: X509Certificate, issuer: X509Certificate): Promise<boolean> {
  try {
    const algorithm = { ...issuer.publicKey.algorithm, ...child.signatureAlgorithm };
    const key = await crypto.subtle.importKey('spki', importableSpki(issuer.publicKey.spki), algorithm, false, ['verify']);
    const signature =
      algorithm.name === 'ECDSA' ? ecdsaRaw(child.signed.signature, algorithm.namedCurve) : new Uint8Array(child.signed.signature);
    return signature !== undefined && (await crypto.subtle.verify(algorithm, key, signature, child.signed.data));
  } catch {
    return false;
  }
}
