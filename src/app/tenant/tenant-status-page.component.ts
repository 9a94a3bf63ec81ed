/*
 * Tenant portal → Registry status: what the provider's last check found for this organization's
 * registry (its private one, or the system registry), read from the organization's status entity,
 * which VCD shares read-only with it. Nothing here can change VCD; a re-run of the dependency
 * check (when the provider allows it) reaches the registry through /ext-api and is not stored.
 */
import { ChangeDetectionStrategy, Component, DestroyRef, Input, OnInit, computed, inject, signal } from '@angular/core';
import { ClrAlertModule, ClrProgressBarModule, ClrTimelineLayout, ClrTimelineModule, ClrTimelineStepState } from '@clr/angular';
import { I18nModule } from '../shared/i18n';
import { LocalTimePipe, VcdErrorAlertComponent } from '../shared/ui';
import { Subject, catchError, forkJoin, map, of } from 'rxjs';
import { expiryOf } from '../certificates/domain';
import { DependencyCheckRunner, DependencyCheckUpdate, CheckNoticeComponent, DependencyResultsComponent } from '../dependencies';
import { DependencyCheckRecord, ResultRow, readRecord, rowsOf } from '../dependencies/domain';
import { ReadinessSection, readinessLines } from '../readiness/domain';
import { ReadinessSummaryComponent } from '../readiness';
import { TenantClustersComponent } from '../clusters';
import { validateRegistryUrl, CheckStepResult } from '../registry/domain';
import { TIMELINE_STATE } from '../registry';
import { untilDestroyed } from '../shared/rx';
import { RegistryStatusRepository } from '../shared/status-store';
import { RegistryStatus, STATUS_VIEW_RIGHT, orgStatusName } from '../shared/status-store/domain';
import { SessionRights, VCD_SESSION, VcdError, toVcdError } from '../vcd';

type PageState =
  | { readonly kind: 'loading' }
  /** The session has no View right on the plug-in's type: ask the organization administrator. */
  | { readonly kind: 'noRight' }
  /** Nothing shared with this organization yet: the provider has not checked or assigned it. */
  | { readonly kind: 'notShared' }
  | { readonly kind: 'loaded'; readonly status: RegistryStatus }
  | { readonly kind: 'failed'; readonly error: VcdError };

@Component({
  selector: 'cse-tenant-status-page',
  standalone: true,
  imports: [
    LocalTimePipe,
    ClrAlertModule,
    ClrProgressBarModule,
    ClrTimelineModule,
    I18nModule,
    VcdErrorAlertComponent,
    DependencyResultsComponent,
    ReadinessSummaryComponent,
    CheckNoticeComponent,
    TenantClustersComponent,
  ],
  // The re-run goes through the one dependency-check runner, asked to keep nothing.
  providers: [DependencyCheckRunner],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './tenant-status-page.component.html',
  styles: [
    `
      :host {
        display: block;
        padding: 1.2rem;
      }
      dl.paths dt {
        font-weight: 600;
      }
      code {
        word-break: break-all;
      }
      .muted {
        color: var(--cds-alias-typography-secondary-color, #565656);
      }
    `,
  ],
})
export class TenantStatusPageComponent implements OnInit {
  /** Set when a tenant opened a provider-only address (a bookmark): say so, then show his page. */
  @Input() providerOnlyRoute = false;

  private readonly statusStore = inject(RegistryStatusRepository);
  private readonly rights = inject(SessionRights);
  private readonly runner = inject(DependencyCheckRunner);
  private readonly session = inject(VCD_SESSION);
  private readonly destroyRef = inject(DestroyRef);
  private cancel$ = new Subject<void>();

  readonly organization = this.session.organization;
  readonly state = signal<PageState>({ kind: 'loading' });
  readonly status = computed(() => {
    const state = this.state();
    return state.kind === 'loaded' ? state.status : undefined;
  });
  readonly base = computed(() => {
    const status = this.status();
    return status?.registryBase ?? status?.checkedBase;
  });
  readonly registry = computed(() => {
    const base = this.base();
    const validation = base ? validateRegistryUrl(base) : undefined;
    return validation?.valid ? validation.parsed : undefined;
  });
  readonly derived = computed(() => this.registry()?.derived);
  readonly record = computed((): DependencyCheckRecord | undefined => readRecord(this.status()?.lastDependencyCheck));
  readonly storedRows = computed((): readonly ResultRow[] => {
    const record = this.record();
    return record ? rowsOf(record) : [];
  });
  /** The tenant's own re-run: shown to him only, never written to VCD. */
  readonly rerun = signal<DependencyCheckUpdate | undefined>(undefined);
  readonly rows = computed(() => this.rerun()?.rows ?? this.storedRows());
  readonly lines = computed(() => {
    const status = this.status();
    if (!status) return [];
    return readinessLines({
      registryBase: this.base(),
      publicEndpoint: status.publicEndpoint,
      registryCheck: status.lastRegistryCheck,
      certificates: status.certificates,
      dependencyCheck: this.record(),
      now: new Date(),
    });
  });
  readonly nodeCertificates = computed(() => {
    const now = new Date();
    return (this.status()?.certificates?.nodes ?? []).map((node) => ({ ...node, expiry: expiryOf(node, now).state }));
  });
  readonly canRerun = computed(() => {
    const status = this.status();
    return status?.tenantRecheck === true && status.accessPath?.kind === 'extApi' && this.storedRows().length > 0;
  });

  ngOnInit(): void {
    this.load();
  }

  load(): void {
    this.state.set({ kind: 'loading' });
    const rights = this.rights.names$.pipe(catchError(() => of(undefined)));
    forkJoin([rights, this.statusStore.find(orgStatusName(this.session.orgId)).pipe(catchError((error: unknown) => of(toVcdError(error))))])
      .pipe(
        map(([names, found]): PageState => {
          if (names && !names.has(STATUS_VIEW_RIGHT)) return { kind: 'noRight' };
          if (found && 'kind' in found) return found.kind === 'forbidden' ? { kind: 'noRight' } : { kind: 'failed', error: found };
          // Only this organization's own entity counts, whatever else might be visible.
          if (!found || found.entity.entity.orgId !== this.session.orgId) return { kind: 'notShared' };
          return { kind: 'loaded', status: found.entity.entity };
        }),
        untilDestroyed(this.destroyRef),
      )
      .subscribe((state) => this.state.set(state));
  }

  scrollTo(section: ReadinessSection): void {
    document.getElementById(`cse-tenant-${section}`)?.scrollIntoView({ behavior: 'smooth', block: 'start' });
  }

  /** Checks again every stored image through /ext-api; the results stay on this page only. */
  rerunCheck(): void {
    const status = this.status();
    const registry = this.registry();
    if (!status?.accessPath || !registry || !this.canRerun() || this.isRerunning()) return;
    this.cancel$ = new Subject<void>();
    this.runner
      .run({
        rows: this.storedRows(),
        registry,
        access: status.accessPath,
        harbor: status.lastRegistryCheck?.harborVersion !== undefined,
        context: { tkrs: [] },
        cancel: this.cancel$,
        keep: { kind: 'nothing' },
      })
      .pipe(untilDestroyed(this.destroyRef))
      .subscribe((update) => this.rerun.set(update));
  }

  isRerunning(): boolean {
    const run = this.rerun();
    return run !== undefined && run.ending === undefined;
  }

  cancelRerun(): void {
    this.cancel$.next();
  }

  readonly verticalLayout = ClrTimelineLayout.VERTICAL;

  timelineState(step: CheckStepResult): ClrTimelineStepState {
    return TIMELINE_STATE[step.verdict];
  }
}
