/*
 * A certificate's signature, checked by the browser's WebCrypto with the issuer's key, as
 * @peculiar/x509 checks it: the signature algorithm names the WebCrypto algorithm and hash, the
 * issuer's SubjectPublicKeyInfo is imported for it, and an ECDSA signature (a DER SEQUENCE of r
 * and s) becomes the fixed-size r‖s that WebCrypto verifies.
 */
import { ECDSASigValue, id_ecdsaWithSHA1, id_ecdsaWithSHA256, id_ecdsaWithSHA384, id_ecdsaWithSHA512 } from '@peculiar/asn1-ecc';
import {
  RsaSaPssParams,
  id_RSASSA_PSS,
  id_rsaEncryption,
  id_sha1,
  id_sha1WithRSAEncryption,
  id_sha256,
  id_sha256WithRSAEncryption,
  id_sha384,
  id_sha384WithRSAEncryption,
  id_sha512,
  id_sha512WithRSAEncryption,
} from '@peculiar/asn1-rsa';
import { AsnConvert } from '@peculiar/asn1-schema';
import { AlgorithmIdentifier, SubjectPublicKeyInfo } from '@peculiar/asn1-x509';
import type { X509Certificate } from './x509-certificate';

/** As WebCrypto names it; `name` is the OID when WebCrypto has no name for it. */
export interface SignatureAlgorithm {
  readonly name: string;
  readonly hash?: { readonly name: string };
  readonly saltLength?: number;
}

const HASHES: Readonly<Record<string, string>> = {
  [id_sha1]: 'SHA-1',
  [id_sha256]: 'SHA-256',
  [id_sha384]: 'SHA-384',
  [id_sha512]: 'SHA-512',
};

const SIGNATURES: Readonly<Record<string, SignatureAlgorithm>> = {
  [id_sha1WithRSAEncryption]: { name: 'RSASSA-PKCS1-v1_5', hash: { name: 'SHA-1' } },
  [id_sha256WithRSAEncryption]: { name: 'RSASSA-PKCS1-v1_5', hash: { name: 'SHA-256' } },
  [id_sha384WithRSAEncryption]: { name: 'RSASSA-PKCS1-v1_5', hash: { name: 'SHA-384' } },
  [id_sha512WithRSAEncryption]: { name: 'RSASSA-PKCS1-v1_5', hash: { name: 'SHA-512' } },
  [id_ecdsaWithSHA1]: { name: 'ECDSA', hash: { name: 'SHA-1' } },
  [id_ecdsaWithSHA256]: { name: 'ECDSA', hash: { name: 'SHA-256' } },
  [id_ecdsaWithSHA384]: { name: 'ECDSA', hash: { name: 'SHA-384' } },
  [id_ecdsaWithSHA512]: { name: 'ECDSA', hash: { name: 'SHA-512' } },
  '1.3.101.112': { name: 'Ed25519' },
  '1.3.101.113': { name: 'Ed448' },
};

/** Bytes of r and of s per curve. */
const COORDINATE_BYTES: Readonly<Record<string, number>> = { 'P-256': 32, 'P-384': 48, 'P-521': 66 };

export function signatureAlgorithmOf(identifier: AlgorithmIdentifier): SignatureAlgorithm {
  const known = SIGNATURES[identifier.algorithm];
  if (known) return known;
  if (identifier.algorithm === id_RSASSA_PSS && identifier.parameters) {
    const parameters = AsnConvert.parse(identifier.parameters, RsaSaPssParams);
    const hash = HASHES[parameters.hashAlgorithm.algorithm];
    return hash ? { name: 'RSA-PSS', hash: { name: hash }, saltLength: parameters.saltLength } : { name: 'RSA-PSS' };
  }
  return { name: identifier.algorithm };
}

/** r and s, each left-padded (or stripped of its sign byte) to the curve's size. */
function ecdsaRaw(signature: ArrayBuffer, namedCurve: string | undefined): Uint8Array | undefined {
  const size = COORDINATE_BYTES[namedCurve ?? ''];
  if (size === undefined) return undefined;
  const value = AsnConvert.parse(signature, ECDSASigValue);
  const raw = new Uint8Array(2 * size);
  for (const [index, part] of [value.r, value.s].entries()) {
    let bytes = new Uint8Array(part);
    while (bytes.length > size && bytes[0] === 0) bytes = bytes.subarray(1);
    if (bytes.length > size) return undefined;
    raw.set(bytes, index * size + size - bytes.length);
  }
  return raw;
}

/** WebCrypto imports an RSA-PSS key only as rsaEncryption: the same key under that OID. */
function importableSpki(spki: ArrayBuffer): ArrayBuffer {
  const info = AsnConvert.parse(spki, SubjectPublicKeyInfo);
  if (info.algorithm.algorithm !== id_RSASSA_PSS) return spki;
  info.algorithm = new AlgorithmIdentifier({ algorithm: id_rsaEncryption, parameters: null });
  return AsnConvert.serialize(info);
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
