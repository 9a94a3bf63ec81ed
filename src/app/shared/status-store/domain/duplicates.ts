/*
 * One status entity per name. VCD does not make entity names unique, so two first writes at once
 * (or plug-in 0.1.0, which did not read back) can leave two entities of one name. Every client
 * resolves them the same way: it keeps the entity with the lowest id, carries into it the newest
 * result each part of the status holds in any of them, and deletes the others.
 */
import { RegistryStatus } from './registry-status';

export interface NamedStatus {
  readonly id: string;
  readonly entity: RegistryStatus;
}

export interface DuplicateResolution {
  /** The entity that stays: the lowest id, whoever resolves. */
  readonly keeperId: string;
  /** What the keeper holds once the newest result of each part is carried into it. */
  readonly merged: RegistryStatus;
  /** The entities to delete. */
  readonly others: readonly string[];
}

/** The parts of a status that are written together, and the time that says which is newest. */
const PARTS: readonly { readonly fields: readonly (keyof RegistryStatus)[]; readonly time: (status: RegistryStatus) => unknown }[] = [
  {
    fields: ['checkedBase', 'accessPath', 'lastRegistryCheck', 'certificates', 'publicEndpoint'],
    time: (status) => status.lastRegistryCheck?.checkedAt,
  },
  { fields: ['lastDependencyCheck'], time: (status) => status.lastDependencyCheck?.['checkedAt'] },
  { fields: ['registryBase', 'assignedAt', 'assignedBy'], time: (status) => status.assignedAt },
];

/** Lowest id (the keeper) first: ties go the same way for every client. */
export function byId(left: NamedStatus, right: NamedStatus): number {
  return left.id < right.id ? -1 : left.id > right.id ? 1 : 0;
}

export function resolveDuplicates(entities: readonly NamedStatus[]): DuplicateResolution {
  const sorted = [...entities].sort(byId);
  const [keeper, ...others] = sorted;
  if (!keeper) throw new Error('no entity to resolve');
  const merged: Record<string, unknown> = { ...keeper.entity };
  const newestOverall = newest(sorted, activity);
  for (const part of PARTS) {
    const holders = sorted.filter((candidate) => part.fields.some((field) => candidate.entity[field] !== undefined));
    // By the part's own time; a part written without one goes with the most recently active entity.
    const source =
      newest(holders, (status) => timeOf(part.time(status))) ?? holders.find((holder) => holder === newestOverall) ?? holders[0];
    for (const field of part.fields) delete merged[field];
    if (source) for (const field of part.fields) if (source.entity[field] !== undefined) merged[field] = source.entity[field];
  }
  delete merged['tenantRecheck'];
  const recheck = tenantRecheckOf(sorted);
  if (recheck !== undefined) merged['tenantRecheck'] = recheck;
  return { keeperId: keeper.id, merged: merged as unknown as RegistryStatus, others: others.map((other) => other.id) };
}

/** Letting a tenant re-run is a permission: one entity that says no wins over those that say yes. */
function tenantRecheckOf(entities: readonly NamedStatus[]): boolean | undefined {
  const said = entities.map((entity) => entity.entity.tenantRecheck).filter((value): value is boolean => value !== undefined);
  if (said.length === 0) return undefined;
  return said.every((value) => value);
}

function activity(status: RegistryStatus): number | undefined {
  const times = [
    ...PARTS.map((part) => timeOf(part.time(status))),
    timeOf(status.certificates?.checkedAt),
    timeOf(status.publicEndpoint?.checkedAt),
  ].filter((time): time is number => time !== undefined);
  return times.length > 0 ? Math.max(...times) : undefined;
}

/** The entity (sorted by id) with the latest time; the first of equals. Undefined when none has a time. */
function newest(entities: readonly NamedStatus[], time: (status: RegistryStatus) => number | undefined): NamedStatus | undefined {
  let best: { entity: NamedStatus; time: number } | undefined;
  for (const entity of entities) {
    const value = time(entity.entity);
    if (value !== undefined && (!best || value > best.time)) best = { entity, time: value };
  }
  return best?.entity;
}

function timeOf(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  const time = Date.parse(value);
  return Number.isNaN(time) ? undefined : time;
}
