/*
 * What each certificate the provider brought is (root, intermediate, leaf) and what is wrong with
 * it, as findings with stable codes the UI turns into messages. Only a CA without an error is
 * usable: CSE installs each entry as a trust anchor on the nodes, and a server certificate there
 * breaks as soon as the registry renews it.
 */
import { CertificateSummary, summarizeCertificate, validityAt } from './certificate-summary';
import { isIssuedBy, isSelfSigned, openPemCertificates } from './issuance';
import { X509Certificate } from './x509-certificate';

export type CertificateRole = 'root' | 'intermediate' | 'leaf';

export type FindingCode = 'leaf' | 'expired' | 'notYetValid' | 'expiresSoon' | 'weakKey' | 'sha1Signature' | 'duplicate' | 'noExpiry';

export type FindingSeverity = 'error' | 'warning' | 'info';

export interface Finding {
  readonly code: FindingCode;
  readonly severity: FindingSeverity;
  readonly params?: Readonly<Record<string, string | number>>;
}

export interface ClassifiedCertificate {
  readonly summary: CertificateSummary;
  readonly role: CertificateRole;
  /** At most one per code; errors first, then warnings, then information. */
  readonly findings: readonly Finding[];
  /** No error, and a CA (root or intermediate). */
  readonly isUsable: boolean;
  /** How many times the input holds it; duplicates are merged into the first. */
  readonly occurrences: number;
  /** Where it (and each duplicate) sits in the input list. */
  readonly inputIndexes: readonly number[];
}

export const EXPIRY_WARNING_DAYS = 30;
export const MIN_RSA_BITS = 2048;
/** RFC 5280 §4.1.2.5: 99991231235959Z means "no well-defined expiration date". */
const NO_EXPIRY_YEAR = 9999;
const DAY = 86_400_000;
const SEVERITY_ORDER: readonly FindingSeverity[] = ['error', 'warning', 'info'];

interface Entry {
  readonly certificate: X509Certificate;
  readonly summary: CertificateSummary;
  readonly inputIndexes: number[];
}

/**
 * Classifies every readable certificate of the input, in input order. An element may hold several
 * PEM blocks; an element that holds none readable is left out (its index appears in no result).
 */
export async function classifyCertificates(pems: readonly string[], now: Date): Promise<ClassifiedCertificate[]> {
  const opened = pems.flatMap((pem, index) => openPemCertificates([pem]).map(({ certificate }) => ({ certificate, index })));
  const summaries = await Promise.all(opened.map(({ certificate }) => summarizeCertificate(certificate)));
  const entries = new Map<string, Entry>();
  opened.forEach(({ certificate, index }, i) => {
    const summary = summaries[i];
    if (!summary) return;
    const known = entries.get(summary.sha256Fingerprint);
    if (known) known.inputIndexes.push(index);
    else entries.set(summary.sha256Fingerprint, { certificate, summary, inputIndexes: [index] });
  });
  const cas = [...entries.values()].filter((entry) => entry.summary.isCa);
  return Promise.all([...entries.values()].map((entry) => classify(entry, cas, now)));
}

async function classify(entry: Entry, cas: readonly Entry[], now: Date): Promise<ClassifiedCertificate> {
  const { certificate, summary } = entry;
  const selfSigned = await isSelfSigned(certificate);
  const role: CertificateRole = !summary.isCa ? 'leaf' : selfSigned ? 'root' : 'intermediate';
  const findings = [
    ...(role === 'leaf' ? [await leafFinding(entry, cas)] : []),
    ...validityFindings(summary, now),
    ...keyFindings(summary, selfSigned),
    ...(entry.inputIndexes.length > 1 ? [finding('duplicate', 'info', { count: entry.inputIndexes.length })] : []),
  ].sort((a, b) => SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity));
  return {
    summary,
    role,
    findings,
    isUsable: role !== 'leaf' && findings.every((item) => item.severity !== 'error'),
    occurrences: entry.inputIndexes.length,
    inputIndexes: entry.inputIndexes,
  };
}

/** Names the CA to bring instead — and, when the input already holds it, which one that is. */
async function leafFinding(entry: Entry, cas: readonly Entry[]): Promise<Finding> {
  let issuerInInputs: string | undefined;
  for (const ca of cas) {
    if (ca !== entry && (await isIssuedBy(entry.certificate, ca.certificate))) {
      issuerInInputs = ca.summary.subject;
      break;
    }
  }
  return finding('leaf', 'warning', { issuer: entry.summary.issuer, ...(issuerInInputs ? { issuerInInputs } : {}) });
}

function validityFindings(summary: CertificateSummary, now: Date): Finding[] {
  const validity = validityAt(summary, now);
  if (validity === 'expired') return [finding('expired', 'error', { date: day(summary.notAfter) })];
  if (validity === 'notYetValid') return [finding('notYetValid', 'error', { date: day(summary.notBefore) })];
  if (summary.notAfter.getUTCFullYear() === NO_EXPIRY_YEAR) return [finding('noExpiry', 'info')];
  const days = Math.ceil((summary.notAfter.getTime() - now.getTime()) / DAY);
  return days <= EXPIRY_WARNING_DAYS ? [finding('expiresSoon', 'warning', { days, date: day(summary.notAfter) })] : [];
}

function keyFindings(summary: CertificateSummary, selfSigned: boolean): Finding[] {
  const findings: Finding[] = [];
  if (summary.keyAlgorithm === 'RSA' && summary.keySize !== undefined && summary.keySize < MIN_RSA_BITS) {
    findings.push(finding('weakKey', 'warning', { bits: summary.keySize }));
  }
  // A trust anchor's own signature is never checked (RFC 5280 §6.1), so SHA-1 only matters on
  // certificates someone else signed — and there Go, which pulls the images, refuses it.
  if (summary.signatureHash === 'SHA-1' && !selfSigned) findings.push(finding('sha1Signature', 'warning'));
  return findings;
}

function finding(code: FindingCode, severity: FindingSeverity, params?: Record<string, string | number>): Finding {
  return params ? { code, severity, params } : { code, severity };
}

/** A calendar date (UTC) for messages: unambiguous in every locale. */
function day(date: Date): string {
  return date.toISOString().slice(0, 10);
}
