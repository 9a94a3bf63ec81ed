import 'reflect-metadata';
import { FixtureName, fixtureBytes, fixtureText } from '../testing/fixture-files';
import { testPki } from '../testing/test-pki';
import { readChildren, readTlv } from './der';
import { InputReading, InputRejection, MAX_INPUT_BYTES, readCertificateInput } from './input-reading';
import { normalizePem, splitPemBlocks } from './pem';

// Every line 64 characters but the last; LF only; a trailing newline.
const NORMALISED = /^-----BEGIN CERTIFICATE-----\n(?:[A-Za-z0-9+/]{64}\n)*[A-Za-z0-9+/=]{1,64}\n-----END CERTIFICATE-----\n$/;
/^-----BEGIN CERTIFICATE-----\n(?:[A-Za-z0-9+/]{64}\n)*[A-Za-z0-9+/]{1,63}={0,2}\n-----END CERTIFICATE-----\n$|^-----BEGIN CERTIFICATE-----\n(?:[A-Za-z0-9+/=]{64}\n)+-----END CERTIFICATE-----\n$/;
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

function summary(reading: InputReading): { certificates: number; rejections: readonly InputRejection[]; containedPrivateKey: boolean } {
  return { certificates: reading.certificates.length, rejections: reading.rejections, containedPrivateKey: reading.containedPrivateKey };
}

function expected(rejections: readonly InputRejection[], certificates: number): ReturnType<typeof summary> {
  return { certificates, rejections, containedPrivateKey: rejections.some((rejection) => rejection.code === 'privateKey') };
}

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

  describe('when the text is unusual', () => {
    const textCases: [string, () => Promise<string>, number, readonly InputRejection[]][] = [
      [
        'openssl x509 -text output around two blocks',
        async () => `Certificate:\n  Data: …\n${fixtureText('root-ca.pem')}notes\n${fixtureText('intermediate-ca.pem')}`,
        2,
        [],
      ],
      ['an X509 CERTIFICATE label', async () => fixtureText('root-ca.pem').replace(/CERTIFICATE/g, 'X509 CERTIFICATE'), 1, []],
      ['a TRUSTED CERTIFICATE with trailing OpenSSL aux data', trustedCertificate, 1, []],
      ['a PKCS #7 SIGNED DATA label', async () => fixtureText('bundle.p7b.pem').replace(/PKCS7/g, 'PKCS #7 SIGNED DATA'), 2, []],
      [
        'a NEW CERTIFICATE REQUEST label',
        async () => fixtureText('request.csr.pem').replace(/CERTIFICATE REQUEST/g, 'NEW CERTIFICATE REQUEST'),
        0,
        [{ code: 'csr' }],
      ],
      ['bare base64 of a certificate', async () => fixtureText('root-ca.pem').split('\n').slice(1, -2).join('\n'), 1, []],
      [
        'a CERTIFICATE block holding a CSR',
        async () => fixtureText('request.csr.pem').replace(/CERTIFICATE REQUEST/g, 'CERTIFICATE'),
        0,
        [{ code: 'unparsable' }],
      ],
      [
        'a CERTIFICATE block that is not base64',
        async () => '-----BEGIN CERTIFICATE-----\n%%%\n-----END CERTIFICATE-----',
        0,
        [truncated('CERTIFICATE')],
      ],
      [
        'a CERTIFICATE block closed by another label',
        async () => `-----BEGIN CERTIFICATE-----\nMIIB\n-----END X509 CRL-----`,
        0,
        [truncated('CERTIFICATE')],
      ],
      [
        'an END whose BEGIN was cut off',
        async () => fixtureText('root-ca.pem').split('\n').slice(3).join('\n'),
        0,
        [{ code: 'truncated' }],
      ],
      [
        'a PKCS7 block holding a certificate',
        async () => fixtureText('root-ca.pem').replace(/CERTIFICATE/g, 'PKCS7'),
        0,
        [unparsablePkcs7()],
      ],
      [
        'a PKCS7 block cut mid-structure',
        async () =>
          fixtureText('bundle.p7b.pem')
            .split('\n')
            .filter((_, i) => i !== 3)
            .join('\n'),
        0,
        [truncated('PKCS7')],
      ],
      ['whitespace only', async () => ' \r\n\t\n', 0, [{ code: 'empty' }]],
    ];
    for (const [what, text, certificates, rejections] of textCases) {
      it(`reads ${what}`, async () => {
        expect(summary(await readCertificateInput({ text: await text() }))).toEqual(expected(rejections, certificates));
      });
    }
  });

  describe('when the bytes are unusual', () => {
    const byteCases: [string, () => Uint8Array, number, readonly InputRejection[]][] = [
      ['no bytes at all', () => new Uint8Array(), 0, [{ code: 'empty' }]],
      ['UTF-16LE text with a BOM, as Notepad saves it', () => utf16le(fixtureText('root-ca.pem')), 1, []],
      ['a DER certificate followed by a newline', () => concat(fixtureBytes('root-ca.cer'), new Uint8Array([0x0a])), 1, []],
      ['a DER certificate cut in half', () => fixtureBytes('root-ca.cer').slice(0, 200), 0, [{ code: 'truncated' }]],
      ['a PKCS#7 bundle in BER with indefinite lengths', () => toIndefiniteLength(fixtureBytes('bundle.p7b')), 2, []],
      [
        'text that starts with 0, like a DER SEQUENCE tag',
        () => new TextEncoder().encode('0 certificates here\n'),
        0,
        [{ code: 'garbage' }],
      ],
      ['a PNG image', () => new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), 0, [{ code: 'garbage' }]],
      [
        'DER signed like a certificate but shaped like none',
        () => new Uint8Array([0x30, 0x0a, 0x30, 0x03, 0x02, 0x01, 0x00, 0x30, 0x00, 0x03, 0x01, 0x00]),
        0,
        [{ code: 'unparsable' }],
      ],
      ['a DER certificate whose fields are broken', brokenCertificate, 0, [{ code: 'unparsable' }]],
      ['exactly the size limit (read, and found to be garbage)', () => new Uint8Array(MAX_INPUT_BYTES), 0, [{ code: 'garbage' }]],
    ];
    for (const [what, bytes, certificates, rejections] of byteCases) {
      it(`reads ${what}`, async () => {
        expect(summary(await readCertificateInput({ bytes: bytes() }))).toEqual(expected(rejections, certificates));
      });
    }
  });

  describe('when the same problem repeats', () => {
    it('reads 1 MiB of unterminated BEGIN lines as one rejection with its count, in well under 2 s', async () => {
      const line = '-----BEGIN CERTIFICATE-----\n';
      const text = line.repeat(Math.floor(MAX_INPUT_BYTES / line.length));
      const started = performance.now();
      const reading = await readCertificateInput({ text });
      const elapsed = performance.now() - started;
      expect(summary(reading)).toEqual(expected([{ ...truncated('CERTIFICATE'), count: 37_449 }], 0));
      expect(elapsed).toBeLessThan(2000);
    });

    it('keeps rejections that differ apart, in the order they first came', async () => {
      const text = ['CERTIFICATE', 'X509 CRL', 'CERTIFICATE', 'CERTIFICATE'].map((label) => `-----BEGIN ${label}-----\n`).join('');
      expect((await readCertificateInput({ text })).rejections).toEqual([{ ...truncated('CERTIFICATE'), count: 3 }, truncated('X509 CRL')]);
    });
  });

  describe('when the input is too large', () => {
    const tooLarge: InputRejection = { code: 'tooLarge', params: { size: MAX_INPUT_BYTES + 1, max: MAX_INPUT_BYTES } };

    it('rejects a file over 1 MiB without reading it', async () => {
      const bytes = new Uint8Array(MAX_INPUT_BYTES + 1);
      bytes.set(fixtureBytes('pkcs8.key.pem'));
      expect(summary(await readCertificateInput({ bytes }))).toEqual({
        certificates: 0,
        rejections: [tooLarge],
        containedPrivateKey: false,
      });
    });

    it('measures pasted text in UTF-8 bytes', async () => {
      const text = 'é'.repeat(MAX_INPUT_BYTES / 2 - 1) + 'abc';
      expect((await readCertificateInput({ text })).rejections).toEqual([tooLarge]);
    });
  });
});

function truncated(label: string): InputRejection {
  return { code: 'truncated', params: { label } };
}

function unparsablePkcs7(): InputRejection {
  return { code: 'unparsable', params: { label: 'PKCS7' } };
}

function concat(...parts: Uint8Array[]): Uint8Array {
  const bytes = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  parts.reduce((offset, part) => (bytes.set(part, offset), offset + part.length), 0);
  return bytes;
}

function utf16le(text: string): Uint8Array {
  const bytes = new Uint8Array(2 + text.length * 2);
  bytes.set([0xff, 0xfe]);
  for (let i = 0; i < text.length; i++) bytes.set([text.charCodeAt(i) & 0xff, text.charCodeAt(i) >> 8], 2 + i * 2);
  return bytes;
}

/** The outer SEQUENCE re-encoded with BER's indefinite length (0x80 … 00 00), as some Windows tools write. */
function toIndefiniteLength(der: Uint8Array): Uint8Array {
  const lengthOctets = (der[1] ?? 0) & 0x80 ? ((der[1] ?? 0) & 0x7f) + 1 : 1;
  return concat(new Uint8Array([0x30, 0x80]), der.subarray(1 + lengthOctets), new Uint8Array([0, 0]));
}

/** OpenSSL's TRUSTED CERTIFICATE: the certificate's DER followed by an X509_CERT_AUX SEQUENCE. */
async function trustedCertificate(): Promise<string> {
  const aux = new Uint8Array([0x30, 0x0c, 0x30, 0x0a, 0x06, 0x08, 0x2b, 0x06, 0x01, 0x05, 0x05, 0x07, 0x03, 0x01]);
  const [block] = splitPemBlocks(fixtureText('root-ca.pem'));
  return normalizePem(concat(block?.der ?? new Uint8Array(), aux)).replace(/CERTIFICATE/g, 'TRUSTED CERTIFICATE');
}

/** A certificate whose tbsCertificate keeps its shape but whose issuer name holds an INTEGER where a SET belongs. */
function brokenCertificate(): Uint8Array {
  const der = fixtureBytes('root-ca.cer').slice();
  const outer = readTlv(der);
  const parts = 'node' in outer ? readChildren(der, outer.node) : [];
  const tbs = Array.isArray(parts) ? parts[0] : undefined;
  const fields = tbs ? readChildren(der, tbs) : [];
  const issuer = Array.isArray(fields) ? fields[3] : undefined;
  expect(issuer?.tag).withContext('issuer SEQUENCE').toBe(0x30);
  der[issuer?.contentStart ?? 0] = 0x02;
  return der;
}
