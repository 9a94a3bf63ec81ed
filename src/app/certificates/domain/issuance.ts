/*
 * "Did this CA issue that certificate?" asked the way a TLS client asks it: the issuer name must
 * match the CA's subject and the signature must verify with the CA's key. A matching name alone
 * proves nothing — a CA re-created with a new key keeps its name.
 */
import { openCertificate } from './certificate-summary';
import { readTlv, sliceNode } from './der';
import { normalizePem, splitPemBlocks } from './pem';
import { X509Certificate } from './x509-certificate';
import { verifySignature } from './x509-signature';

const CERTIFICATE_LABELS = new Set(['CERTIFICATE', 'X509 CERTIFICATE']);

/** RFC 5280 §7.1 compares names case-insensitively after folding whitespace; the string form suffices here. */
export function namesMatch(a: string, b: string): boolean {
  const fold = (name: string): string => name.trim().replace(/\s+/g, ' ').toLowerCase();
  return fold(a) === fold(b);
}

/** The signature check alone; false (never a throw) when the key cannot check that kind of signature. */
export function isSignedWithKeyOf(child: X509Certificate, issuer: X509Certificate): Promise<boolean> {
  return verifySignature(child, issuer);
}

export async function isIssuedBy(child: X509Certificate, issuer: X509Certificate): Promise<boolean> {
  return namesMatch(child.issuer, issuer.subject) && (await isSignedWithKeyOf(child, issuer));
}

/** Self-signed in RFC 5280's sense: the signature verifies with the certificate's own key. */
export function isSelfSigned(certificate: X509Certificate): Promise<boolean> {
  return isSignedWithKeyOf(certificate, certificate);
}

export interface OpenedCertificate {
  readonly certificate: X509Certificate;
  /** Normalised, so that the same certificate compares equal whatever text it came in. */
  readonly pem: string;
}

/** Every readable certificate in these PEM texts, in order; what cannot be read is left out. */
export function openPemCertificates(pems: readonly string[]): OpenedCertificate[] {
  return pems.flatMap((text) =>
    splitPemBlocks(text)
      .filter((block) => CERTIFICATE_LABELS.has(block.label))
      .flatMap((block) => {
        // Only the certificate's own bytes: anything trailing it inside the block is not part of it.
        const read = readTlv(block.der);
        if ('failure' in read) return [];
        const der = sliceNode(block.der, read.node);
        try {
          return [{ certificate: openCertificate(der), pem: normalizePem(der) }];
        } catch {
          return [];
        }
      }),
  );
}
