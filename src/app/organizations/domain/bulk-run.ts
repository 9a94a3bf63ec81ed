/*
 * The overall progress of checking many organizations at once: how many are done, how many
 * failed, which are in flight and at which phase. A cancelled organization is no longer in flight
 * but does not count as done, so a cancelled run can say how many it left unchecked.
 */
import { OrgCheckPhase, OrgCheckProgress } from './org-check-progress';

/** The phases an organization is shown in while it is being checked. */
export type InFlightPhase = Exclude<OrgCheckPhase, 'queued' | 'done' | 'failed' | 'cancelled'>;

export interface InFlightOrg {
  readonly orgId: string;
  readonly org: string;
  readonly phase: InFlightPhase;
  /** Images checked so far, "done/total". */
  readonly images?: string;
}

export interface BulkRun {
  readonly total: number;
  readonly done: number;
  readonly failed: number;
  /** In the order they started. */
  readonly current: readonly InFlightOrg[];
  readonly finished: boolean;
  readonly cancelled: boolean;
}

export function startBulkRun(total: number): BulkRun {
  return { total, done: 0, failed: 0, current: [], finished: false, cancelled: false };
}

export function advanceBulkRun(run: BulkRun, progress: OrgCheckProgress): BulkRun {
  const others = run.current.filter((item) => item.orgId !== progress.org.id);
  switch (progress.phase) {
    case 'queued':
      return run;
    case 'cancelled':
      return { ...run, current: others };
    case 'done':
    case 'failed':
      return { ...run, current: others, done: run.done + 1, failed: run.failed + (progress.phase === 'failed' ? 1 : 0) };
    default: {
      const item: InFlightOrg = {
        orgId: progress.org.id,
        org: progress.org.name,
        phase: progress.phase,
        ...(progress.images ? { images: `${progress.images.done}/${progress.images.total}` } : {}),
      };
      const index = run.current.findIndex((candidate) => candidate.orgId === item.orgId);
      const current = index < 0 ? [...run.current, item] : run.current.map((candidate, at) => (at === index ? item : candidate));
      return { ...run, current };
    }
  }
}

export function cancelBulkRun(run: BulkRun): BulkRun {
  return { ...run, cancelled: true };
}

/** The checks ended (all done, or cancelled): nothing is in flight any more. */
export function finishBulkRun(run: BulkRun): BulkRun {
  return { ...run, current: [], finished: true };
}

export function bulkRunPercent(run: BulkRun): number {
  return run.total > 0 ? Math.round((run.done * 100) / run.total) : 0;
}

export function isBulkRunning(run: BulkRun | undefined): boolean {
  return run !== undefined && !run.finished;
}

/** Organizations a cancelled run never checked. */
export function skippedBy(run: BulkRun): number {
  return run.total - run.done;
}
