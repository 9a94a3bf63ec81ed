import { fixtureBytes } from '../testing/fixture-files';
import { readTlv } from './der';
import { X509Error, parseCertificate, readCertificate } from './x509';
import { ipText, nameText, timeOf } from './x509-names';
import { ecdsaSignatureToRaw, sha256Fingerprint, verifySignature } from './x509-signature';

/** DER of one TLV (short or long length form). */
function tlv(tag: number, ...content: (number[] | Uint8Array)[]): number[] {
  const bytes = content.flatMap((part) => Array.from(part));
  const length = bytes.length < 0x80 ? [bytes.length] : [0x82, bytes.length >> 8, bytes.length & 0xff];
  return [tag, ...length, ...bytes];
}

const ascii = (text: string): number[] => Array.from(text, (char) => char.charCodeAt(0));
const CN = [0x55, 0x04, 0x03];
const O = [0x55, 0x04, 0x0a];
const attribute = (oid: number[], value: number[]): number[] => tlv(0x30, tlv(0x06, oid), value);
const rdn = (...attributes: number[][]): number[] => tlv(0x31, ...attributes);
const name = (...rdns: number[][]): { bytes: Uint8Array; text: () => string } => {
  const bytes = new Uint8Array(tlv(0x30, ...rdns));
  return {
    bytes,
    text: () => {
      const read = readTlv(bytes);
      return nameText(bytes, 'node' in read ? read.node : undefined);
    },
  };
};
const utf8 = (text: string): number[] => tlv(0x0c, new TextEncoder().encode(text));

describe('X.509 reading', () => {
  describe('names, as the certificate orders them', () => {
    const cases: [string, ReturnType<typeof name>, string][] = [
      ['one CN', name(rdn(attribute(CN, tlv(0x13, ascii('Corp Root CA'))))), 'CN=Corp Root CA'],
      ['two RDNs in encoded order', name(rdn(attribute(CN, utf8('a'))), rdn(attribute(O, utf8('b')))), 'CN=a, O=b'],
      ['a multi-valued RDN', name(rdn(attribute(CN, utf8('a')), attribute(O, utf8('b')))), 'CN=a+O=b'],
      ['RFC 4514 specials escaped', name(rdn(attribute(O, utf8('Corp, Inc.+"x"')))), 'O=Corp\\, Inc.\\+\\"x\\"'],
      ['a leading # and a trailing space escaped', name(rdn(attribute(CN, utf8('#1 ')))), 'CN=\\#1\\ '],
      ['a BMPString', name(rdn(attribute(CN, tlv(0x1e, [0x00, 0xe9, 0x00, 0x74, 0x00, 0xe9])))), 'CN=été'],
      ['an unknown attribute by OID', name(rdn(attribute([0x2a, 0x03, 0x04], utf8('x')))), '1.2.3.4=x'],
      ['a value that is no string as #hex', name(rdn(attribute(CN, tlv(0x02, [0x05])))), 'CN=#020105'],
    ];
    for (const [what, given, expected] of cases) {
      it(`reads ${what}`, () => expect(given.text()).toBe(expected));
    }

    it('refuses a name whose RDN is not a SET', () => {
      expect(() => name(tlv(0x02, [0x01])).text()).toThrowError(X509Error);
    });
  });

  describe('times', () => {
    const cases: [string, number, string, string][] = [
      ['UTCTime before 2050', 0x17, '491231235959Z', '2049-12-31T23:59:59.000Z'],
      ['UTCTime from 1950', 0x17, '500101000000Z', '1950-01-01T00:00:00.000Z'],
      ['GeneralizedTime for "no expiry"', 0x18, '99991231235959Z', '9999-12-31T23:59:59.000Z'],
      ['GeneralizedTime with a fraction', 0x18, '20260101120000.5Z', '2026-01-01T12:00:00.500Z'],
    ];
    for (const [what, tag, text, iso] of cases) {
      it(`reads ${what}`, () => {
        const bytes = new Uint8Array(tlv(tag, ascii(text)));
        expect(timeOf(bytes, { tag, start: 0, contentStart: 2, end: bytes.length }).toISOString()).toBe(iso);
      });
    }

    it('refuses a local time (no Z)', () => {
      const bytes = new Uint8Array(tlv(0x17, ascii('491231235959')));
      expect(() => timeOf(bytes, { tag: 0x17, start: 0, contentStart: 2, end: bytes.length })).toThrowError(X509Error);
    });
  });

  describe('IP addresses of a SAN', () => {
    const cases: [number[], string][] = [
      [[10, 0, 0, 1], '10.0.0.1'],
      [[0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1], '::1'],
      [[0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1], '2001:db8::1'],
      [[0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1], '2001:db8:0:1:1:1:1:1'],
    ];
    for (const [octets, text] of cases) {
      it(`writes ${text}`, () => expect(ipText(new Uint8Array(octets))).toBe(text));
    }
  });

  describe('a certificate openssl made', () => {
    it('reads every field the checks use', async () => {
      const root = parseCertificate(fixtureBytes('root-ca.cer'));
      expect(root.subject).toBe('CN=Fixture Root CA');
      expect(root.issuer).toBe('CN=Fixture Root CA');
      expect(root.serialNumber).toBe('0705f2284ff168f28b99831f20bd20a8cc60d4a7');
      expect(root.notBefore.toISOString()).toBe('2026-11-22T00:11:17.000Z');
      expect(root.notAfter.toISOString()).toBe('2126-10-29T00:11:17.000Z');
      expect(root.basicConstraints?.ca).toBeTrue();
      expect(root.publicKeyAlgorithm).toEqual({ name: 'ECDSA', namedCurve: 'P-256' });
      expect(root.signatureAlgorithm).toEqual({ name: 'ECDSA', hash: { name: 'SHA-256' } });
      expect(await sha256Fingerprint(root)).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    });

    it('verifies a signature with the issuer key only', async () => {
      const root = readCertificate(new TextDecoder().decode(fixtureBytes('root-ca.pem')));
      const intermediate = readCertificate(new TextDecoder().decode(fixtureBytes('intermediate-ca.pem')));
      expect(await verifySignature(intermediate, root)).toBeTrue();
      expect(await verifySignature(root, root)).toBeTrue();
      expect(await verifySignature(intermediate, intermediate)).toBeFalse();
    });

    it('refuses bytes after the certificate, and a CSR', () => {
      const der = fixtureBytes('root-ca.cer');
      const padded = new Uint8Array(der.length + 1);
      padded.set(der);
      expect(() => parseCertificate(padded)).toThrowError(X509Error);
      expect(() => parseCertificate(fixtureBytes('request.csr.der'))).toThrowError(X509Error);
    });
  });

  describe('ECDSA signatures for WebCrypto', () => {
    it('pads r and s to the curve size, dropping sign octets', () => {
      const der = new Uint8Array(tlv(0x30, tlv(0x02, [0x00, 0x80]), tlv(0x02, [0x01])));
      expect(Array.from(ecdsaSignatureToRaw(der, 2) ?? [])).toEqual([0x00, 0x80, 0x00, 0x01]);
      expect(ecdsaSignatureToRaw(new Uint8Array(tlv(0x30, tlv(0x02, [1, 2, 3]))), 2)).toBeUndefined();
    });
  });
});
