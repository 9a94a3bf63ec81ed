/*
 * What a person needs to know about one X.509 certificate, read with the plug-in's own X.509
 * reader (x509.ts: RSA and EC keys, WebCrypto fingerprints). Pure apart from WebCrypto, which the
 * browser provides.
 */
import { normalizePem } from './pem';
import { X509Certificate, readCertificate } from './x509';
import { sha256Fingerprint } from './x509-signature';

export interface CertificateSummary {
  /** Normalised (see `normalizePem`), so that equal certificates have equal PEMs. */
  readonly pem: string;
  readonly subject: string;
  readonly issuer: string;
  readonly serialNumber: string;
  readonly notBefore: Date;
  readonly notAfter: Date;
  readonly dnsNames: readonly string[];
  readonly ipAddresses: readonly string[];
  /** Upper-case hex pairs separated by colons, as browsers and openssl show them. */
  readonly sha256Fingerprint: string;
  /** basicConstraints CA:TRUE. */
  readonly isCa: boolean;
  /** Subject equals issuer (a root, or a self-signed server certificate). */
  readonly isSelfIssued: boolean;
  readonly keyAlgorithm: string;
  readonly keySize?: number;
  readonly signatureHash?: string;
}

function keyDetails(certificate: X509Certificate): { keyAlgorithm: string; keySize?: number } {
  const algorithm = certificate.publicKeyAlgorithm;
  if (algorithm.modulusLength) return { keyAlgorithm: 'RSA', keySize: algorithm.modulusLength };
  if (algorithm.namedCurve) {
    const size = Number(/\d+/.exec(algorithm.namedCurve)?.[0]);
    return { keyAlgorithm: `EC ${algorithm.namedCurve}`, ...(size ? { keySize: size } : {}) };
  }
  return { keyAlgorithm: algorithm.name };
}

/** The DNS names (lower case) and IP addresses a TLS client matches a host against; CN is not one (RFC 6125). */
export function subjectAltNames(certificate: X509Certificate): { dnsNames: string[]; ipAddresses: string[] } {
  return { dnsNames: certificate.dnsNames.map((name) => name.toLowerCase()), ipAddresses: [...certificate.ipAddresses] };
}

/** Parses a certificate, every field a summary needs included: a broken one fails here, at once. */
export function openCertificate(pemOrDer: string | Uint8Array): X509Certificate {
  return readCertificate(pemOrDer);
}

export async function summarizeCertificate(pemOrDer: string | Uint8Array | X509Certificate): Promise<CertificateSummary> {
  const certificate = typeof pemOrDer === 'string' || pemOrDer instanceof Uint8Array ? openCertificate(pemOrDer) : pemOrDer;
  const signature = certificate.signatureAlgorithm;
  return {
    pem: normalizePem(certificate.rawData),
    subject: certificate.subject,
    issuer: certificate.issuer,
    serialNumber: certificate.serialNumber,
    notBefore: certificate.notBefore,
    notAfter: certificate.notAfter,
    ...subjectAltNames(certificate),
    sha256Fingerprint: await sha256Fingerprint(certificate),
    isCa: certificate.basicConstraints?.ca === true,
    isSelfIssued: certificate.subject === certificate.issuer,
    ...keyDetails(certificate),
    ...(signature.hash ? { signatureHash: signature.hash.name } : {}),
  };
}

/** RFC 6125: a wildcard stands for exactly one whole left-most label; IPs compare exactly. */
export function certificateCoversHost(summary: Pick<CertificateSummary, 'dnsNames' | 'ipAddresses'>, host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '').toLowerCase();
  if (/^[\d.]+$/.test(bare) || bare.includes(':')) {
    return summary.ipAddresses.some((ip) => ip.toLowerCase() === bare);
  }
  return summary.dnsNames.some((name) => {
    if (!name.startsWith('*.')) return name === bare;
    const suffix = name.slice(1);
    return bare.endsWith(suffix) && !bare.slice(0, -suffix.length).includes('.') && bare.length > suffix.length;
  });
}

export type Validity = 'valid' | 'expired' | 'notYetValid';

export function validityAt(summary: Pick<CertificateSummary, 'notBefore' | 'notAfter'>, now: Date): Validity {
  if (now < summary.notBefore) return 'notYetValid';
  if (now > summary.notAfter) return 'expired';
  return 'valid';
}
