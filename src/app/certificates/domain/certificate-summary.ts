/*
 * What a person needs to know about one X.509 certificate, read with asn1js
 * (x509-certificate.ts: RSA and EC, WebCrypto fingerprints). Pure apart from WebCrypto, which the
 * browser provides.
 */
import { X509Certificate } from './x509-certificate';
import { normalizePem, splitPemBlocks } from './pem';

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

function hex(buffer: ArrayBuffer): string {
  return Array.from(new Uint8Array(buffer), (byte) => byte.toString(16).padStart(2, '0').toUpperCase()).join(':');
}

function keyDetails(certificate: X509Certificate): { keyAlgorithm: string; keySize?: number } {
  const algorithm = certificate.publicKey.algorithm;
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

/** Parses a certificate (PEM or DER) and every field a summary needs: a broken one fails here, at once. */
export function openCertificate(pemOrDer: string | Uint8Array): X509Certificate {
  if (typeof pemOrDer !== 'string') return new X509Certificate(pemOrDer);
  const [block] = splitPemBlocks(pemOrDer);
  if (!block) throw new Error('no PEM block');
  return new X509Certificate(block.der);
}

export async function summarizeCertificate(pemOrDer: string | Uint8Array | X509Certificate): Promise<CertificateSummary> {
  const certificate = pemOrDer instanceof X509Certificate ? pemOrDer : openCertificate(pemOrDer);
  const signature = certificate.signatureAlgorithm;
  return {
    pem: normalizePem(new Uint8Array(certificate.rawData)),
    subject: certificate.subject,
    issuer: certificate.issuer,
    serialNumber: certificate.serialNumber,
    notBefore: certificate.notBefore,
    notAfter: certificate.notAfter,
    ...subjectAltNames(certificate),
    sha256Fingerprint: hex(await certificate.getThumbprint('SHA-256')),
    isCa: certificate.isCa,
    isSelfIssued: certificate.subject === certificate.issuer,
    ...keyDetails(certificate),
    ...(signature.hash?.name ? { signatureHash: signature.hash.name } : {}),
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
