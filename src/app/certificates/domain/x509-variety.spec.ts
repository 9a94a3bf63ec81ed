// Certificates of every kind a provider may hand in, made by @peculiar/x509 (the tests' PKI), read
// by the plug-in's asn1js readers: every field the plug-in reads must come out as the reference
// reads it — names in each string type, both time types, RSA, RSA-PSS and the three EC curves,
// with and without extensions — and each signature must verify. A PKCS#7 bundle of them, in DER and
// in BER, must give back each certificate byte for byte.
import 'reflect-metadata';
import * as reference from '@peculiar/x509';
import { childrenOf, concat, indefiniteTlv } from '../testing/der-surgery';
import { readCertificateInput } from './input-reading';
import { X509Certificate } from './x509-certificate';
import { verifySignature } from './x509-signature';

const hexOf = (buffer: ArrayBuffer | Uint8Array): string =>
  Array.from(new Uint8Array(buffer), (byte) => byte.toString(16).padStart(2, '0')).join('');

function asReferenceReads(der: Uint8Array): unknown {
  const certificate = new reference.X509Certificate(der);
  const names = certificate.getExtension(reference.SubjectAlternativeNameExtension)?.names.items ?? [];
  const key = certificate.publicKey.algorithm as Algorithm & { modulusLength?: number; namedCurve?: string };
  const signature = certificate.signatureAlgorithm as Algorithm & { hash?: { name?: string }; saltLength?: number };
  return {
    subject: certificate.subject,
    issuer: certificate.issuer,
    serialNumber: certificate.serialNumber,
    validity: [certificate.notBefore.toISOString(), certificate.notAfter.toISOString()],
    isCa: certificate.getExtension(reference.BasicConstraintsExtension)?.ca === true,
    dnsNames: names.filter((name) => name.type === 'dns').map((name) => name.value),
    ipAddresses: names.filter((name) => name.type === 'ip').map((name) => name.value),
    key: [key.name, key.modulusLength, key.namedCurve],
    spki: hexOf(certificate.publicKey.rawData),
    signatureAlgorithm: [signature.name, signature.hash?.name, signature.saltLength],
    // `tbs` is private in the typings, public at run time: the bytes the reference verifies.
    signed: [hexOf((certificate as unknown as { tbs: ArrayBuffer }).tbs), hexOf(certificate.signature)],
  };
}

function asPluginReads(der: Uint8Array): unknown {
  const certificate = new X509Certificate(der);
  const key = certificate.publicKey.algorithm;
  const signature = certificate.signatureAlgorithm;
  return {
    subject: certificate.subject,
    issuer: certificate.issuer,
    serialNumber: certificate.serialNumber,
    validity: [certificate.notBefore.toISOString(), certificate.notAfter.toISOString()],
    isCa: certificate.isCa,
    dnsNames: certificate.dnsNames,
    ipAddresses: certificate.ipAddresses,
    key: [key.name, key.modulusLength, key.namedCurve],
    spki: hexOf(certificate.publicKey.spki),
    signatureAlgorithm: [signature.name, signature.hash?.name, signature.saltLength],
    signed: [hexOf(certificate.signed.data), hexOf(certificate.signed.signature)],
  };
}

type KeyParams = RsaHashedKeyGenParams | EcKeyGenParams;

interface Variant {
  readonly what: string;
  readonly key: KeyParams;
  readonly signing: Algorithm;
  readonly name: string | reference.JsonNameParams;
  readonly serialNumber: string;
  readonly validity: [string, string];
  readonly extensions: (keys: CryptoKeyPair) => Promise<reference.Extension[]>;
}

const rsa = (modulusLength: number, hash: string, name = 'RSASSA-PKCS1-v1_5'): RsaHashedKeyGenParams => ({
  name,
  modulusLength,
  publicExponent: new Uint8Array([1, 0, 1]),
  hash,
});

const caExtensions = async (keys: CryptoKeyPair): Promise<reference.Extension[]> => [
  new reference.BasicConstraintsExtension(true, 0, true),
  new reference.KeyUsagesExtension(reference.KeyUsageFlags.keyCertSign | reference.KeyUsageFlags.cRLSign, true),
  await reference.SubjectKeyIdentifierExtension.create(keys.publicKey),
  await reference.AuthorityKeyIdentifierExtension.create(keys.publicKey),
];

const leafExtensions = (names: { type: 'dns' | 'ip'; value: string }[]) => async (): Promise<reference.Extension[]> => [
  new reference.BasicConstraintsExtension(false),
  new reference.KeyUsagesExtension(reference.KeyUsageFlags.digitalSignature),
  new reference.SubjectAlternativeNameExtension(names),
];

const UTC: [string, string] = ['2026-01-01T00:00:00.000Z', '2036-01-01T00:00:00.000Z'];

const VARIANTS: readonly Variant[] = [
  {
    what: 'RSA 2048 CA (basicConstraints, keyUsage, SKI, AKI), UTCTime, PrintableString names',
    key: rsa(2048, 'SHA-256'),
    signing: { name: 'RSASSA-PKCS1-v1_5' },
    name: 'CN=Corp Root CA, O=Corp, C=FR',
    serialNumber: '01',
    validity: UTC,
    extensions: caExtensions,
  },
  {
    what: 'RSA 4096 leaf, SHA-512, DNS and IPv4/IPv6 SANs, a serial with its top bit set',
    key: rsa(4096, 'SHA-512'),
    signing: { name: 'RSASSA-PKCS1-v1_5' },
    name: 'CN=harbor.corp.local, OU=Platform+O=Corp',
    serialNumber: '8f3a5c7e9b1d2f4a',
    validity: UTC,
    extensions: leafExtensions([
      { type: 'dns', value: 'harbor.corp.local' },
      { type: 'dns', value: '*.apps.corp.local' },
      { type: 'ip', value: '10.0.0.5' },
      { type: 'ip', value: '2001:db8::1' },
      { type: 'ip', value: '2001:db8:0:1:0:0:0:1' },
      { type: 'ip', value: 'fe80:0:0:1:0:0:0:0' },
    ]),
  },
  {
    what: 'RSA-PSS, SHA-384, salt 48',
    key: rsa(2048, 'SHA-384', 'RSA-PSS'),
    signing: { name: 'RSA-PSS', saltLength: 48 } as Algorithm,
    name: 'CN=pss.corp.local',
    serialNumber: '0a',
    validity: UTC,
    extensions: leafExtensions([{ type: 'dns', value: 'pss.corp.local' }]),
  },
  {
    what: 'P-256 without any extension, GeneralizedTime on both ends (after 2049)',
    key: { name: 'ECDSA', namedCurve: 'P-256' },
    signing: { name: 'ECDSA', hash: 'SHA-256' } as Algorithm,
    name: 'CN=far future',
    serialNumber: '7f',
    validity: ['2050-01-01T00:00:00.000Z', '2060-06-30T12:34:56.000Z'],
    extensions: async () => [],
  },
  {
    what: 'P-384, SHA-384, UTF8String names beyond ASCII, UTCTime then GeneralizedTime',
    key: { name: 'ECDSA', namedCurve: 'P-384' },
    signing: { name: 'ECDSA', hash: 'SHA-384' } as Algorithm,
    name: 'CN=Registre Zürich, O=Société Générale, L=東京, ST=Île-de-France',
    serialNumber: '2b',
    validity: ['2026-01-01T00:00:00.000Z', '2050-01-01T00:00:00.000Z'],
    extensions: caExtensions,
  },
  {
    what: 'P-521, SHA-512, BMPString, UniversalString, IA5String and PrintableString values',
    key: { name: 'ECDSA', namedCurve: 'P-521' },
    signing: { name: 'ECDSA', hash: 'SHA-512' } as Algorithm,
    name: [
      { C: [{ printableString: 'DE' }] },
      { O: [{ bmpString: 'Größe & Ärger, GmbH' }] },
      { OU: [{ universalString: 'Ünïcödé 𝄞' }] },
      { CN: [{ utf8String: 'ca.örg' }], E: [{ ia5String: 'pki@corp.local' }] },
      { DC: ['corp'] },
    ],
    serialNumber: '00c4',
    validity: UTC,
    extensions: leafExtensions([{ type: 'dns', value: 'ca.xn--rg-eka' }]),
  },
];

async function make(variant: Variant): Promise<reference.X509Certificate> {
  const keys = await crypto.subtle.generateKey(variant.key, true, ['sign', 'verify']);
  return reference.X509CertificateGenerator.createSelfSigned({
    serialNumber: variant.serialNumber,
    name: typeof variant.name === 'string' ? variant.name : new reference.Name(variant.name),
    notBefore: new Date(variant.validity[0]),
    notAfter: new Date(variant.validity[1]),
    keys,
    signingAlgorithm: variant.signing,
    extensions: await variant.extensions(keys),
  });
}

/** The PKCS#7 envelope (ContentInfo, [0], SignedData, its [0] set) re-encoded with indefinite lengths; certificates untouched. */
function toBer(der: Uint8Array, depth = 0): Uint8Array {
  const tag = der[0] ?? 0;
  if (depth === 4 || (tag & 0x20) === 0) return der;
  return indefiniteTlv(tag, ...childrenOf(der).map((child) => toBer(child, depth + 1)));
}

describe('X509Certificate (asn1js) against @peculiar/x509 over varied certificates', () => {
  const made = new Map<string, reference.X509Certificate>();

  beforeAll(async () => {
    for (const variant of VARIANTS) made.set(variant.what, await make(variant));
  }, 120_000);

  for (const variant of VARIANTS) {
    it(`reads and verifies ${variant.what} as the reference does`, async () => {
      const certificate = made.get(variant.what) as reference.X509Certificate;
      const der = new Uint8Array(certificate.rawData);
      expect(asPluginReads(der)).toEqual(asReferenceReads(der));
      const own = new X509Certificate(der);
      expect(await verifySignature(own, own)).toBeTrue();
    });
  }

  it('reads the string types, time types and escapes as written, not only as the reference does', () => {
    const [, leaf, , future, utf8, strings] = VARIANTS.map((variant) => new X509Certificate(rawOf(made, variant)));
    expect(leaf?.serialNumber).toBe('8f3a5c7e9b1d2f4a');
    expect(leaf?.ipAddresses).toEqual(['10.0.0.5', '2001:db8::1', '2001:db8:0:1::1', 'fe80:0:0:1::']);
    expect(future?.notAfter.toISOString()).toBe('2060-06-30T12:34:56.000Z');
    expect(utf8?.subject).toBe('CN=Registre Zürich, O=Société Générale, L=東京, ST=Île-de-France');
    expect(strings?.subject).toBe('C=DE, O=Größe & Ärger\\, GmbH, OU=Ünïcödé 𝄞, CN=ca.örg+E=pki@corp.local, DC=corp');
  });

  // @peculiar/x509 escapes only the first line break of a value; the plug-in escapes them all.
  it('escapes every line break and tab of a name, so that it shows on one line', async () => {
    const [first] = VARIANTS;
    const made = await make({ ...(first as Variant), what: 'line breaks', name: [{ CN: ['Corp\nRoot\r\nCA\tG2'] }] });
    expect(new X509Certificate(new Uint8Array(made.rawData)).subject).toBe('CN=Corp\\0ARoot\\0D\\0ACA\\09G2');
  });

  for (const [encoding, encode] of [
    ['DER', (der: Uint8Array) => der],
    ['BER with indefinite lengths', toBer],
  ] as const) {
    it(`gives back every certificate of a PKCS#7 bundle in ${encoding}, byte for byte`, async () => {
      const certificates = [...made.values()];
      const bundle = encode(new Uint8Array(new reference.X509Certificates(certificates).export('raw')));
      const reading = await readCertificateInput({ bytes: bundle, name: 'bundle.p7b' });
      expect(reading.rejections).toEqual([]);
      expect(reading.certificates.map((read) => hexOf(read.der))).toEqual(certificates.map((certificate) => hexOf(certificate.rawData)));
    });
  }

  it('refuses a certificate that is itself BER inside a BER bundle (a certificate must be DER)', async () => {
    const [certificate] = [...made.values()].map((made) => new Uint8Array(made.rawData));
    const berCertificate = indefiniteTlv(0x30, ...childrenOf(certificate as Uint8Array));
    const bundle = toBer(new Uint8Array(new reference.X509Certificates([...made.values()].slice(0, 1)).export('raw')));
    const withBer = replaceOnce(bundle, certificate as Uint8Array, berCertificate);
    const reading = await readCertificateInput({ bytes: withBer });
    expect(reading.certificates).toEqual([]);
    expect(reading.rejections).toEqual([{ code: 'unparsable' }]);
  });
});

function rawOf(made: Map<string, reference.X509Certificate>, variant: Variant): Uint8Array {
  return new Uint8Array((made.get(variant.what) as reference.X509Certificate).rawData);
}

function replaceOnce(bytes: Uint8Array, part: Uint8Array, by: Uint8Array): Uint8Array {
  const text = hexOf(bytes);
  const at = text.indexOf(hexOf(part));
  if (at < 0 || at % 2 !== 0) throw new Error('part not found');
  return concat(bytes.subarray(0, at / 2), by, bytes.subarray(at / 2 + part.length));
}
