/*
 * Real certificates made in the browser for specs: CAs (EC or RSA, any validity, SHA-1 if asked)
 * and leaves they sign, with chosen details. The keys are throwaway test material, made per run.
 */
import {
  BasicConstraintsExtension,
  Extension,
  KeyUsageFlags,
  KeyUsagesExtension,
  SubjectAlternativeNameExtension,
  X509Certificate,
  X509CertificateGenerator,
} from '@peculiar/x509';

const DAY = 86_400_000;

export type TestKeyType = 'ec' | 'rsa' | 'rsa-1024';
export type TestHash = 'SHA-256' | 'SHA-1';

export interface TestIdentity {
  readonly certificate: X509Certificate;
  readonly keys: CryptoKeyPair;
  readonly pem: string;
}

export interface ValidityOptions {
  /** Days from now: [notBefore, notAfter]. */
  readonly validDays?: [number, number];
  /** Overrides the end of validDays, e.g. 9999-12-31 for "no expiry". */
  readonly notAfter?: Date;
}

export interface CaOptions extends ValidityOptions {
  readonly issuer?: TestIdentity;
  readonly key?: TestKeyType;
  /** The hash of the issuer's signature. */
  readonly hash?: TestHash;
}

export interface LeafOptions extends ValidityOptions {
  readonly cn?: string;
  readonly dns?: string[];
  readonly ips?: string[];
  readonly key?: TestKeyType;
  readonly hash?: TestHash;
}

let serial = 1;

function keyAlgorithm(type: TestKeyType): RsaHashedKeyGenParams | EcKeyGenParams {
  if (type === 'ec') return { name: 'ECDSA', namedCurve: 'P-256' };
  const modulusLength = type === 'rsa' ? 2048 : 1024;
  return { name: 'RSASSA-PKCS1-v1_5', modulusLength, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' };
}

function generateKeys(type: TestKeyType): Promise<CryptoKeyPair> {
  return crypto.subtle.generateKey(keyAlgorithm(type), true, ['sign', 'verify']);
}

/**
 * WebCrypto's RSA keys carry their hash, so signing RSA with another hash (SHA-1) needs the same key
 * imported again with that hash; ECDSA takes the hash per signature.
 */
async function signingKeyFor(key: CryptoKey, hash: TestHash): Promise<{ key: CryptoKey; algorithm: Algorithm & { hash: string } }> {
  if (key.algorithm.name === 'ECDSA') return { key, algorithm: { name: 'ECDSA', hash } };
  const algorithm = { name: 'RSASSA-PKCS1-v1_5', hash };
  if ((key.algorithm as RsaHashedKeyAlgorithm).hash.name === hash) return { key, algorithm };
  const pkcs8 = await crypto.subtle.exportKey('pkcs8', key);
  return { key: await crypto.subtle.importKey('pkcs8', pkcs8, algorithm, false, ['sign']), algorithm };
}

function validity(options: ValidityOptions, defaultDays: number): { notBefore: Date; notAfter: Date } {
  const [from, to] = options.validDays ?? [-1, defaultDays];
  return { notBefore: new Date(Date.now() + from * DAY), notAfter: options.notAfter ?? new Date(Date.now() + to * DAY) };
}

async function issue(
  subject: string,
  keys: CryptoKeyPair,
  signer: { name: string; key: CryptoKey },
  options: ValidityOptions & { hash?: TestHash },
  defaultDays: number,
  extensions: Extension[],
): Promise<TestIdentity> {
  const signing = await signingKeyFor(signer.key, options.hash ?? 'SHA-256');
  const certificate = await X509CertificateGenerator.create({
    serialNumber: (serial++).toString(16).padStart(2, '0'),
    subject,
    issuer: signer.name,
    ...validity(options, defaultDays),
    signingAlgorithm: signing.algorithm,
    publicKey: keys.publicKey,
    signingKey: signing.key,
    extensions,
  });
  return { certificate, keys, pem: certificate.toString('pem') };
}

export async function makeCa(name = 'Test Root CA', options: CaOptions = {}): Promise<TestIdentity> {
  const keys = await generateKeys(options.key ?? 'ec');
  const signer = options.issuer
    ? { name: options.issuer.certificate.subject, key: options.issuer.keys.privateKey }
    : { name: `CN=${name}`, key: keys.privateKey };
  return issue(`CN=${name}`, keys, signer, options, 3650, [
    new BasicConstraintsExtension(true, undefined, true),
    new KeyUsagesExtension(KeyUsageFlags.keyCertSign | KeyUsageFlags.cRLSign, true),
  ]);
}

function leafExtensions(options: LeafOptions): Extension[] {
  const names = [
    ...(options.dns ?? ['harbor.corp.local']).map((value) => ({ type: 'dns' as const, value })),
    ...(options.ips ?? []).map((value) => ({ type: 'ip' as const, value })),
  ];
  return [new BasicConstraintsExtension(false), new SubjectAlternativeNameExtension(names)];
}

export async function makeLeaf(issuer: TestIdentity, options: LeafOptions = {}): Promise<TestIdentity> {
  const keys = await generateKeys(options.key ?? 'ec');
  const signer = { name: issuer.certificate.subject, key: issuer.keys.privateKey };
  return issue(`CN=${options.cn ?? 'harbor.corp.local'}`, keys, signer, options, 365, leafExtensions(options));
}

/** A registry's self-signed server certificate: CA:FALSE, signed with its own key. */
export async function makeSelfSignedLeaf(options: LeafOptions = {}): Promise<TestIdentity> {
  const keys = await generateKeys(options.key ?? 'ec');
  const subject = `CN=${options.cn ?? 'harbor.corp.local'}`;
  return issue(subject, keys, { name: subject, key: keys.privateKey }, options, 365, leafExtensions(options));
}

/** One of each certificate the specs need, made once per run (RSA key generation is slow). */
export interface TestPki {
  readonly ecRoot: TestIdentity;
  readonly rsaRoot: TestIdentity;
  /** Same name as ecRoot, another key: what a re-created CA looks like. */
  readonly impostorRoot: TestIdentity;
  /** ecRoot → intermediate → chainLeaf (harbor.corp.local, 10.0.0.5). */
  readonly intermediate: TestIdentity;
  readonly chainLeaf: TestIdentity;
  /** Signed by ecRoot directly. */
  readonly directLeaf: TestIdentity;
  /** Signed by rsaRoot. */
  readonly rsaLeaf: TestIdentity;
  readonly expiredCa: TestIdentity;
  readonly notYetValidCa: TestIdentity;
  /** Expires in 10 days. */
  readonly expiringCa: TestIdentity;
  readonly weakRsaCa: TestIdentity;
  /** An intermediate that rsaRoot signed with sha1WithRSAEncryption. */
  readonly sha1Intermediate: TestIdentity;
  /** notAfter 9999-12-31T23:59:59Z (RFC 5280 §4.1.2.5). */
  readonly noExpiryCa: TestIdentity;
  readonly selfSignedLeaf: TestIdentity;
}

let pki: Promise<TestPki> | undefined;

export function testPki(): Promise<TestPki> {
  pki ??= buildTestPki();
  return pki;
}

async function buildTestPki(): Promise<TestPki> {
  const ecRoot = await makeCa('Corp Root CA');
  const rsaRoot = await makeCa('Corp RSA Root CA', { key: 'rsa' });
  const intermediate = await makeCa('Corp Issuing CA', { issuer: ecRoot });
  return {
    ecRoot,
    rsaRoot,
    impostorRoot: await makeCa('Corp Root CA'),
    intermediate,
    chainLeaf: await makeLeaf(intermediate, { dns: ['harbor.corp.local'], ips: ['10.0.0.5'] }),
    directLeaf: await makeLeaf(ecRoot, { cn: 'registry.corp.local', dns: ['registry.corp.local'] }),
    rsaLeaf: await makeLeaf(rsaRoot, { cn: 'rsa.corp.local', dns: ['rsa.corp.local'], key: 'rsa-1024' }),
    expiredCa: await makeCa('Expired CA', { validDays: [-400, -35] }),
    notYetValidCa: await makeCa('Future CA', { validDays: [5, 400] }),
    expiringCa: await makeCa('Expiring CA', { validDays: [-300, 10] }),
    weakRsaCa: await makeCa('Weak RSA CA', { key: 'rsa-1024' }),
    sha1Intermediate: await makeCa('Legacy SHA-1 CA', { issuer: rsaRoot, hash: 'SHA-1' }),
    noExpiryCa: await makeCa('Forever CA', { notAfter: new Date('9999-12-31T23:59:59Z') }),
    selfSignedLeaf: await makeSelfSignedLeaf({ cn: 'selfsigned.corp.local', dns: ['selfsigned.corp.local'] }),
  };
}
