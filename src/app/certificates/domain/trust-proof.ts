/*
 * Proves, before anything is saved, that a CA list makes the registry trusted: the path a TLS
 * client would build from the chain the registry really serves (VCD's testConnection) up to a
 * certificate of the list, checked by signature, validity and host name — the checks Go's
 * crypto/x509 makes when containerd pulls an image on a node. When it fails, every reason is
 * reported, most decisive first, with what to add.
 */
import { certificateCoversHost, subjectAltNames, validityAt } from './certificate-summary';
import { OpenedCertificate, isSelfSigned, isSignedWithKeyOf, namesMatch, openPemCertificates } from './issuance';
import { X509Certificate } from './x509-certificate';

export type ProofProblemCode =
  | 'noChain'
  | 'signatureInvalid'
  | 'issuerNotTrusted'
  | 'pathTooLong'
  | 'expired'
  | 'notYetValid'
  | 'hostNotCovered'
  | 'leafPinned';

export interface ProofProblem {
  readonly code: ProofProblemCode;
  readonly params?: Readonly<Record<string, string | number | boolean>>;
}

export type TrustProof =
  | {
      readonly trusted: true;
      /** Subjects from the served leaf to the anchor. */
      readonly path: readonly string[];
      readonly anchor: string;
      /** Worth knowing, not failures: 'leafPinned', or 'signatureInvalid' for a stale entry of the list. */
      readonly notes: readonly ProofProblem[];
    }
  | {
      readonly trusted: false;
      /** Every failure found, most decisive first. */
      readonly problems: readonly ProofProblem[];
      /** Subjects from the served leaf as far as the path went. */
      readonly path: readonly string[];
      readonly notes: readonly ProofProblem[];
    };

/** Real chains hold 2 to 4 certificates; a path longer than this is a loop or a mistake. */
export const MAX_PATH_LENGTH = 10;

const RANK: readonly ProofProblemCode[] = [
  'noChain',
  'signatureInvalid',
  'issuerNotTrusted',
  'pathTooLong',
  'expired',
  'notYetValid',
  'hostNotCovered',
  'leafPinned',
];

interface PathSearch {
  readonly path: OpenedCertificate[];
  readonly anchor?: OpenedCertificate;
  readonly problems: ProofProblem[];
  /**
   * 'leafPinned', and 'signatureInvalid' for each listed or served CA with the issuer's name and
   * another key: the cause when no path was found, a stale entry worth removing when one was.
   */
  readonly notes: ProofProblem[];
}

/**
 * @param served the chain as the registry serves it, leaf first (unreadable entries are skipped)
 * @param trusted the CA list a target would hold; an element may hold several PEM blocks
 * @param host the registry's host name or IP; a port is ignored; '' skips the host check
 */
export async function proveTrust(served: readonly string[], trusted: readonly string[], host: string, now: Date): Promise<TrustProof> {
  // The first entry is the leaf or there is no chain: a later one must not be taken for the leaf.
  const [leaf] = openPemCertificates(served.slice(0, 1));
  const rest = openPemCertificates(served.slice(1));
  if (!leaf) return { trusted: false, problems: [{ code: 'noChain' }], path: [], notes: [] };
  const anchors = openPemCertificates(trusted);
  // Like Go's Verify: a pool holding the leaf itself makes the chain [leaf].
  const search: PathSearch = anchors.some((anchor) => anchor.pem === leaf.pem)
    ? { path: [leaf], anchor: leaf, problems: [], notes: [{ code: 'leafPinned', params: { subject: leaf.certificate.subject } }] }
    : await searchPath(leaf, rest, anchors, now);
  const problems = [...search.problems, ...validityProblems(search.path, now), ...hostProblems(leaf.certificate, host)];
  const path = search.path.map((item) => item.certificate.subject);
  if (search.anchor && problems.length === 0) {
    return { trusted: true, path, anchor: search.anchor.certificate.subject, notes: byRank(search.notes) };
  }
  if (search.anchor) return { trusted: false, problems: byRank(problems), path, notes: byRank(search.notes) };
  return { trusted: false, problems: byRank([...search.notes, ...problems]), path, notes: [] };
}

async function searchPath(
  leaf: OpenedCertificate,
  rest: readonly OpenedCertificate[],
  anchors: readonly OpenedCertificate[],
  now: Date,
): Promise<PathSearch> {
  const path = [leaf];
  const notes: ProofProblem[] = [];
  for (let current = leaf; ; ) {
    if (path.length > MAX_PATH_LENGTH) return { path, problems: [{ code: 'pathTooLong', params: { max: MAX_PATH_LENGTH } }], notes };
    const claimed = current.certificate.issuer;
    const mismatch: ProofProblem = { code: 'signatureInvalid', params: { subject: current.certificate.subject, issuer: claimed } };
    const fromList = await signerAmong(current, anchors, now);
    // A listed CA with the issuer's name and another key: the cause of a failure, or a stale entry.
    if (fromList.hasImpostor) notes.push(mismatch);
    if (fromList.signer) return { path: [...path, fromList.signer], anchor: fromList.signer, problems: [], notes };
    const fromChain = await signerAmong(
      current,
      rest.filter((item) => !path.some((step) => step.pem === item.pem)),
      now,
    );
    if (fromChain.hasImpostor && !fromList.hasImpostor && !fromChain.signer) notes.push(mismatch);
    const next = fromChain.signer;
    if (!next) return { path, problems: [await untrustedIssuer(current, leaf)], notes };
    path.push(next);
    current = next;
  }
}

/**
 * Among the candidates named as the child's issuer, the one whose key verifies its signature —
 * preferring one valid now, as a renewed CA keeps name and key — and whether one with the name
 * failed the signature check.
 */
async function signerAmong(
  child: OpenedCertificate,
  candidates: readonly OpenedCertificate[],
  now: Date,
): Promise<{ signer?: OpenedCertificate; hasImpostor: boolean }> {
  const signers: OpenedCertificate[] = [];
  let hasImpostor = false;
  for (const candidate of candidates.filter((item) => namesMatch(item.certificate.subject, child.certificate.issuer))) {
    if (await isSignedWithKeyOf(child.certificate, candidate.certificate)) signers.push(candidate);
    else hasImpostor = true;
  }
  const signer = signers.find((item) => validityAt(item.certificate, now) === 'valid') ?? signers[0];
  return signer ? { signer, hasImpostor } : { hasImpostor };
}

/**
 * What must be added to the list: the issuer of the top of the path — or, when the top signed
 * itself, the top itself. `servedIssuer` says the registry serves that certificate (one click adds it).
 */
async function untrustedIssuer(top: OpenedCertificate, leaf: OpenedCertificate): Promise<ProofProblem> {
  const topIsRoot = namesMatch(top.certificate.subject, top.certificate.issuer) && (await isSelfSigned(top.certificate));
  if (!topIsRoot) return { code: 'issuerNotTrusted', params: { issuer: top.certificate.issuer, servedIssuer: false } };
  const isLeaf = top === leaf;
  return {
    code: 'issuerNotTrusted',
    params: { issuer: top.certificate.subject, servedIssuer: !isLeaf, ...(isLeaf ? { leafSelfSigned: true } : {}) },
  };
}

function validityProblems(path: readonly OpenedCertificate[], now: Date): ProofProblem[] {
  return path.flatMap(({ certificate }): ProofProblem[] => {
    const validity = validityAt(certificate, now);
    if (validity === 'valid') return [];
    const date = (validity === 'expired' ? certificate.notAfter : certificate.notBefore).toISOString().slice(0, 10);
    return [{ code: validity, params: { subject: certificate.subject, date } }];
  });
}

function hostProblems(leaf: X509Certificate, host: string): ProofProblem[] {
  const bare = stripPort(host.trim());
  if (bare === '') return [];
  const names = subjectAltNames(leaf);
  if (certificateCoversHost(names, bare)) return [];
  return [{ code: 'hostNotCovered', params: { host: bare, names: [...names.dnsNames, ...names.ipAddresses].join(', ') } }];
}

/** 'harbor:8443' → 'harbor', '[::1]:443' → '[::1]'; a bare IPv6 address has several colons and no port. */
function stripPort(host: string): string {
  if (host.startsWith('[')) return host.replace(/\]:\d+$/, ']');
  return host.split(':').length === 2 ? host.replace(/:\d+$/, '') : host;
}

function byRank(problems: readonly ProofProblem[]): ProofProblem[] {
  return [...problems].sort((a, b) => RANK.indexOf(a.code) - RANK.indexOf(b.code));
}

/**
 * The CA certificates the registry serves after its leaf, normalised and without repeats: when
 * the proof fails for want of one of them, the UI offers to add them all in one click.
 */
export function servedCaCertificates(served: readonly string[]): string[] {
  const cas = openPemCertificates(served)
    .slice(1)
    .filter(({ certificate }) => certificate.isCa)
    .map(({ pem }) => pem);
  return [...new Set(cas)];
}
