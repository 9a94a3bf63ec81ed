/*
 * The two CA lists CSE keeps — Bootstrap VM and cluster nodes — and what a change does to them:
 * stored entries keep their order and text unless explicitly removed; additions are appended
 * once (by fingerprint) as normalised PEM.
 */

export type CaTarget = 'bootstrap' | 'nodes';
export const CA_TARGETS: readonly CaTarget[] = ['bootstrap', 'nodes'];

/** Why a stored entry deserves attention; each one is offered in the one-click clean-up. */
export type StoredProblem = 'unreadable' | 'notCa' | 'expired' | 'duplicate' | 'severalBlocks';

export interface StoredEntryFacts {
  readonly fingerprint?: string;
  readonly isCa?: boolean;
  readonly isExpired?: boolean;
  /** The element holds more than one PEM block: CSE writes each element to one .crt file. */
  readonly blockCount: number;
}

export function storedProblems(entries: readonly StoredEntryFacts[]): StoredProblem[][] {
  const seen = new Set<string>();
  return entries.map((entry) => {
    const problems: StoredProblem[] = [];
    if (!entry.fingerprint) problems.push('unreadable');
    if (entry.blockCount > 1) problems.push('severalBlocks');
    if (entry.fingerprint && entry.isCa === false) problems.push('notCa');
    if (entry.isExpired) problems.push('expired');
    if (entry.fingerprint) {
      if (seen.has(entry.fingerprint)) problems.push('duplicate');
      seen.add(entry.fingerprint);
    }
    return problems;
  });
}

export interface Addition {
  readonly pem: string;
  readonly fingerprint: string;
  readonly targets: ReadonlySet<CaTarget>;
}

export interface TargetPlan {
  readonly result: readonly string[];
  readonly added: readonly string[];
  readonly removed: readonly string[];
  /** Additions skipped because the list already holds the same certificate. */
  readonly alreadyThere: readonly string[];
}

export function planTarget(
  target: CaTarget,
  stored: readonly { readonly pem: string; readonly fingerprint?: string }[],
  removedIndexes: ReadonlySet<number>,
  additions: readonly Addition[],
): TargetPlan {
  const kept = stored.filter((_, index) => !removedIndexes.has(index));
  const present = new Set(kept.flatMap((entry) => (entry.fingerprint ? [entry.fingerprint] : [])));
  const added: string[] = [];
  const alreadyThere: string[] = [];
  for (const addition of additions) {
    if (!addition.targets.has(target)) continue;
    if (present.has(addition.fingerprint)) {
      alreadyThere.push(addition.pem);
      continue;
    }
    present.add(addition.fingerprint);
    added.push(addition.pem);
  }
  return {
    result: [...kept.map((entry) => entry.pem), ...added],
    added,
    removed: stored.filter((_, index) => removedIndexes.has(index)).map((entry) => entry.pem),
    alreadyThere,
  };
}

export function hasChanges(plan: TargetPlan): boolean {
  return plan.added.length > 0 || plan.removed.length > 0;
}
