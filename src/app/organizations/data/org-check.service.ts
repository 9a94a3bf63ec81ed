/*
 * Checks one organization's registry the way the Airgap tab checks the system registry — the
 * registry check through VCD, the proof of CSE's CA lists against the served chain, the presence
 * of every dependency — and stores the outcome in the organization's entity (shared read-only
 * with it). Many organizations are checked with a bounded number in flight.
 */
import { Injectable, inject } from '@angular/core';
import {
  EMPTY,
  Observable,
  ReplaySubject,
  Subject,
  catchError,
  defer,
  finalize,
  firstValueFrom,
  from,
  last,
  lastValueFrom,
  mergeMap,
  share,
  take,
  takeUntil,
  tap,
} from 'rxjs';
import { certificateSnapshot } from '../../certificates/domain/certificate-snapshot';
import { PresenceCheckers } from '../../dependencies/data/presence-checkers';
import { chooseStrategy } from '../../dependencies/data/choose-strategy';
import { DEFAULT_CONCURRENCY } from '../../dependencies/data/presence-check';
import { CseVersion, buildCatalog, imagesOf, pendingRows, rowsForCatalog, toRecord } from '../../dependencies/domain';
import { RowCheckUpdate, checkRows } from '../../dependencies/data/row-check';
import { RegistryCheckRunner } from '../../registry/data/registry-check-runner';
import { AccessPath, accessBaseUrl, extApiPrefix } from '../../registry/domain/access-path';
import { RegistryCheckRecord, overallVerdict } from '../../registry/domain/registry-check';
import { validateRegistryUrl } from '../../registry/domain/registry-url';
import { RegistrySettings } from '../../shared/cse-config';
import { PublicEndpointFacts, RegistryStatus } from '../../shared/status-store/domain/registry-status';
import { VCD_SESSION } from '../../vcd';
import { OrgSummary } from '../domain/org-row';
import { OrganizationsService } from './organizations.service';

/** Organizations checked at once: with 6 requests each, at most 12 registry requests in flight. */
export const ORG_CHECK_CONCURRENCY = 2;
export const ORG_CHECK_TIMEOUT_SECONDS = 10;

export interface OrgCheckContext {
  /** The system registry (VCDKEConfig), used by organizations without a private one. */
  readonly settings: RegistrySettings;
  readonly release?: CseVersion;
  readonly tkrs: readonly string[];
  readonly publicEndpoint?: PublicEndpointFacts;
  readonly checkedBy?: string;
}

export type OrgCheckPhase = 'queued' | 'registry' | 'dependencies' | 'saving' | 'done' | 'failed' | 'cancelled';

export interface OrgCheckProgress {
  readonly org: OrgSummary;
  readonly phase: OrgCheckPhase;
  readonly images?: { readonly done: number; readonly total: number };
  readonly status?: RegistryStatus;
  readonly error?: unknown;
}

@Injectable()
export class OrgCheckService {
  private readonly runner = inject(RegistryCheckRunner);
  private readonly checkers = inject(PresenceCheckers);
  private readonly organizations = inject(OrganizationsService);
  private readonly session = inject(VCD_SESSION);

  /**
   * Checks each organization (at most ORG_CHECK_CONCURRENCY at once), reporting every change.
   * `cancel` stops the organizations in flight (reported 'cancelled', nothing written for them)
   * and starts no other one.
   */
  checkMany(orgs: readonly OrgSummary[], context: OrgCheckContext, cancel: Observable<unknown>): Observable<OrgCheckProgress> {
    return defer(() => {
      let stopped = false;
      const cancelled = cancel.pipe(
        take(1),
        tap(() => (stopped = true)),
        share({ connector: () => new ReplaySubject(1), resetOnRefCountZero: false }),
      );
      const watch = cancelled.subscribe();
      // mergeMap projects a waiting organization only when a slot frees: by then it may be cancelled.
      return from(orgs).pipe(
        mergeMap((org) => (stopped ? EMPTY : this.check(org, context, cancelled)), ORG_CHECK_CONCURRENCY),
        finalize(() => watch.unsubscribe()),
      );
    });
  }

  check(org: OrgSummary, context: OrgCheckContext, cancel: Observable<unknown>): Observable<OrgCheckProgress> {
    return new Observable<OrgCheckProgress>((subscriber) => {
      const stop$ = new Subject<void>();
      let cancelled = false;
      const watch = cancel.pipe(take(1)).subscribe(() => (cancelled = true));
      const report = (progress: Omit<OrgCheckProgress, 'org'>): void => subscriber.next({ org, ...progress });
      const run = async (): Promise<void> => {
        const current = await firstValueFrom(this.organizations.status(org));
        // The registry the organization uses: its own, or the system registry.
        const base = current?.registryBase ?? context.settings.containerRegistryUrl;
        const validation = validateRegistryUrl(base);
        if (!validation.valid) throw new Error(`invalid registry URL ${base}`);
        const parsed = validation.parsed;
        const access: AccessPath = { kind: 'extApi', prefix: extApiPrefix(parsed.host, parsed.port) };

        report({ phase: 'registry' });
        const progress = await firstValueFrom(
          this.runner
            .run({
              host: parsed.host,
              ...(parsed.port ? { port: parsed.port } : {}),
              ...(parsed.project ? { project: parsed.project } : {}),
              access,
              timeoutSeconds: ORG_CHECK_TIMEOUT_SECONDS,
            })
            .pipe(takeUntil(cancel), takeUntil(stop$), last()),
        );
        const checkedAt = new Date();
        const registryCheck: RegistryCheckRecord = {
          base: parsed.value,
          accessPath: access,
          checkedAt: checkedAt.toISOString(),
          ...(context.checkedBy ? { checkedBy: context.checkedBy } : {}),
          timeoutSeconds: ORG_CHECK_TIMEOUT_SECONDS,
          steps: progress.steps,
          chain: progress.chain,
          verdict: overallVerdict(progress.steps),
          ...(progress.harborVersion ? { harborVersion: progress.harborVersion } : {}),
        };
        const certificates = await certificateSnapshot({
          bootstrapCertificates: context.settings.bootstrapCertificates,
          nodeCertificates: context.settings.nodeCertificates,
          servedChain: progress.chain.map((certificate) => certificate.pem),
          host: parsed.host,
          now: checkedAt,
        });

        const apiReached = progress.steps.some((step) => step.id === 'registryApi' && step.verdict === 'passed');
        const dependencyRecord = apiReached
          ? await this.dependencies(parsed.value, access, progress.harborVersion !== undefined, context, cancel, stop$, (images) =>
              report({ phase: 'dependencies', images }),
            )
          : undefined;
        // A cancelled check is not stored: it would replace a complete earlier result with a partial one.
        if (cancelled) {
          report({ phase: 'cancelled' });
          return;
        }

        report({ phase: 'saving' });
        const status = await firstValueFrom(
          this.organizations.save(org, (stored) => ({
            ...stored,
            checkedBase: parsed.value,
            accessPath: access,
            lastRegistryCheck: registryCheck,
            certificates,
            ...(context.publicEndpoint ? { publicEndpoint: context.publicEndpoint } : {}),
            // A check that could not reach the registry API says nothing new about the images.
            ...(dependencyRecord ? { lastDependencyCheck: { ...dependencyRecord } } : {}),
          })),
        );
        report({ phase: 'done', status });
      };
      report({ phase: 'queued' });
      run().then(
        () => subscriber.complete(),
        (error: unknown) => {
          report(cancelled ? { phase: 'cancelled' } : { phase: 'failed', error });
          subscriber.complete();
        },
      );
      return () => {
        watch.unsubscribe();
        stop$.next();
      };
    });
  }

  private async dependencies(
    base: string,
    access: AccessPath,
    harbor: boolean,
    context: OrgCheckContext,
    cancel: Observable<unknown>,
    stop$: Observable<void>,
    onProgress: (images: { done: number; total: number }) => void,
  ): Promise<ReturnType<typeof toRecord> | undefined> {
    if (!context.release) return undefined;
    const catalogRows = rowsForCatalog(buildCatalog(context.release, [...context.tkrs]), base);
    const images = imagesOf(catalogRows);
    const startedAt = Date.now();
    const checker = this.checkers.forStrategy(chooseStrategy({ harbor, access: access.kind }));
    const before: RowCheckUpdate = { rows: pendingRows(catalogRows, images), done: 0, total: images.length };
    // The last update seen: a check stopped or failed outright keeps what was answered, as partial.
    const { rows, outcome = 'partial' } = await lastValueFrom(
      checkRows(checker, catalogRows, images, {
        access: { baseUrl: accessBaseUrl(access, this.session.apiRootUrl), project: base.split('/')[1] ?? '' },
        concurrency: DEFAULT_CONCURRENCY,
        multiplexedConcurrency: DEFAULT_CONCURRENCY,
        cancel,
      }).pipe(
        takeUntil(stop$),
        tap((update) => onProgress({ done: update.done, total: update.total })),
        catchError(() => EMPTY),
      ),
      { defaultValue: before },
    );
    return toRecord(
      {
        checkedAt: new Date().toISOString(),
        ...(context.checkedBy ? { checkedBy: context.checkedBy } : {}),
        base,
        release: context.release,
        tkrs: [...context.tkrs],
        outcome,
        elapsedMs: Date.now() - startedAt,
      },
      rows,
    );
  }
}
