/* Real certificates made in the browser for specs: a CA, and leaves it signs, with chosen details. */
import {
  BasicConstraintsExtension,
  KeyUsageFlags,
  KeyUsagesExtension,
  SubjectAlternativeNameExtension,
  X509Certificate,
  X509CertificateGenerator,
} from '@peculiar/x509';

const ALGORITHM = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' } as const;
const DAY = 86_400_000;

export interface TestIdentity {
  readonly certificate: X509Certificate;
  readonly keys: CryptoKeyPair;
  readonly pem: string;
}

let serial = 1;

export async function makeCa(
  name = 'Test Root CA',
  options: { issuer?: TestIdentity; validDays?: [number, number] } = {},
): Promise<TestIdentity> {
  const keys = await crypto.subtle.generateKey(ALGORITHM, true, ['sign', 'verify']);
  const [from, to] = options.validDays ?? [-1, 3650];
  const certificate = await X509CertificateGenerator.create({
    serialNumber: (serial++).toString(16).padStart(2, '0'),
    subject: `CN=${name}`,
    issuer: options.issuer ? options.issuer.certificate.subject : `CN=${name}`,
    notBefore: new Date(Date.now() + from * DAY),
    notAfter: new Date(Date.now() + to * DAY),
    signingAlgorithm: ALGORITHM,
    publicKey: keys.publicKey,
    signingKey: options.issuer ? options.issuer.keys.privateKey : keys.privateKey,
    extensions: [
      new BasicConstraintsExtension(true, undefined, true),
      new KeyUsagesExtension(KeyUsageFlags.keyCertSign | KeyUsageFlags.cRLSign, true),
    ],
  });
  return { certificate, keys, pem: certificate.toString('pem') };
}

export async function makeLeaf(
  issuer: TestIdentity,
  options: { cn?: string; dns?: string[]; ips?: string[]; validDays?: [number, number] } = {},
): Promise<TestIdentity> {
  const keys = await crypto.subtle.generateKey(ALGORITHM, true, ['sign', 'verify']);
  const [from, to] = options.validDays ?? [-1, 365];
  const names = [
    ...(options.dns ?? ['harbor.corp.local']).map((value) => ({ type: 'dns' as const, value })),
    ...(options.ips ?? []).map((value) => ({ type: 'ip' as const, value })),
  ];
  const certificate = await X509CertificateGenerator.create({
    serialNumber: (serial++).toString(16).padStart(2, '0'),
    subject: `CN=${options.cn ?? 'harbor.corp.local'}`,
    issuer: issuer.certificate.subject,
    notBefore: new Date(Date.now() + from * DAY),
    notAfter: new Date(Date.now() + to * DAY),
    signingAlgorithm: ALGORITHM,
    publicKey: keys.publicKey,
    signingKey: issuer.keys.privateKey,
    extensions: [new BasicConstraintsExtension(false), new SubjectAlternativeNameExtension(names)],
  });
  return { certificate, keys, pem: certificate.toString('pem') };
}
