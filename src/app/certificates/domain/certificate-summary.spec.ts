import 'reflect-metadata';
import { certificateCoversHost, summarizeCertificate, validityAt } from './certificate-summary';
import { splitPemBlocks } from './pem';
import { makeCa, makeLeaf } from '../testing/test-pki';

describe('summarizeCertificate', () => {
  it('reads subject, issuer, SANs, key, CA flag and a SHA-256 fingerprint', async () => {
    const ca = await makeCa('Corp Root CA');
    const leaf = await makeLeaf(ca, { cn: 'harbor.corp.local', dns: ['harbor.corp.local', '*.apps.corp.local'], ips: ['10.0.0.5'] });
    const summary = await summarizeCertificate(leaf.pem);
    expect(summary.subject).toBe('CN=harbor.corp.local');
    expect(summary.issuer).toBe('CN=Corp Root CA');
    expect(summary.dnsNames).toEqual(['harbor.corp.local', '*.apps.corp.local']);
    expect(summary.ipAddresses).toEqual(['10.0.0.5']);
    expect(summary.isCa).toBeFalse();
    expect(summary.isSelfIssued).toBeFalse();
    expect(summary.keyAlgorithm).toBe('EC P-256');
    expect(summary.keySize).toBe(256);
    expect(summary.sha256Fingerprint).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
  });

  it('recognises a self-signed CA', async () => {
    const summary = await summarizeCertificate((await makeCa('Lonely Root')).pem);
    expect(summary.isCa).toBeTrue();
    expect(summary.isSelfIssued).toBeTrue();
  });

  it('gives the same fingerprint for PEM and DER input', async () => {
    const ca = await makeCa();
    const [block] = splitPemBlocks(ca.pem);
    const fromPem = await summarizeCertificate(ca.pem);
    const fromDer = await summarizeCertificate(block?.der ?? new Uint8Array());
    expect(fromDer.sha256Fingerprint).toBe(fromPem.sha256Fingerprint);
  });
});

describe('certificateCoversHost', () => {
  const cert = { dnsNames: ['harbor.corp.local', '*.apps.corp.local'], ipAddresses: ['10.0.0.5', '::1'] };
  const cases: [string, boolean][] = [
    ['harbor.corp.local', true],
    ['HARBOR.corp.local', true],
    ['registry.apps.corp.local', true],
    ['a.b.apps.corp.local', false],
    ['apps.corp.local', false],
    ['other.corp.local', false],
    ['10.0.0.5', true],
    ['10.0.0.6', false],
    ['[::1]', true],
  ];
  for (const [host, expected] of cases) {
    it(`${expected ? 'covers' : 'does not cover'} ${host}`, () => expect(certificateCoversHost(cert, host)).toBe(expected));
  }
});

describe('validityAt', () => {
  const window = { notBefore: new Date('2026-01-01T00:00:00Z'), notAfter: new Date('2027-01-01T00:00:00Z') };
  it('is valid inside its window', () => expect(validityAt(window, new Date('2026-06-01T00:00:00Z'))).toBe('valid'));
  it('is expired after notAfter', () => expect(validityAt(window, new Date('2027-01-02T00:00:00Z'))).toBe('expired'));
  it('is not yet valid before notBefore', () => expect(validityAt(window, new Date('2025-12-31T00:00:00Z'))).toBe('notYetValid'));
});

describe('splitPemBlocks', () => {
  it('finds blocks among text, CRLF line ends and a BOM', async () => {
    const ca = await makeCa();
    const text = `\uFEFFsubject=CN=x\r\n${ca.pem.replace(/\n/g, '\r\n')}\r\nsome notes\r\n${ca.pem}`;
    const blocks = splitPemBlocks(text);
    expect(blocks.length).toBe(2);
    expect(blocks[0]?.label).toBe('CERTIFICATE');
    expect(blocks[0]?.pem).toBe(blocks[1]?.pem ?? '');
  });

  it('skips a block whose body is not base64', () => {
    expect(splitPemBlocks('-----BEGIN CERTIFICATE-----\n%%%\n-----END CERTIFICATE-----')).toEqual([]);
  });
});
