/*
 * "Does this key verify that signature?" with WebCrypto, the way a TLS client checks a chain: the
 * issuer's SubjectPublicKeyInfo imported for the child's signature algorithm, the child's
 * tbsCertificate verified. ECDSA signatures arrive as DER SEQUENCE { r, s } and WebCrypto wants
 * r‖s, each padded to the curve's size.
 */
import { TAG, contentOf, readChildren, readTlv } from './der';
import { X509Certificate } from './x509';

const CURVE_BYTES: Readonly<Record<string, number>> = { 'P-256': 32, 'P-384': 48, 'P-521': 66 };

/** DER ECDSA-Sig-Value → r‖s of `size` bytes each; undefined when it is not one. */
export function ecdsaSignatureToRaw(signature: Uint8Array, size: number): Uint8Array | undefined {
  const outer = readTlv(signature);
  if (!('node' in outer) || outer.node.tag !== TAG.sequence || outer.node.end !== signature.length) return undefined;
  const parts = readChildren(signature, outer.node);
  if (typeof parts === 'string' || parts.length !== 2) return undefined;
  const raw = new Uint8Array(size * 2);
  for (const [index, part] of parts.entries()) {
    if (part.tag !== TAG.integer) return undefined;
    let value = contentOf(signature, part);
    while (value.length > 1 && value[0] === 0) value = value.subarray(1);
    if (value.length > size) return undefined;
    raw.set(value, index * size + size - value.length);
  }
  return raw;
}

/** WebCrypto wants ArrayBuffer-backed views; DER slices may be views into a larger buffer. */
function exact(bytes: Uint8Array): Uint8Array {
  return bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : bytes.slice();
}

/**
 * Whether `issuer`'s key verifies `child`'s signature. False — never a throw — when the key cannot
 * check that kind of signature (an RSA key and an ECDSA signature, an unsupported curve).
 */
export async function verifySignature(child: X509Certificate, issuer: X509Certificate): Promise<boolean> {
  const { name, hash, saltLength } = child.signatureAlgorithm;
  const key = issuer.publicKeyAlgorithm;
  try {
    if (name === 'ECDSA') {
      const size = CURVE_BYTES[key.namedCurve ?? ''];
      const raw = size === undefined ? undefined : ecdsaSignatureToRaw(child.signatureValue, size);
      if (key.name !== 'ECDSA' || raw === undefined || !hash) return false;
      const publicKey = await crypto.subtle.importKey('spki', exact(issuer.spki), { name, namedCurve: key.namedCurve }, false, ['verify']);
      return await crypto.subtle.verify({ name, hash }, publicKey, raw, exact(child.tbs));
    }
    if (name === 'RSASSA-PKCS1-v1_5' || name === 'RSA-PSS') {
      if (key.modulusLength === undefined || !hash) return false;
      const publicKey = await crypto.subtle.importKey('spki', exact(issuer.spki), { name, hash }, false, ['verify']);
      const params = name === 'RSA-PSS' ? { name, saltLength: saltLength ?? 20 } : { name };
      return await crypto.subtle.verify(params, publicKey, exact(child.signatureValue), exact(child.tbs));
    }
    if (name !== key.name) return false;
    const publicKey = await crypto.subtle.importKey('spki', exact(issuer.spki), { name }, false, ['verify']);
    return await crypto.subtle.verify({ name }, publicKey, exact(child.signatureValue), exact(child.tbs));
  } catch {
    return false;
  }
}

/** The SHA-256 of the certificate's DER, as browsers and openssl show it: `AB:CD:…`. */
export async function sha256Fingerprint(certificate: X509Certificate): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', exact(certificate.rawData));
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0').toUpperCase()).join(':');
}
