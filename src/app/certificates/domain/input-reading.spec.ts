import 'reflect-metadata';
import { FixtureName, fixtureBytes, fixtureText } from '../testing/fixture-files';
import { expected, summary } from '../testing/reading-summary';
import { testPki } from '../testing/test-pki';
import { InputRejection, readCertificateInput } from './input-reading';
import { normalizePem } from './pem';

// Unusual text and bytes, repeated problems and oversized input are in input-reading.unusual.spec.ts.

// Every line 64 characters but the last; LF only; a trailing newline.
const NORMALISED = /^-----BEGIN CERTIFICATE-----\n(?:[A-Za-z0-9+/]{64}\n)*[A-Za-z0-9+/=]{1,64}\n-----END CERTIFICATE-----\n$/;
const key = (label: string): InputRejection => ({ code: 'privateKey', params: { label } });

interface FixtureCase {
  readonly fixture: FixtureName;
  readonly certificates: number;
  readonly rejections: readonly InputRejection[];
  /** Binary files are only ever dropped, never pasted. */
  readonly isBinary?: boolean;
}

const FIXTURE_CASES: readonly FixtureCase[] = [
  { fixture: 'root-ca.pem', certificates: 1, rejections: [] },
  { fixture: 'root-ca-crlf.pem', certificates: 1, rejections: [] },
  { fixture: 'root-ca-bom.pem', certificates: 1, rejections: [] },
  { fixture: 'root-ca.cer', certificates: 1, rejections: [], isBinary: true },
  { fixture: 'bundle.p7b.pem', certificates: 2, rejections: [] },
  { fixture: 'bundle.p7b', certificates: 2, rejections: [], isBinary: true },
  { fixture: 'empty.p7b.pem', certificates: 0, rejections: [{ code: 'pkcs7Empty' }] },
  { fixture: 'rsa-pkcs1.key.pem', certificates: 0, rejections: [key('RSA PRIVATE KEY')] },
  { fixture: 'rsa-pkcs1.key.der', certificates: 0, rejections: [key('RSA PRIVATE KEY')], isBinary: true },
  { fixture: 'pkcs8.key.pem', certificates: 0, rejections: [key('PRIVATE KEY')] },
  { fixture: 'pkcs8.key.der', certificates: 0, rejections: [key('PRIVATE KEY')], isBinary: true },
  { fixture: 'encrypted.key.pem', certificates: 0, rejections: [key('ENCRYPTED PRIVATE KEY')] },
  { fixture: 'encrypted.key.der', certificates: 0, rejections: [key('ENCRYPTED PRIVATE KEY')], isBinary: true },
  { fixture: 'ec-sec1.key.pem', certificates: 0, rejections: [key('EC PRIVATE KEY')] },
  { fixture: 'ec-sec1.key.der', certificates: 0, rejections: [key('EC PRIVATE KEY')], isBinary: true },
  { fixture: 'dsa.key.pem', certificates: 0, rejections: [key('DSA PRIVATE KEY')] },
  { fixture: 'openssh.key', certificates: 0, rejections: [key('OPENSSH PRIVATE KEY')] },
  { fixture: 'bundle.p12', certificates: 0, rejections: [key('PKCS12')], isBinary: true },
  { fixture: 'request.csr.pem', certificates: 0, rejections: [{ code: 'csr' }] },
  { fixture: 'request.csr.der', certificates: 0, rejections: [{ code: 'csr' }], isBinary: true },
  { fixture: 'revocations.crl.pem', certificates: 0, rejections: [{ code: 'crl' }] },
  { fixture: 'revocations.crl.der', certificates: 0, rejections: [{ code: 'crl' }], isBinary: true },
  { fixture: 'public-key.pem', certificates: 0, rejections: [{ code: 'publicKey' }] },
  { fixture: 'public-key.der', certificates: 0, rejections: [{ code: 'publicKey' }], isBinary: true },
  { fixture: 'rsa-public-key.pem', certificates: 0, rejections: [{ code: 'publicKey' }] },
  { fixture: 'ec-params.pem', certificates: 0, rejections: [{ code: 'unsupportedBlock', params: { label: 'EC PARAMETERS' } }] },
  { fixture: 'garbage.txt', certificates: 0, rejections: [{ code: 'garbage' }] },
  { fixture: 'truncated-base64.pem', certificates: 0, rejections: [{ code: 'truncated' }] },
  { fixture: 'missing-end.pem', certificates: 0, rejections: [{ code: 'truncated', params: { label: 'CERTIFICATE' } }] },
];

describe('readCertificateInput', () => {
  describe('when given the openssl fixtures', () => {
    for (const { fixture, certificates, rejections, isBinary } of FIXTURE_CASES) {
      const outcome = rejections.length ? rejections.map((rejection) => rejection.code).join(', ') : `${certificates} certificate(s)`;
      it(`reads ${fixture} dropped as a file: ${outcome}`, async () => {
        const reading = await readCertificateInput({ bytes: fixtureBytes(fixture), name: fixture });
        expect(summary(reading)).toEqual(expected(rejections, certificates));
        expect(reading.source).toBe(fixture);
      });
      if (!isBinary) {
        it(`reads ${fixture} pasted as text: ${outcome}`, async () => {
          const reading = await readCertificateInput({ text: fixtureText(fixture) });
          expect(summary(reading)).toEqual(expected(rejections, certificates));
          expect(reading.source).toBeUndefined();
        });
      }
    }
  });

  describe('when it normalises', () => {
    it('writes the exact PEM openssl writes: LF, 64 columns, a trailing newline', async () => {
      const reading = await readCertificateInput({ bytes: fixtureBytes('root-ca.cer') });
      expect(reading.certificates[0]?.pem).toBe(fixtureText('root-ca.pem'));
    });

    it('gives the same PEM for CRLF, BOM, DER and PKCS#7 spellings of one certificate', async () => {
      const names: FixtureName[] = ['root-ca.pem', 'root-ca-crlf.pem', 'root-ca-bom.pem', 'root-ca.cer', 'bundle.p7b'];
      const pems = await Promise.all(
        names.map(async (name) => (await readCertificateInput({ bytes: fixtureBytes(name) })).certificates[0]?.pem),
      );
      expect(new Set(pems)).toEqual(new Set([fixtureText('root-ca.pem')]));
    });

    it('keeps the certificate bytes exactly, so the PEM and the DER agree', async () => {
      const [certificate] = (await readCertificateInput({ text: fixtureText('root-ca-crlf.pem') })).certificates;
      expect(certificate?.der).toEqual(fixtureBytes('root-ca.cer'));
      expect(certificate?.pem).toMatch(NORMALISED);
    });

    it('produces PEM of the normalised form for a long RSA certificate', async () => {
      const { rsaRoot } = await testPki();
      const [certificate] = (await readCertificateInput({ text: rsaRoot.pem })).certificates;
      expect(certificate?.pem).toMatch(NORMALISED);
      expect(
        certificate?.pem
          .split('\n')
          .slice(1, -3)
          .every((line) => line.length === 64),
      ).toBeTrue();
    }, 20_000);
  });

  describe('when a private key comes along', () => {
    it('reads the certificates but keeps nothing of the key except its label', async () => {
      const keyText = fixtureText('pkcs8.key.pem');
      const text = `${fixtureText('root-ca.pem')}\n${keyText}\n${fixtureText('intermediate-ca.pem')}`;
      const reading = await readCertificateInput({ text });
      expect(summary(reading)).toEqual(expected([key('PRIVATE KEY')], 2));
      const body = keyText.split('\n')[1] ?? 'unreachable';
      const everything = JSON.stringify(reading, (_, value: unknown) => (value instanceof Uint8Array ? normalizePem(value) : value));
      expect(everything).not.toContain(body.slice(0, 24));
      expect(reading.rejections[0]?.params).toEqual({ label: 'PRIVATE KEY' });
    });

    const keyCases: [string, () => string, string][] = [
      ['a key under a CERTIFICATE label', () => fixtureText('pkcs8.key.pem').replace(/PRIVATE KEY/g, 'CERTIFICATE'), 'PRIVATE KEY'],
      ['a key block cut short', () => fixtureText('rsa-pkcs1.key.pem').split('\n').slice(0, 4).join('\n'), 'RSA PRIVATE KEY'],
      ['bare base64 of a PKCS#8 key', () => fixtureText('pkcs8.key.pem').split('\n').slice(1, -2).join('\n'), 'PRIVATE KEY'],
      ['a PuTTY key', () => 'PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: none\nPublic-Lines: 2\nAAAA\n', 'PUTTY PRIVATE KEY'],
      [
        'a PGP private key block',
        () => '-----BEGIN PGP PRIVATE KEY BLOCK-----\n\nlQ==\n-----END PGP PRIVATE KEY BLOCK-----\n',
        'PGP PRIVATE KEY BLOCK',
      ],
    ];
    for (const [what, text, label] of keyCases) {
      it(`refuses ${what}`, async () => {
        expect(summary(await readCertificateInput({ text: text() }))).toEqual(expected([key(label)], 0));
      });
    }
  });
});
