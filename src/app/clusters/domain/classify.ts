/*
 * A cluster's airgap findings, from its status entries (docs/domain.md#cluster-messages): every image a
 * node could not pull with why, every certificate, DNS, timeout or proxy failure with the host it
 * was for — the registry or VCD —, and everything else as "other", verbatim. Repeats of the same
 * failure (CAPVCD records each retry) are one finding with a count. Airgap findings come first,
 * each kind ordered by time, so `findings[0]` is the first thing to look at.
 */
import { ClusterRecord, StatusEntry } from './cluster-record';
import { ClassifyContext, FINDING_KINDS, Finding, FindingEntry } from './finding';
import { imageTarget } from './image-target';
import { knownNameKey } from './known-names';
import {
  ConnectionCause,
  PullCause,
  bootstrapPhaseTimeout,
  connectionProblem,
  hostOf,
  imagePulls,
  scriptExitStatus,
} from './text-evidence';

const CERTIFICATE_CAUSES: ReadonlySet<PullCause> = new Set(['unknownAuthority', 'certificateName', 'certificateExpired', 'tls']);
const REACH_CAUSES: ReadonlySet<PullCause> = new Set(['dns', 'timeout', 'refused', 'plainHttp']);

type Draft = Omit<Finding, 'occurrences' | 'lastAt'>;

function hostOfUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  const match = /^(?:https?:\/\/)?([^/\s]{1,300})/.exec(url.trim());
  return match?.[1] ? hostOf(match[1]) : undefined;
}

function entryOf(entry: StatusEntry): FindingEntry {
  return {
    component: entry.component,
    set: entry.set,
    index: entry.index,
    name: entry.name,
    ...(entry.occurredAt ? { occurredAt: entry.occurredAt } : {}),
    ...(entry.vcdResourceName ? { vcdResourceName: entry.vcdResourceName } : {}),
  };
}

function textOf(entry: StatusEntry): Pick<Finding, 'text' | 'textTruncated'> {
  return entry.detail ? { text: entry.detail.text, textTruncated: entry.detail.truncated } : {};
}

interface Hosts {
  readonly registry: ReadonlySet<string>;
  readonly vcd: ReadonlySet<string>;
}

function fromPull(entry: StatusEntry, reference: string, cause: PullCause, context: ClassifyContext): Draft {
  const image = imageTarget(reference, context.currentBase);
  const host = hostOfUrl(reference.split('/')[0]);
  const common = { reason: cause, image, entry: entryOf(entry), ...textOf(entry), ...(host ? { host } : {}) };
  if (cause === 'notFound' || cause === 'accessDenied') return { kind: 'imageMissing', ...common, check: 'image', fix: 'dependencies' };
  if (CERTIFICATE_CAUSES.has(cause)) return { kind: 'untrustedCertificate', ...common, check: 'registry', fix: 'certificates' };
  if (REACH_CAUSES.has(cause)) return { kind: 'registryUnreachable', ...common, check: 'registry', fix: 'registryCheck' };
  if (cause === 'proxy') return { kind: 'proxy', ...common, fix: 'proxy' };
  return { kind: 'other', ...common, check: 'image', fix: 'dependencies' };
}

function fromConnection(entry: StatusEntry, cause: ConnectionCause, host: string | undefined, isVcd: boolean, hosts: Hosts): Draft {
  const common = { reason: cause, entry: entryOf(entry), ...textOf(entry), ...(host ? { host } : {}) };
  if (cause === 'proxy') return { kind: 'proxy', ...common, fix: 'proxy' };
  const toVcd = isVcd || (host !== undefined && hosts.vcd.has(host));
  const toRegistry = !toVcd && host !== undefined && hosts.registry.has(host);
  const certificate = CERTIFICATE_CAUSES.has(cause);
  if (toVcd) return { kind: certificate ? 'untrustedCertificate' : 'vcdUnreachable', ...common, fix: 'publicEndpoint' };
  if (toRegistry && certificate) return { kind: 'untrustedCertificate', ...common, check: 'registry', fix: 'certificates' };
  if (toRegistry) return { kind: 'registryUnreachable', ...common, check: 'registry', fix: 'registryCheck' };
  // A host that is neither: the failure is real, its target unknown — shown as it is.
  return { kind: certificate ? 'untrustedCertificate' : 'other', ...common };
}

function fromEntry(entry: StatusEntry, context: ClassifyContext, hosts: Hosts): Draft[] {
  const text = entry.detail?.text ?? '';
  const pulls = imagePulls(text);
  if (pulls.length > 0) return pulls.map((pull) => fromPull(entry, pull.reference, pull.cause, context));
  const connection = connectionProblem(text);
  if (connection) return [fromConnection(entry, connection.cause, connection.host, connection.isVcdApi, hosts)];
  const common = { entry: entryOf(entry), ...textOf(entry) };
  const phase = bootstrapPhaseTimeout(text);
  if (phase) return [{ kind: 'other', reason: 'phaseTimeout', detailKey: phase, ...common }];
  if (scriptExitStatus(text) !== undefined) return [{ kind: 'other', reason: 'scriptFailed', ...common }];
  const known = entry.component === 'capvcd' ? knownNameKey(entry.name) : undefined;
  return [
    known ? { kind: 'other', reason: 'knownName', detailKey: known, ...common } : { kind: 'other', reason: 'unknownName', ...common },
  ];
}

function timeOf(iso: string | undefined): number {
  const time = iso ? Date.parse(iso) : Number.NaN;
  return Number.isNaN(time) ? Number.POSITIVE_INFINITY : time;
}

function keyOf(draft: Draft): string {
  return [draft.kind, draft.reason, draft.image?.failing ?? '', draft.host ?? '', draft.entry.component, draft.entry.name].join('|');
}

/** Merges repeats, keeping the earliest entry as the finding's and counting the rest. */
function merge(drafts: readonly Draft[]): Finding[] {
  const byKey = new Map<string, Finding>();
  for (const draft of drafts) {
    const key = keyOf(draft);
    const seen = byKey.get(key);
    const at = draft.entry.occurredAt;
    if (!seen) {
      byKey.set(key, { ...draft, occurrences: 1, ...(at ? { lastAt: at } : {}) });
      continue;
    }
    const earlier = timeOf(at) < timeOf(seen.entry.occurredAt) ? draft : seen;
    const last = timeOf(at) !== Number.POSITIVE_INFINITY && timeOf(at) > timeOf(seen.lastAt) ? at : seen.lastAt;
    byKey.set(key, { ...earlier, occurrences: seen.occurrences + 1, ...(last ? { lastAt: last } : {}) });
  }
  return [...byKey.values()];
}

function knownHosts(record: ClusterRecord, context: ClassifyContext): Hosts {
  const registry = new Set<string>();
  const base = hostOfUrl(context.currentBase);
  if (base) registry.add(base);
  for (const entry of record.entries) {
    for (const pull of entry.set === 'errorSet' ? imagePulls(entry.detail?.text ?? '') : []) {
      const host = hostOfUrl(pull.reference.split('/')[0]);
      if (host) registry.add(host);
    }
  }
  const vcd = new Set<string>();
  for (const candidate of [context.vcdHost, record.site]) {
    const host = hostOfUrl(candidate);
    if (host) vcd.add(host);
  }
  return { registry, vcd };
}

export function classifyCluster(record: ClusterRecord, context: ClassifyContext = {}): Finding[] {
  const hosts = knownHosts(record, context);
  const drafts: Draft[] = record.entries.filter((entry) => entry.set === 'errorSet').flatMap((entry) => fromEntry(entry, context, hosts));
  for (const bad of record.unreadable) {
    drafts.push({
      kind: 'unreadable',
      reason: 'unreadable',
      entry: { component: bad.component, set: bad.set, index: bad.index, name: '' },
      text: bad.raw.text,
      textTruncated: bad.raw.truncated,
    });
  }
  const rank = (finding: Finding): number => FINDING_KINDS.indexOf(finding.kind);
  return merge(drafts).sort((a, b) => rank(a) - rank(b) || timeOf(a.entry.occurredAt) - timeOf(b.entry.occurredAt));
}

/** Whether the cluster has anything to show: a finding, or a state CSE calls an error. */
export function hasProblems(record: ClusterRecord, findings: readonly Finding[]): boolean {
  return findings.length > 0 || record.state === 'error';
}
