// The plug-in reads certificates with asn1js and checks signatures with WebCrypto;
// @peculiar/x509 (the library it used before, kept for the test PKI) is the reference: every field
// and every signature verdict must come out the same, over the test PKI, openssl's fixtures, odd
// names and the signature algorithms a CA may use.
import 'reflect-metadata';
import * as reference from '@peculiar/x509';
import { fixtureBytes, fixtureText } from '../testing/fixture-files';
import { TestIdentity, testPki } from '../testing/test-pki';
import { splitPemBlocks } from './pem';
import { X509Certificate } from './x509-certificate';
import { verifySignature } from './x509-signature';

function asReferenceReads(der: Uint8Array): unknown {
  const certificate = new reference.X509Certificate(der);
  const names = certificate.getExtension(reference.SubjectAlternativeNameExtension)?.names.items ?? [];
  const algorithm = certificate.publicKey.algorithm as Algorithm & { modulusLength?: number; namedCurve?: string };
  const signature = certificate.signatureAlgorithm as { hash?: { name?: string } };
  return {
    subject: certificate.subject,
    issuer: certificate.issuer,
    serialNumber: certificate.serialNumber,
    notBefore: certificate.notBefore.getTime(),
    notAfter: certificate.notAfter.getTime(),
    isCa: certificate.getExtension(reference.BasicConstraintsExtension)?.ca === true,
    dnsNames: names.filter((name) => name.type === 'dns').map((name) => name.value),
    ipAddresses: names.filter((name) => name.type === 'ip').map((name) => name.value),
    key: [algorithm.name, algorithm.modulusLength, algorithm.namedCurve],
    hash: signature.hash?.name,
  };
}

function asPluginReads(der: Uint8Array): unknown {
  const certificate = new X509Certificate(der);
  const algorithm = certificate.publicKey.algorithm;
  return {
    subject: certificate.subject,
    issuer: certificate.issuer,
    serialNumber: certificate.serialNumber,
    notBefore: certificate.notBefore.getTime(),
    notAfter: certificate.notAfter.getTime(),
    isCa: certificate.isCa,
    dnsNames: certificate.dnsNames,
    ipAddresses: certificate.ipAddresses,
    key: [algorithm.name, algorithm.modulusLength, algorithm.namedCurve],
    hash: certificate.signatureAlgorithm.hash?.name,
  };
}

const derOf = (identity: TestIdentity): Uint8Array => new Uint8Array(identity.certificate.rawData);

/** Self-signed certificates the test PKI does not make: other curves, RSA-PSS, names to escape. */
async function unusual(subject: string, key: EcKeyGenParams | RsaHashedKeyGenParams, signing: Algorithm): Promise<Uint8Array> {
  const keys = await crypto.subtle.generateKey(key, true, ['sign', 'verify']);
  const certificate = await reference.X509CertificateGenerator.createSelfSigned({
    serialNumber: '00ff01',
    name: subject,
    notBefore: new Date('2026-01-01T00:00:00Z'),
    notAfter: new Date('2036-01-01T00:00:00Z'),
    keys,
    signingAlgorithm: signing,
    extensions: [new reference.SubjectAlternativeNameExtension([{ type: 'ip', value: '2001:db8::1' }])],
  });
  return new Uint8Array(certificate.rawData);
}

describe('X509Certificate (asn1js) against @peculiar/x509', () => {
  const rsa = { name: 'RSASSA-PKCS1-v1_5', modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' };

  it('reads every field of the test PKI as the reference does', async () => {
    const pki = await testPki();
    for (const identity of Object.values(pki)) expect(asPluginReads(derOf(identity))).toEqual(asReferenceReads(derOf(identity)));
  });

  it("reads openssl's fixtures as the reference does", () => {
    const ders = [
      fixtureBytes('root-ca.cer'),
      ...(['root-ca.pem', 'intermediate-ca.pem'] as const).flatMap((name) => splitPemBlocks(fixtureText(name)).map((block) => block.der)),
    ];
    for (const der of ders) expect(asPluginReads(der)).toEqual(asReferenceReads(der));
  });

  const odd: [string, string, EcKeyGenParams | RsaHashedKeyGenParams, Algorithm][] = [
    [
      'P-384, SHA-384, escaped characters',
      'CN=a\\,b \\+ c, O=Corp \\"Lab\\"+OU=Ops, C=FR',
      { name: 'ECDSA', namedCurve: 'P-384' },
      { name: 'ECDSA', hash: 'SHA-384' } as Algorithm,
    ],
    [
      'P-521, SHA-512, a DC path',
      'CN=registry, DC=corp, DC=local, E=pki@corp.local',
      { name: 'ECDSA', namedCurve: 'P-521' },
      { name: 'ECDSA', hash: 'SHA-512' } as Algorithm,
    ],
    ['RSA-PSS, an OID attribute', 'CN=pss, 2.5.4.97=VATFR-123', rsa, { name: 'RSA-PSS', hash: 'SHA-256', saltLength: 32 } as Algorithm],
  ];
  for (const [what, subject, key, signing] of odd) {
    it(`reads and verifies ${what} as the reference does`, async () => {
      const der = await unusual(subject, key, signing);
      expect(asPluginReads(der)).toEqual(asReferenceReads(der));
      const own = new X509Certificate(der);
      expect(await verifySignature(own, own)).toBeTrue();
    });
  }

  it('gives the same signature verdict as the reference for every pair of the test PKI', async () => {
    const pki = await testPki();
    const identities = Object.values(pki);
    let verified = 0;
    for (const child of identities) {
      for (const issuer of identities) {
        const expected = await child.certificate
          .verify({ publicKey: issuer.certificate.publicKey, signatureOnly: true })
          .catch(() => false);
        const actual = await verifySignature(new X509Certificate(derOf(child)), new X509Certificate(derOf(issuer)));
        expect(`${child.certificate.subject} by ${issuer.certificate.subject}: ${actual}`).toBe(
          `${child.certificate.subject} by ${issuer.certificate.subject}: ${expected}`,
        );
        if (actual) verified++;
      }
    }
    // Each self-signed CA and leaf by itself, and each issued one by its issuer (RSA SHA-1 and SHA-256, EC).
    expect(verified).toBeGreaterThanOrEqual(identities.length);
  });

  it('refuses what is not one certificate', () => {
    expect(() => new X509Certificate(new Uint8Array([0x30, 0x03, 0x02, 0x01, 0x01]))).toThrow();
    expect(() => new X509Certificate(fixtureBytes('request.csr.der'))).toThrow();
  });
});
