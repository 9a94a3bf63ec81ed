/*
 * The one way a dependency check runs and is kept. The Airgap tab, the organizations' checks and
 * the tenant's re-run all call `run`: it picks the strategy for the access path, streams the rows
 * as answers arrive, and keeps the result only when the check is whole (outcome 'done'). A check
 * that is cancelled, fails, ends with images unanswered, or whose subscriber leaves (a view
 * destroyed, a navigation) never replaces the last complete result: administrators and tenants
 * act on what is stored.
 */
import { Injectable, NgZone, Provider, inject } from '@angular/core';
import { Observable, Subscription, catchError, concat, endWith, ignoreElements, mergeMap, of } from 'rxjs';
import { ParsedRegistryUrl, AccessPath, accessBaseUrl } from '../../registry/domain';
import { VCD_SESSION } from '../../vcd';
import { CheckOutcome, CseVersion, DependencyCheckRecord, PresenceResult, ResultRow, imagesOf, pendingRows, toRecord } from '../domain';
import { chooseStrategy } from './choose-strategy';
import { CheckOptions, PresenceChecker } from './presence-check';
import { PresenceCheckers, providePresenceCheckers } from './presence-checkers';
import { RowCheckUpdate, checkRows } from './row-check';

/** Where a whole result goes: nowhere (the tenant's re-run), or to `store` (a VCD write). */
export type KeepTarget =
  | { readonly kind: 'nothing' }
  | { readonly kind: 'store'; readonly store: (record: DependencyCheckRecord) => Observable<unknown> };

export interface DependencyCheckRequest {
  /** Every row to show; those `shouldCheck` picks (all by default) are checked. */
  readonly rows: readonly ResultRow[];
  readonly shouldCheck?: (row: ResultRow) => boolean;
  /** The base the rows are under (its project is where the images live); only its value and project are read. */
  readonly registry: Pick<ParsedRegistryUrl, 'value' | 'project'>;
  readonly access: AccessPath;
  /** The registry check found Harbor (its REST API is used through /ext-api). */
  readonly harbor: boolean;
  /** What the record says about the check besides its rows. */
  readonly context: {
    readonly release?: CseVersion;
    readonly tkrs: readonly string[];
    readonly fileName?: string;
    readonly checkedBy?: string;
  };
  /** Emitting stops the check: what was answered stays on the page, nothing is kept. */
  readonly cancel: Observable<unknown>;
  readonly keep: KeepTarget;
  /** Registry requests in flight at most, whatever the protocol (the organizations' checks bound their total). */
  readonly concurrency?: number;
}

/** How to reach the registry: what a check and a digest lookup share. */
type RegistryReach = Pick<DependencyCheckRequest, 'registry' | 'access' | 'harbor' | 'cancel'>;

/** Rows whose digests to look up (by id), and how to reach the registry (as for the check). */
export type DigestRequest = RegistryReach & { readonly rows: readonly ResultRow[]; readonly ids: readonly string[] };

/** How the check itself ended: 'failed' when the checker gave up outright. */
export type CheckEnding = CheckOutcome | 'failed';

/**
 * What became of the result: 'notWhole' (cancelled, failed or unanswered images: the last
 * complete result stays), 'notAsked' (keep nothing), 'keeping', 'kept' or 'keepFailed'.
 */
export type Keeping = 'notWhole' | 'notAsked' | 'keeping' | 'kept' | 'keepFailed';

export interface DependencyCheckUpdate {
  readonly rows: readonly ResultRow[];
  readonly done: number;
  readonly total: number;
  /** Set once the check has ended. */
  readonly ending?: CheckEnding;
  /** The record of a whole check (ending 'done'), as it is kept. */
  readonly record?: DependencyCheckRecord;
  /** Set once the check has ended; the last update says whether the result was kept. */
  readonly keeping?: Keeping;
  /** Why keeping failed (a VcdError, a timeout…). */
  readonly keepError?: unknown;
}

@Injectable()
export class DependencyCheckRunner {
  private readonly checkers = inject(PresenceCheckers);
  private readonly session = inject(VCD_SESSION);
  private readonly zone = inject(NgZone);

  run(request: DependencyCheckRequest): Observable<DependencyCheckUpdate> {
    return new Observable<DependencyCheckUpdate>((subscriber) => {
      const images = imagesOf(request.rows, request.shouldCheck);
      const startedAt = Date.now();
      let last: RowCheckUpdate = { rows: pendingRows(request.rows, images), done: 0, total: images.length };
      let keeping: Subscription | undefined;
      let ended = false;
      subscriber.next(progressOf(last));

      const end = (reported: CheckEnding): void => {
        if (ended) return;
        ended = true;
        const progress = progressOf(last);
        // Whole means every row has an answer, whatever the checker said.
        const ending = reported === 'done' && unansweredCount(last.rows) > 0 ? 'partial' : reported;
        if (ending !== 'done') {
          subscriber.next({ ...progress, ending, keeping: 'notWhole' });
          subscriber.complete();
          return;
        }
        const record = this.recordOf(request, last.rows, Date.now() - startedAt);
        keeping = this.keep({ ...progress, ending, record }, request.keep).subscribe(subscriber);
      };

      const { checker, options } = this.checkerFor(request);
      const concurrency = request.concurrency ? { concurrency: request.concurrency, multiplexedConcurrency: request.concurrency } : {};
      // The requests, their answers and the coalescing timers run outside Angular's zone: an answer
      // that changes nothing on screen must not make the whole page check for changes. Each update
      // comes back into the zone, so the page shows it.
      const checking = this.zone.runOutsideAngular(() =>
        checkRows(checker, request.rows, images, { ...options, ...concurrency }).subscribe({
          next: (update) =>
            this.zone.run(() => {
              last = update;
              if (!update.outcome) subscriber.next(progressOf(update));
            }),
          // A checker that fails outright: what was answered stays on the page, as not whole.
          error: () => this.zone.run(() => end('failed')),
          complete: () => this.zone.run(() => end(last.outcome ?? 'failed')),
        }),
      );

      // Unsubscribing (the view is gone) stops the check and keeps nothing of it.
      return () => {
        ended = true;
        checking.unsubscribe();
        keeping?.unsubscribe();
      };
    });
  }

  /**
   * Digests on demand (a row opened, the exports asked for them): one HEAD per image of `ids`,
   * where the check told presence from tag lists. Nothing is kept.
   */
  lookUpDigests(request: DigestRequest): Observable<PresenceResult> {
    const wanted = new Set(request.ids);
    const { checker, options } = this.checkerFor(request);
    return checker
      .check(
        imagesOf(request.rows, (row) => wanted.has(row.id)),
        { ...options, withDigests: true },
      )
      .pipe(mergeMap((event) => (event.type === 'result' ? of(event.result) : [])));
  }

  private checkerFor(request: RegistryReach): { readonly checker: PresenceChecker; readonly options: CheckOptions } {
    return {
      checker: this.checkers.forStrategy(chooseStrategy({ harbor: request.harbor, access: request.access.kind })),
      options: {
        access: { baseUrl: accessBaseUrl(request.access, this.session.apiRootUrl), project: request.registry.project ?? '' },
        cancel: request.cancel,
      },
    };
  }

  /** Keeps again the result of a whole check whose keeping failed; a check that was not whole has nothing to keep. */
  keepAgain(update: DependencyCheckUpdate, keep: KeepTarget): Observable<DependencyCheckUpdate> {
    return update.ending === 'done' && update.record ? this.keep(update, keep) : of(update);
  }

  /** Stores the record of a whole check (ending 'done'), reporting 'keeping', then 'kept' or 'keepFailed'. */
  private keep(ended: DependencyCheckUpdate, keep: KeepTarget): Observable<DependencyCheckUpdate> {
    const { keepError: _previous, ...update } = ended;
    if (keep.kind === 'nothing' || !update.record) return of<DependencyCheckUpdate>({ ...update, keeping: 'notAsked' });
    return concat(
      of<DependencyCheckUpdate>({ ...update, keeping: 'keeping' }),
      keep.store(update.record).pipe(
        ignoreElements(),
        endWith<DependencyCheckUpdate>({ ...update, keeping: 'kept' }),
        catchError((keepError: unknown) => of<DependencyCheckUpdate>({ ...update, keeping: 'keepFailed', keepError })),
      ),
    );
  }

  private recordOf(request: DependencyCheckRequest, rows: readonly ResultRow[], elapsedMs: number): DependencyCheckRecord {
    const { release, fileName, checkedBy, tkrs } = request.context;
    return toRecord(
      {
        checkedAt: new Date().toISOString(),
        ...(checkedBy ? { checkedBy } : {}),
        base: request.registry.value,
        ...(release ? { release } : {}),
        tkrs: [...tkrs],
        ...(fileName ? { fileName } : {}),
        outcome: 'done',
        elapsedMs,
      },
      rows,
    );
  }
}

/** The checkers and the runner: what a module provides for dependency checks. */
export function provideDependencyChecks(): Provider[] {
  return [...providePresenceCheckers(), DependencyCheckRunner];
}

function progressOf(update: RowCheckUpdate): DependencyCheckUpdate {
  return { rows: update.rows, done: update.done, total: update.total };
}

/** Rows a check asked about that have no answer: still pending, or an error. */
export function unansweredCount(rows: readonly ResultRow[]): number {
  return rows.filter((row) => row.status === 'pending' || row.status === 'error').length;
}
