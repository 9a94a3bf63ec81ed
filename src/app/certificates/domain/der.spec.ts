import { DerRead, readChildren, readTlv, smallInteger } from './der';
import { identifyDer, pkcs7CertificateDers } from './der-kind';
import { fixtureBytes } from '../testing/fixture-files';

describe('readTlv', () => {
  const cases: [string, number[], DerRead][] = [
    ['reads a short-form length', [0x02, 0x01, 0x05], { node: { tag: 0x02, start: 0, contentStart: 2, end: 3 } }],
    ['reads a long-form length', [0x04, 0x81, 0x01, 0xff], { node: { tag: 0x04, start: 0, contentStart: 3, end: 4 } }],
    ['reports content shorter than its length as truncated', [0x30, 0x82, 0x01, 0x00, 0x02], { failure: 'truncated' }],
    ['reports a length cut inside its own octets as truncated', [0x30, 0x82, 0x01], { failure: 'truncated' }],
    ["refuses BER's indefinite length", [0x30, 0x80, 0x00, 0x00], { failure: 'malformed' }],
    ['refuses a high tag number', [0x1f, 0x81, 0x01], { failure: 'malformed' }],
    ['refuses nothing at all', [], { failure: 'malformed' }],
  ];
  for (const [behaviour, bytes, expected] of cases) {
    it(behaviour, () => expect(readTlv(new Uint8Array(bytes))).toEqual(expected));
  }

  it('lists the children of a SEQUENCE and reads a small INTEGER', () => {
    const bytes = new Uint8Array([0x30, 0x06, 0x02, 0x01, 0x03, 0x02, 0x01, 0x80]);
    const read = readTlv(bytes);
    const children = 'node' in read ? readChildren(bytes, read.node) : [];
    expect(Array.isArray(children) ? children.map((child) => smallInteger(bytes, child)) : children).toEqual([3, undefined]);
  });
});

describe('identifyDer', () => {
  it('cuts a certificate to its own bytes', () => {
    const der = fixtureBytes('root-ca.cer');
    const withTail = new Uint8Array([...der, 0x30, 0x00]);
    expect(identifyDer(withTail)).toEqual({ kind: 'certificate', der });
  });

  it('finds both certificates of a PKCS#7 bundle, byte for byte', () => {
    const found = pkcs7CertificateDers(fixtureBytes('bundle.p7b'));
    expect(Array.isArray(found) ? found.length : found).toBe(2);
    expect(Array.isArray(found) ? found[0] : found).toEqual(fixtureBytes('root-ca.cer'));
  });
});
