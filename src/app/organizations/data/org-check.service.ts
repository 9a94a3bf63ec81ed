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
import { certificateSnapshot } from '../../certificates/domain';
import { DependencyCheckRunner, DependencyCheckUpdate, DEFAULT_CONCURRENCY } from '../../dependencies';
import { CseVersion, DependencyCheckRecord, buildCatalog, rowsForCatalog } from '../../dependencies/domain';
import { RegistryCheckRunner, ExternalEndpointService } from '../../registry';
import {
  AccessPath,
  externalEndpointPlan,
  RegistryCheckRecord,
  overallVerdict,
  ParsedRegistryUrl,
  validateRegistryUrl,
} from '../../registry/domain';
import { RegistrySettings } from '../../shared/cse-config';
import { PublicEndpointFacts, RegistryStatus } from '../../shared/status-store/domain';
import { OrgCheckProgress } from '../domain/org-check-progress';
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

@Injectable()
export class OrgCheckService {
  private readonly runner = inject(RegistryCheckRunner);
  private readonly dependencyChecks = inject(DependencyCheckRunner);
  private readonly organizations = inject(OrganizationsService);
  private readonly endpoints = inject(ExternalEndpointService);

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
      // Unsubscribed (the tab was left): nothing more is read, checked or written.
      let stopped = false;
      const watch = cancel.pipe(take(1)).subscribe(() => (cancelled = true));
      const report = (progress: Omit<OrgCheckProgress, 'org'>): void => subscriber.next({ org, ...progress });
      const untilStopped = <T>(source: Observable<T>): Observable<T> => source.pipe(takeUntil(cancel), takeUntil(stop$));
      const run = async (): Promise<void> => {
        const current = await firstValueFrom(untilStopped(this.organizations.status(org)));
        // The registry the organization uses: its own, or the system registry.
        const base = current?.registryBase ?? context.settings.containerRegistryUrl;
        const validation = validateRegistryUrl(base);
        if (!validation.valid) throw new Error(`invalid registry URL ${base}`);
        const parsed = validation.parsed;
        // Ours, or 0.1.0's broad filter while it is not migrated (it keeps working until then).
        const access: AccessPath = await firstValueFrom(this.endpoints.accessPathFor(externalEndpointPlan(parsed.host, parsed.port)));

        report({ phase: 'registry' });
        const progress = await firstValueFrom(
          untilStopped(
            this.runner.run({
              host: parsed.host,
              ...(parsed.port ? { port: parsed.port } : {}),
              ...(parsed.project ? { project: parsed.project } : {}),
              access,
              timeoutSeconds: ORG_CHECK_TIMEOUT_SECONDS,
            }),
          ).pipe(last()),
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
        let saved: RegistryStatus | undefined;
        // One write: the registry check, and the image check when it is whole.
        const save = (dependencyRecord?: DependencyCheckRecord): Observable<RegistryStatus> => {
          report({ phase: 'saving' });
          return this.organizations
            .save(org, (stored) => ({
              ...stored,
              checkedBase: parsed.value,
              accessPath: access,
              lastRegistryCheck: registryCheck,
              certificates,
              ...(context.publicEndpoint ? { publicEndpoint: context.publicEndpoint } : {}),
              ...(dependencyRecord ? { lastDependencyCheck: { ...dependencyRecord } } : {}),
            }))
            .pipe(tap((status) => (saved = status)));
        };

        // A check that could not reach the registry API says nothing new about the images.
        const apiReached = progress.steps.some((step) => step.id === 'registryApi' && step.verdict === 'passed');
        const images =
          apiReached && context.release
            ? await this.dependencies(
                parsed,
                access,
                progress.harborVersion !== undefined,
                context.release,
                context,
                cancel,
                stop$,
                save,
                (counts) => report({ phase: 'dependencies', images: counts }),
              )
            : undefined;
        if (stopped) return;
        // A cancelled check is not stored: it would replace a complete earlier result with a partial one.
        if (cancelled && !saved) {
          report({ phase: 'cancelled' });
          return;
        }
        if (images?.keeping === 'keepFailed') throw images.keepError;
        const status = saved ?? (await firstValueFrom(save()));
        report({ phase: 'done', status, ...(images && images.keeping !== 'kept' ? { imagesNotKept: true } : {}) });
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
        stopped = true;
        watch.unsubscribe();
        stop$.next();
      };
    });
  }

  /** The image check through the one dependency-check runner, which stores it (with `save`) only when whole. */
  private dependencies(
    registry: ParsedRegistryUrl,
    access: AccessPath,
    harbor: boolean,
    release: CseVersion,
    context: OrgCheckContext,
    cancel: Observable<unknown>,
    stop$: Observable<void>,
    save: (record: DependencyCheckRecord) => Observable<RegistryStatus>,
    onProgress: (images: { done: number; total: number }) => void,
  ): Promise<DependencyCheckUpdate> {
    return lastValueFrom(
      this.dependencyChecks
        .run({
          rows: rowsForCatalog(buildCatalog(release, [...context.tkrs]), registry.value),
          registry,
          access,
          harbor,
          context: { release, tkrs: context.tkrs, ...(context.checkedBy ? { checkedBy: context.checkedBy } : {}) },
          cancel,
          keep: { kind: 'store', store: save },
          concurrency: DEFAULT_CONCURRENCY,
        })
        .pipe(
          takeUntil(stop$),
          tap((update) => {
            if (!update.ending) onProgress({ done: update.done, total: update.total });
          }),
        ),
    );
  }
}
