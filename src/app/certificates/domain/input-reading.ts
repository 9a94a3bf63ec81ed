/*
 * Reads whatever a provider drops or pastes — PEM text, DER files, PKCS#7 bundles — into
 * certificates, each normalised to one PEM, and says precisely why anything else was set aside.
 * Private keys are recognised in every wrapping and refused; the reading keeps only their label.
 */
import { openCertificate } from './certificate-summary';
import { DerKind, identifyDer, pkcs7CertificateDers } from './der-kind';
import { decodeText, isText, nonPemPrivateKeyLabel, stripBom, utf8Length } from './input-text';
import { decodeBase64, normalizePem, pemBodyBase64, scanPemSections } from './pem';
import { berPkcs7CertificateDers } from './pkcs7-ber';

/** 1 MiB: a bundle of every public root CA weighs about 250 KB; anything larger is not a CA list. */
export const MAX_INPUT_BYTES = 1_048_576;

export type InputRejectionCode =
  | 'tooLarge'
  | 'empty'
  | 'privateKey'
  | 'csr'
  | 'crl'
  | 'publicKey'
  | 'unsupportedBlock'
  | 'truncated'
  | 'unparsable'
  | 'garbage'
  | 'pkcs7Empty';

export interface InputRejection {
  readonly code: InputRejectionCode;
  readonly params?: Readonly<Record<string, string | number>>;
  /** How many times the same rejection came, when more than once (1 MiB of BEGIN lines is one line, not 37,000). */
  readonly count?: number;
}

export interface ReadCertificate {
  /** Normalised: see `normalizePem`. */
  readonly pem: string;
  readonly der: Uint8Array;
}

export interface InputReading {
  /** The file name, when the input was a file. */
  readonly source?: string;
  readonly certificates: readonly ReadCertificate[];
  readonly rejections: readonly InputRejection[];
  readonly containedPrivateKey: boolean;
}

export type CertificateInput = { readonly bytes: Uint8Array; readonly name?: string } | { readonly text: string };

const CERTIFICATE_LABELS = new Set(['CERTIFICATE', 'X509 CERTIFICATE', 'TRUSTED CERTIFICATE']);
const PKCS7_LABELS = new Set(['PKCS7', 'PKCS #7 SIGNED DATA', 'CMS']);
const CSR_LABELS = new Set(['CERTIFICATE REQUEST', 'NEW CERTIFICATE REQUEST']);
const CRL_LABELS = new Set(['X509 CRL']);
const PUBLIC_KEY_LABELS = new Set(['PUBLIC KEY', 'RSA PUBLIC KEY']);
const SEQUENCE_TAG = 0x30;

/** What one input yields, gathered as it is read. Holds no key material: keys add a label only. */
class Reading {
  readonly certificates: ReadCertificate[] = [];
  readonly rejections: InputRejection[] = [];
  /** Where each distinct rejection (code and params) sits in `rejections`, so a repeat only counts. */
  private readonly positions = new Map<string, number>();
  containedPrivateKey = false;

  reject(code: InputRejectionCode, params?: Record<string, string | number>): void {
    const key = params ? `${code} ${JSON.stringify(params)}` : code;
    const position = this.positions.get(key);
    if (position === undefined) {
      this.positions.set(key, this.rejections.length);
      this.rejections.push(params ? { code, params } : { code });
      return;
    }
    const repeated = this.rejections[position] as InputRejection;
    this.rejections[position] = { ...repeated, count: (repeated.count ?? 1) + 1 };
  }

  refuseKey(label: string): void {
    this.containedPrivateKey = true;
    this.reject('privateKey', { label });
  }

  accept(der: Uint8Array): void {
    this.certificates.push({ pem: normalizePem(der), der });
  }
}

export async function readCertificateInput(input: CertificateInput): Promise<InputReading> {
  const source = 'bytes' in input && input.name !== undefined ? { source: input.name } : {};
  const size = 'bytes' in input ? input.bytes.length : utf8Length(input.text);
  const reading = new Reading();
  if (size > MAX_INPUT_BYTES) {
    // Not even looked at: a file this large is a mistake, and parsing it would freeze the page.
    reading.reject('tooLarge', { size, max: MAX_INPUT_BYTES });
  } else if ('text' in input) {
    readText(stripBom(input.text), reading);
  } else if (!isText(input.bytes) && input.bytes[0] === SEQUENCE_TAG) {
    readDer(input.bytes, reading);
  } else {
    readText(decodeText(input.bytes), reading);
  }
  return {
    ...source,
    certificates: reading.certificates,
    rejections: reading.rejections,
    containedPrivateKey: reading.containedPrivateKey,
  };
}

function readText(text: string, reading: Reading): void {
  if (text.trim() === '') return reading.reject('empty');
  const otherKey = nonPemPrivateKeyLabel(text);
  if (otherKey) reading.refuseKey(otherKey);
  const sections = scanPemSections(text);
  if (sections.length === 0) {
    if (!otherKey) readBareBase64(text, reading);
    return;
  }
  for (const section of sections) {
    // An END without its BEGIN: the start of a block was cut off.
    if (!section) {
      reading.reject('truncated');
      continue;
    }
    const label = section.label.toUpperCase();
    // By label first, before decoding: a key is refused even when cut short or not base64.
    if (label.includes('PRIVATE KEY')) {
      reading.refuseKey(section.label);
      continue;
    }
    const der = section.isTerminated ? decodeBase64(pemBodyBase64(section.body)) : undefined;
    if (!der || der.length === 0) {
      reading.reject('truncated', { label: section.label });
      continue;
    }
    readBlock(label, section.label, der, reading);
  }
}

function readBlock(label: string, original: string, der: Uint8Array, reading: Reading): void {
  const kind = identifyDer(der);
  // A key under a misleading label is still a key.
  if (kind.kind === 'privateKey') return reading.refuseKey(kind.label);
  if (CERTIFICATE_LABELS.has(label)) return readCertificate(kind, reading);
  if (PKCS7_LABELS.has(label))
    return kind.kind === 'truncated' ? reading.reject('truncated', { label: original }) : readPkcs7(der, reading);
  if (CSR_LABELS.has(label)) return reading.reject('csr');
  if (CRL_LABELS.has(label)) return reading.reject('crl');
  if (PUBLIC_KEY_LABELS.has(label)) return reading.reject('publicKey');
  reading.reject('unsupportedBlock', { label: original });
}

/** Headerless base64, as some people copy just the body; anything else without a PEM block is garbage. */
function readBareBase64(text: string, reading: Reading): void {
  const der = decodeBase64(text.replace(/\s/g, ''));
  if (der && der.length > 0 && identifyDer(der).kind !== 'unknown') readDer(der, reading);
  else reading.reject('garbage');
}

function readDer(der: Uint8Array, reading: Reading): void {
  const kind = identifyDer(der);
  switch (kind.kind) {
    case 'certificate':
      return readCertificate(kind, reading);
    case 'pkcs7':
      return readPkcs7(der, reading);
    case 'privateKey':
      return reading.refuseKey(kind.label);
    case 'csr':
    case 'crl':
    case 'publicKey':
    case 'truncated':
      return reading.reject(kind.kind);
    case 'signedUnknown':
      return reading.reject('unparsable');
    case 'unknown':
      if (!readBerPkcs7(der, reading)) reading.reject('garbage');
  }
}

function readCertificate(kind: DerKind, reading: Reading): void {
  if (kind.kind === 'truncated') return reading.reject('truncated');
  if (kind.kind !== 'certificate') return reading.reject('unparsable');
  try {
    openCertificate(kind.der);
    reading.accept(kind.der);
  } catch {
    reading.reject('unparsable');
  }
}

function readPkcs7(der: Uint8Array, reading: Reading): void {
  const certificates = pkcs7CertificateDers(der);
  if (certificates === 'malformed') {
    if (!readBerPkcs7(der, reading)) reading.reject('unparsable', { label: 'PKCS7' });
  } else if (certificates.length === 0) {
    reading.reject('pkcs7Empty');
  } else {
    for (const certificate of certificates) readCertificate(identifyDer(certificate), reading);
  }
}

/** Some tools write PKCS#7 in BER with indefinite lengths, which the DER walk refuses: read with asn1js (pkcs7-ber.ts). */
function readBerPkcs7(der: Uint8Array, reading: Reading): boolean {
  const certificates = berPkcs7CertificateDers(der);
  if (!certificates) return false;
  if (certificates.length === 0) reading.reject('pkcs7Empty');
  for (const certificate of certificates) readCertificate(identifyDer(certificate), reading);
  return true;
}
