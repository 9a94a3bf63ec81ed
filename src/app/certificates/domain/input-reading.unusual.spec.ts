import 'reflect-metadata';
import { fixtureBytes, fixtureText } from '../testing/fixture-files';
import { expected, summary } from '../testing/reading-summary';
import { readChildren, readTlv } from './der';
import { InputRejection, MAX_INPUT_BYTES, readCertificateInput } from './input-reading';
import { normalizePem, splitPemBlocks } from './pem';

// What openssl writes, normalisation and private keys are in input-reading.spec.ts.

describe('readCertificateInput', () => {
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
