/*
 * Readiness at a glance: one line per prerequisite of the CSE airgap procedure, judged from the
 * records the other sections keep (registry check, certificate snapshot, dependency check) and
 * VCD's public address. Pure: the provider's Airgap tab, the tenant status page and the
 * organizations grid all feed it what they read and show the same lines.
 */
import { expiryOf } from '../../certificates/domain';
import { DependencyCheckRecord, GAP_STATUSES, ResultRow, rowsOf } from '../../dependencies/domain';
import { CheckStepId, CheckStepResult, RegistryCheckRecord, validateRegistryUrl } from '../../registry/domain';
import type { CertificateSnapshot, PublicEndpointFacts } from '../../shared/status-store/domain';

/** green, amber, red, grey (never checked), and a check only a person can make. */
export type ReadinessLevel = 'ready' | 'attention' | 'blocked' | 'unknown' | 'manual';
export type ReadinessLineId =
  | 'publicEndpoint'
  | 'registryUrl'
  | 'registryReachable'
  | 'projectPublic'
  | 'certificates'
  | 'dependencies'
  | 'pluginInventory';
/** Where the fix is: the Container Registry Settings tab ('settings') or a section of the Airgap tab. */
export type ReadinessSection = 'publicEndpoint' | 'settings' | 'registryCheck' | 'certificates' | 'dependencies';

export interface ReadinessMessage {
  readonly key: string;
  readonly params?: Readonly<Record<string, string | number>>;
}

export interface ReadinessLine {
  readonly id: ReadinessLineId;
  readonly level: ReadinessLevel;
  /** When the record this line comes from was made (ISO 8601). */
  readonly checkedAt?: string;
  readonly message: ReadinessMessage;
  readonly section: ReadinessSection;
}

export interface ReadinessInput {
  /** The base under check ('host[:port]/project'). */
  readonly registryBase: string | undefined;
  readonly publicEndpoint: PublicEndpointFacts | undefined;
  /** Counts only when its base is registryBase. */
  readonly registryCheck: RegistryCheckRecord | undefined;
  readonly certificates: CertificateSnapshot | undefined;
  /** readRecord(lastDependencyCheck); counts only when its base is registryBase. */
  readonly dependencyCheck: DependencyCheckRecord | undefined;
  readonly now: Date;
}

/** The component group of the Tanzu CLI plugin inventory (destination-rules.ts). */
export const PLUGIN_INVENTORY_GROUP = 'tanzuCli';
/** The registry-check steps that say whether VCD reaches and trusts the registry. */
export const REACH_STEPS: readonly CheckStepId[] = ['connection', 'certificate', 'registryApi'];

export function readinessLines(input: ReadinessInput): ReadinessLine[] {
  const check = input.registryCheck;
  const dependencies = input.dependencyCheck;
  return [
    publicEndpointLine(input.publicEndpoint),
    registryUrlLine(input.registryBase, input.now),
    check && check.base === input.registryBase ? reachLine(check) : staleOrMissing('registryReachable', 'registryCheck', check),
    check && check.base === input.registryBase ? projectLine(check) : staleOrMissing('projectPublic', 'registryCheck', check),
    certificatesLine(input.certificates, input.now),
    dependencies && dependencies.base === input.registryBase
      ? dependenciesLine(dependencies)
      : staleOrMissing('dependencies', 'dependencies', dependencies),
    dependencies && dependencies.base === input.registryBase
      ? pluginInventoryLine(dependencies)
      : staleOrMissing('pluginInventory', 'dependencies', dependencies),
  ];
}

export interface ReadinessVerdict {
  readonly level: 'ready' | 'attention' | 'blocked';
  readonly message: ReadinessMessage;
}

/** The one-line summary: blockers first, then what needs a look (unchecked counts), else ready. */
export function readinessVerdict(lines: readonly ReadinessLine[]): ReadinessVerdict {
  const count = (...levels: ReadinessLevel[]): number => lines.filter((line) => levels.includes(line.level)).length;
  const blocked = count('blocked');
  if (blocked > 0) return { level: 'blocked', message: { key: 'readiness.verdict.blocked', params: { count: blocked } } };
  const attention = count('attention', 'unknown');
  if (attention > 0) return { level: 'attention', message: { key: 'readiness.verdict.attention', params: { count: attention } } };
  const manual = count('manual');
  return manual > 0
    ? { level: 'ready', message: { key: 'readiness.verdict.readyWithManual', params: { count: manual } } }
    : { level: 'ready', message: { key: 'readiness.verdict.ready' } };
}

function line(
  id: ReadinessLineId,
  section: ReadinessSection,
  level: ReadinessLevel,
  key: string,
  params?: Readonly<Record<string, string | number>>,
  checkedAt?: string,
): ReadinessLine {
  return {
    id,
    level,
    section,
    message: { key: `readiness.${id}.${key}`, ...(params ? { params } : {}) },
    ...(checkedAt ? { checkedAt } : {}),
  };
}

/** No record, or one made for another registry URL: nothing known about this one. */
function staleOrMissing(
  id: ReadinessLineId,
  section: ReadinessSection,
  record: { readonly base: string; readonly checkedAt: string } | undefined,
): ReadinessLine {
  return record
    ? line(id, section, 'unknown', 'otherBase', { base: record.base }, record.checkedAt)
    : line(id, section, 'unknown', 'never');
}

function publicEndpointLine(facts: PublicEndpointFacts | undefined): ReadinessLine {
  const id = 'publicEndpoint';
  if (!facts) return line(id, id, 'unknown', 'never');
  switch (facts.state) {
    case 'configured':
      return line(id, id, 'ready', 'configured', { url: facts.url ?? '' }, facts.checkedAt);
    case 'missing':
      return line(id, id, 'blocked', 'missing', undefined, facts.checkedAt);
    case 'unreadable':
      return line(id, id, 'manual', 'unreadable', undefined, facts.checkedAt);
  }
}

function registryUrlLine(base: string | undefined, now: Date): ReadinessLine {
  const id = 'registryUrl';
  const at = now.toISOString();
  if (base === undefined || base.trim() === '') return line(id, 'settings', 'blocked', 'empty', undefined, at);
  const validation = validateRegistryUrl(base);
  if (!validation.valid) return line(id, 'settings', 'blocked', 'invalid', { url: base }, at);
  if (validation.warnings.some((warning) => warning.code === 'defaultPublicRegistry')) {
    return line(id, 'settings', 'attention', 'defaultPublic', { url: validation.parsed.value }, at);
  }
  return line(id, 'settings', 'ready', 'valid', { url: validation.parsed.value }, at);
}

function reachLine(check: RegistryCheckRecord): ReadinessLine {
  const id = 'registryReachable';
  const steps = REACH_STEPS.map((step) => check.steps.find((result) => result.id === step)).filter(
    (step): step is CheckStepResult => step !== undefined,
  );
  const failed = steps.find((step) => step.verdict === 'failed');
  if (failed) return line(id, 'registryCheck', 'blocked', `failed.${failed.id}`, undefined, check.checkedAt);
  const warning = steps.find((step) => step.verdict === 'warning');
  if (warning) return line(id, 'registryCheck', 'attention', `warning.${warning.id}`, undefined, check.checkedAt);
  if (steps.length === REACH_STEPS.length && steps.every((step) => step.verdict === 'passed')) {
    return line(id, 'registryCheck', 'ready', 'ready', undefined, check.checkedAt);
  }
  return line(id, 'registryCheck', 'unknown', 'incomplete', undefined, check.checkedAt);
}

function projectLine(check: RegistryCheckRecord): ReadinessLine {
  const id = 'projectPublic';
  const step = check.steps.find((result) => result.id === 'project');
  const project = String(step?.message?.params?.['project'] ?? projectOf(check.base));
  const at = check.checkedAt;
  switch (step?.verdict) {
    case 'passed':
      return line(id, 'registryCheck', 'ready', 'public', { project }, at);
    case 'warning':
      return step.message?.key === 'registry.check.project.none'
        ? line(id, 'registryCheck', 'attention', 'noProject', undefined, at)
        : line(id, 'registryCheck', 'attention', 'warning', { project }, at);
    case 'failed': {
      const reason = step.message?.key.split('.').pop();
      if (reason === 'private' || reason === 'missing') return line(id, 'registryCheck', 'blocked', reason, { project }, at);
      return line(id, 'registryCheck', 'blocked', 'failed', { project }, at);
    }
    default:
      // skipped (not Harbor: its API cannot tell), or a check that never got there
      return line(id, 'registryCheck', 'unknown', 'notChecked', { project }, at);
  }
}

function certificatesLine(snapshot: CertificateSnapshot | undefined, now: Date): ReadinessLine {
  const id = 'certificates';
  if (!snapshot) return line(id, id, 'unknown', 'never');
  const at = snapshot.checkedAt;
  const lists = (nodes: boolean, bootstrap: boolean): string => (nodes && bootstrap ? 'both' : nodes ? 'nodes' : 'bootstrap');
  const nodesEmpty = snapshot.nodes.length === 0;
  const bootstrapEmpty = snapshot.bootstrapCount === 0;
  if (nodesEmpty || bootstrapEmpty) return line(id, id, 'blocked', 'empty', { list: lists(nodesEmpty, bootstrapEmpty) }, at);
  const nodesRefuted = snapshot.nodesProven === false;
  const bootstrapRefuted = snapshot.bootstrapProven === false;
  if (nodesRefuted || bootstrapRefuted) return line(id, id, 'blocked', 'notProven', { list: lists(nodesRefuted, bootstrapRefuted) }, at);
  const expiries = snapshot.nodes.map((facts) => ({ facts, ...expiryOf(facts, now) }));
  const expired = expiries.find(({ state }) => state === 'expired')?.facts;
  if (expired) return line(id, id, 'blocked', 'expired', { subject: expired.subject, date: expired.notAfter.slice(0, 10) }, at);
  if (snapshot.nodesProven === null || snapshot.bootstrapProven === null) return line(id, id, 'attention', 'noChain', undefined, at);
  const expiring = expiries.filter(({ state }) => state === 'expiresSoon').sort((a, b) => a.days - b.days)[0];
  if (expiring) {
    const { facts, days } = expiring;
    return line(id, id, 'attention', 'expiresSoon', { subject: facts.subject, days, date: facts.notAfter.slice(0, 10) }, at);
  }
  return line(id, id, 'ready', 'proven', { nodes: snapshot.nodes.length, bootstrap: snapshot.bootstrapCount }, at);
}

function isGap(row: ResultRow): boolean {
  return GAP_STATUSES.includes(row.status);
}

function dependenciesLine(record: DependencyCheckRecord): ReadinessLine {
  const id = 'dependencies';
  const rows = rowsOf(record).filter((row) => row.group !== PLUGIN_INVENTORY_GROUP);
  const checkable = rows.filter((row) => row.status !== 'skipped' && row.status !== 'unmapped');
  const present = checkable.filter((row) => row.status === 'present').length;
  const gaps = checkable.filter(isGap).length;
  const params = { present, total: checkable.length };
  if (gaps > 0) return line(id, id, 'blocked', 'gaps', { ...params, count: gaps }, record.checkedAt);
  if (record.outcome !== 'done' || present < checkable.length) return line(id, id, 'attention', 'incomplete', params, record.checkedAt);
  if (checkable.length === 0) return line(id, id, 'unknown', 'empty', undefined, record.checkedAt);
  return line(id, id, 'ready', 'present', params, record.checkedAt);
}

function pluginInventoryLine(record: DependencyCheckRecord): ReadinessLine {
  const id = 'pluginInventory';
  const rows = rowsOf(record).filter((row) => row.group === PLUGIN_INVENTORY_GROUP);
  if (rows.length === 0) return line(id, 'dependencies', 'unknown', 'notInCatalog', undefined, record.checkedAt);
  if (rows.some(isGap)) return line(id, 'dependencies', 'blocked', 'missing', undefined, record.checkedAt);
  if (rows.every((row) => row.status === 'present')) return line(id, 'dependencies', 'ready', 'present', undefined, record.checkedAt);
  return line(id, 'dependencies', 'unknown', 'notChecked', undefined, record.checkedAt);
}

/** The Harbor project of a stored base, as the URL parser reads it ('' when it has none or is not valid). */
function projectOf(base: string): string {
  const validation = validateRegistryUrl(base);
  return validation.valid ? (validation.parsed.project ?? '') : '';
}
