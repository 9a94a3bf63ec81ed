// Hostile input for the asn1js readers: cut short, lengths that lie, nesting and counts far beyond
// any certificate. Each is refused with the rejection the schema packages gave before, within a
// generous bound (the caps make each a matter of milliseconds). Then what strict DER refuses that
// the lenient schema parser let through: bytes after a certificate, BER lengths inside one.
import 'reflect-metadata';
import { fixtureBytes } from '../testing/fixture-files';
import {
  SUBJECT_ALT_NAME_OID,
  childrenOf,
  concat,
  extension,
  indefiniteTlv,
  tlv,
  withExtensions,
  withTbsFields,
} from '../testing/der-surgery';
import { InputRejection, MAX_INPUT_BYTES, readCertificateInput } from './input-reading';
import { X509Certificate } from './x509-certificate';

/** Generous: each case takes milliseconds; this only catches a parser gone quadratic or unbounded. */
const QUICKLY_MS = 3000;
const OID_SIGNED_DATA = [0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x07, 0x02];

const root = (): Uint8Array => fixtureBytes('root-ca.cer');

function nested(depth: number, inner = new Uint8Array()): Uint8Array {
  let bytes = inner;
  for (let i = 0; i < depth; i++) bytes = tlv(0x30, bytes);
  return bytes;
}

function repeated(part: readonly number[], times: number): Uint8Array {
  const bytes = new Uint8Array(part.length * times);
  for (let i = 0; i < times; i++) bytes.set(part, i * part.length);
  return bytes;
}

/** ContentInfo { signedData, [0] SignedData { 1, {}, { data }, [0] certificates } }, DER or with indefinite lengths. */
function pkcs7(certificates: Uint8Array, encode: (tag: number, ...parts: Uint8Array[]) => Uint8Array = tlv): Uint8Array {
  const signedData = encode(
    0x30,
    tlv(0x02, new Uint8Array([1])),
    tlv(0x31),
    tlv(0x30, tlv(0x06, new Uint8Array([0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x07, 0x01]))),
    encode(0xa0, certificates),
    tlv(0x31),
  );
  return encode(0x30, tlv(0x06, new Uint8Array(OID_SIGNED_DATA)), encode(0xa0, signedData));
}

/** `count` two-byte NULLs, as much as 1 MiB holds, in one SEQUENCE. */
const manyNulls = (count: number): Uint8Array => tlv(0x30, repeated([0x05, 0x00], count));

const cases: [string, () => Uint8Array, readonly InputRejection[]][] = [
  ['a certificate cut short', () => root().slice(0, 300), [{ code: 'truncated' }]],
  [
    'a certificate whose length claims 2 GiB',
    () => concat(new Uint8Array([0x30, 0x84, 0x7f, 0xff, 0xff, 0xff]), root().subarray(4)),
    [{ code: 'truncated' }],
  ],
  [
    'a certificate with 20,000 DNS names',
    () => withExtensions(root(), extension(SUBJECT_ALT_NAME_OID, tlv(0x30, repeated([0x82, 0x01, 0x61], 20_000)))),
    [{ code: 'unparsable' }],
  ],
  [
    'a certificate whose subjectAltName nests 500 deep',
    () => withExtensions(root(), extension(SUBJECT_ALT_NAME_OID, nested(500))),
    [{ code: 'unparsable' }],
  ],
  [
    'a certificate whose subject nests 500 deep',
    () => withTbsFields(root(), (fields) => fields.map((field, i) => (i === 5 ? nested(500) : field))),
    [{ code: 'unparsable' }],
  ],
  ['1 MiB of nested indefinite-length SEQUENCEs', () => repeated([0x30, 0x80], MAX_INPUT_BYTES / 2), [{ code: 'garbage' }]],
  ['a SEQUENCE of 500,000 NULLs', () => manyNulls(500_000), [{ code: 'garbage' }]],
  [
    'a BER PKCS#7 whose certificate set holds 300,000 empty SEQUENCEs',
    () => pkcs7(repeated([0x30, 0x00], 300_000), indefiniteTlv),
    [{ code: 'garbage' }],
  ],
  [
    'a DER PKCS#7 whose certificate set holds 300,000 empty SEQUENCEs',
    () => pkcs7(repeated([0x30, 0x00], 300_000)),
    [{ code: 'unparsable', count: 300_000 }],
  ],
];

describe('reading hostile certificate input', () => {
  for (const [what, bytes, rejections] of cases) {
    it(`refuses ${what}, quickly`, async () => {
      const input = bytes();
      expect(input.length).toBeLessThanOrEqual(MAX_INPUT_BYTES);
      const started = performance.now();
      const reading = await readCertificateInput({ bytes: input });
      const elapsed = performance.now() - started;
      expect(reading.certificates.length).toBe(0);
      expect(reading.rejections).toEqual(rejections);
      expect(elapsed).toBeLessThan(QUICKLY_MS);
    });
  }

  it('throws, never hangs, when the certificate class is handed each of them', () => {
    for (const [what, bytes] of cases)
      expect(() => new X509Certificate(bytes()))
        .withContext(what)
        .toThrow();
  });
});

describe('reading certificates as strict DER (RFC 5280 §4.1, X.690 §10)', () => {
  /** The issuer Name's first RDN SET re-encoded with BER's indefinite length. */
  const indefiniteIssuerRdn = (): Uint8Array =>
    withTbsFields(root(), (fields) =>
      fields.map((field, i) => {
        if (i !== 3) return field;
        const [first, ...rest] = childrenOf(field);
        return tlv(0x30, indefiniteTlv(0x31, ...childrenOf(first as Uint8Array)), ...rest);
      }),
    );
  /** The subject's first RDN SET with its length in a needless long form (0x81 n). */
  const longFormLength = (): Uint8Array =>
    withTbsFields(root(), (fields) =>
      fields.map((field, i) => {
        if (i !== 5) return field;
        const [first, ...rest] = childrenOf(field);
        const content = (first as Uint8Array).subarray(2);
        return tlv(0x30, concat(new Uint8Array([0x31, 0x81, content.length]), content), ...rest);
      }),
    );

  it('refuses bytes after the certificate in the class (the input reader cuts them off first)', async () => {
    const trailing = concat(root(), new Uint8Array([0x0a]));
    expect(() => new X509Certificate(trailing)).toThrow();
    expect((await readCertificateInput({ bytes: trailing })).certificates.length).toBe(1);
  });

  it('refuses an indefinite length inside the issuer name', async () => {
    expect(() => new X509Certificate(indefiniteIssuerRdn())).toThrow();
    expect((await readCertificateInput({ bytes: indefiniteIssuerRdn() })).rejections).toEqual([{ code: 'unparsable' }]);
  });

  it('refuses a length not in its shortest form inside the subject name', async () => {
    expect(() => new X509Certificate(longFormLength())).toThrow();
    expect((await readCertificateInput({ bytes: longFormLength() })).rejections).toEqual([{ code: 'unparsable' }]);
  });

  it('still reads the certificate those were made from', () => {
    expect(new X509Certificate(root()).subject).toContain('CN=');
  });
});
