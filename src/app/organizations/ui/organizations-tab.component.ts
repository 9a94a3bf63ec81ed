/*
 * The provider's Organizations tab: every organization in a server-side paged datagrid, its private
 * registry (or the system one), the last check, present/missing counts and certificate state;
 * assign, change or remove a registry, check one or many organizations with overall progress, and
 * set up once what tenant administrators need to read their status page.
 */
import { NgFor } from '@angular/common';
import { ChangeDetectionStrategy, Component, DestroyRef, Input, OnInit, ViewChild, computed, inject, signal } from '@angular/core';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { ClarityModule, ClrDatagridPagination, ClrDatagridStateInterface } from '@clr/angular';
import { I18nModule } from '@vcd/i18n';
import { LocalTimePipe, VcdErrorAlertComponent } from '../../shared/ui';
import { Subject, Subscription, debounceTime, distinctUntilChanged } from 'rxjs';
import { readConfiguredVersions, preselectCseRelease, supportedTkrs } from '../../dependencies/domain';
import { RegistryUrlFeedbackComponent, StorageSetupComponent, ExtApiAccessComponent } from '../../registry';
import { RegistryUrlValidation, validateRegistryUrl, ExternalEndpointPlan, externalEndpointPlan } from '../../registry/domain';
import { CseConfigDocument } from '../../shared/cse-config';
import { untilDestroyed } from '../../shared/rx';
import { RegistryStatusRepository, StatusStorage } from '../../shared/status-store';
import { CloudApiClient, VcdError, isVcdError, toVcdError } from '../../vcd';
import { OrgCheckPhase, OrgCheckProgress, OrgCheckService } from '../data/org-check.service';
import { OrgPageQuery, OrgRowsPage, OrganizationsService, isOrgGone } from '../data/organizations.service';
import { TenantAccessService, TenantAccessState, isTenantAccessReady } from '../data/tenant-access.service';
import { OrgRow, OrgSummary } from '../domain/org-row';
import { PublicEndpointService } from '../../readiness';
import { PublicEndpointFacts } from '../../shared/status-store/domain';

export const ORG_PAGE_SIZES = [25, 50, 100] as const;

/** A message for the user about one organization (translated key + params). */
interface OrgNotice {
  readonly kind: 'success' | 'danger' | 'warning';
  readonly key: string;
  readonly params: Readonly<Record<string, string | number>>;
}

interface BulkRun {
  readonly total: number;
  readonly done: number;
  readonly failed: number;
  readonly current: readonly { readonly org: string; readonly phase: OrgCheckPhase; readonly images?: string }[];
  readonly finished: boolean;
  readonly cancelled: boolean;
}

@Component({
  selector: 'cse-organizations-tab',
  standalone: true,
  imports: [
    LocalTimePipe,
    NgFor,
    ReactiveFormsModule,
    ClarityModule,
    I18nModule,
    VcdErrorAlertComponent,
    RegistryUrlFeedbackComponent,
    StorageSetupComponent,
    ExtApiAccessComponent,
  ],
  providers: [PublicEndpointService],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './organizations-tab.component.html',
  styles: [
    `
      .toolbar {
        display: flex;
        gap: 0.6rem;
        align-items: flex-end;
        flex-wrap: wrap;
      }
      .muted {
        color: var(--cds-alias-typography-secondary-color, #565656);
      }
      .plan li {
        margin-bottom: 0.2rem;
      }
      code {
        word-break: break-all;
      }
    `,
  ],
})
export class OrganizationsTabComponent implements OnInit {
  @Input({ required: true }) document!: CseConfigDocument;
  @ViewChild(ClrDatagridPagination) private pagination?: ClrDatagridPagination;

  private readonly organizations = inject(OrganizationsService);
  private readonly checks = inject(OrgCheckService);
  private readonly tenantAccess = inject(TenantAccessService);
  private readonly statusStore = inject(RegistryStatusRepository);
  private readonly cloudApi = inject(CloudApiClient);
  private readonly publicEndpoint = inject(PublicEndpointService);
  private readonly destroyRef = inject(DestroyRef);

  readonly pageSizes = ORG_PAGE_SIZES;
  readonly search = new FormControl('', { nonNullable: true });
  readonly page = signal<OrgRowsPage>({ total: 0, rows: [] });
  readonly loading = signal(true);
  readonly error = signal<VcdError | undefined>(undefined);
  readonly selected = signal<OrgRow[]>([]);
  readonly notice = signal<OrgNotice | undefined>(undefined);
  readonly storage = signal<StatusStorage | undefined>(undefined);
  readonly access = signal<TenantAccessState | undefined>(undefined);
  readonly accessReady = computed(() => isTenantAccessReady(this.access()));
  readonly accessBusy = signal(false);
  readonly confirmingAccess = signal(false);
  readonly busyOrg = signal<string | undefined>(undefined);
  readonly bulk = signal<BulkRun | undefined>(undefined);
  readonly bulkPercent = computed(() => {
    const run = this.bulk();
    return run && run.total > 0 ? Math.round((run.done * 100) / run.total) : 0;
  });

  // The assign dialog.
  readonly assigning = signal<OrgRow | undefined>(undefined);
  readonly assignUrl = new FormControl('', { nonNullable: true });
  readonly assignValidation = signal<RegistryUrlValidation | undefined>(undefined);
  readonly assignBusy = signal(false);
  /** How VCD reaches the typed registry's host (settled 400 ms after typing stops). */
  readonly assignPlan = signal<ExternalEndpointPlan | undefined>(undefined);
  readonly removing = signal<OrgRow | undefined>(undefined);

  private lastState: ClrDatagridStateInterface<OrgRow> = { page: { current: 1, size: ORG_PAGE_SIZES[0] } };
  private loadSubscription?: Subscription;
  private queryKey?: string;
  private cancel$ = new Subject<void>();
  private userName?: string;
  private endpointFacts?: PublicEndpointFacts;

  ngOnInit(): void {
    this.search.valueChanges
      .pipe(debounceTime(300), distinctUntilChanged(), untilDestroyed(this.destroyRef))
      .subscribe(() => this.searchChanged());
    this.assignUrl.valueChanges
      .pipe(untilDestroyed(this.destroyRef))
      .subscribe((value) => this.assignValidation.set(value.trim() === '' ? undefined : validateRegistryUrl(value)));
    this.assignUrl.valueChanges.pipe(debounceTime(400), untilDestroyed(this.destroyRef)).subscribe(() => this.updateAssignPlan());
    this.cloudApi
      .currentSession()
      .pipe(untilDestroyed(this.destroyRef))
      .subscribe({ next: (session) => (this.userName = session.user.name), error: () => undefined });
    // Stored with each organization's check: a tenant cannot read VCD's public addresses himself.
    this.publicEndpoint
      .read()
      .pipe(untilDestroyed(this.destroyRef))
      .subscribe((facts) => (this.endpointFacts = facts));
    this.readStorage();
  }

  readStorage(): void {
    this.statusStore
      .storage()
      .pipe(untilDestroyed(this.destroyRef))
      .subscribe({
        next: (storage) => {
          this.storage.set(storage);
          if (storage === 'ready') this.readAccess();
        },
        error: (error: unknown) => this.error.set(toVcdError(error)),
      });
  }

  onStorageReady(): void {
    this.storage.set('ready');
    this.readAccess();
    this.reload();
  }

  private readAccess(): void {
    this.tenantAccess
      .state()
      .pipe(untilDestroyed(this.destroyRef))
      .subscribe({ next: (state) => this.access.set(state), error: (error: unknown) => this.error.set(toVcdError(error)) });
  }

  applyAccess(): void {
    const state = this.access();
    if (!state) return;
    this.accessBusy.set(true);
    this.tenantAccess
      .apply(state)
      .pipe(untilDestroyed(this.destroyRef))
      .subscribe({
        next: (next) => {
          this.accessBusy.set(false);
          this.confirmingAccess.set(false);
          this.access.set(next);
        },
        error: (error: unknown) => {
          this.accessBusy.set(false);
          this.confirmingAccess.set(false);
          this.error.set(toVcdError(error));
        },
      });
  }

  /** The datagrid asks for a page (first display, paging, sorting). */
  refresh(state: ClrDatagridStateInterface<OrgRow>, force = false): void {
    this.lastState = state;
    const size = state.page?.size ?? ORG_PAGE_SIZES[0];
    const current = state.page?.current ?? 1;
    const sortBy =
      typeof state.sort?.by === 'string' && (state.sort.by === 'displayName' || state.sort.by === 'name') ? state.sort.by : 'name';
    const query: OrgPageQuery = {
      page: current,
      pageSize: size,
      search: this.search.value,
      sort: { by: sortBy, reverse: state.sort?.reverse === true },
    };
    // The grid may ask again for the page just asked for (e.g. its pager following a search).
    const key = JSON.stringify(query);
    if (!force && key === this.queryKey) return;
    this.queryKey = key;
    this.loading.set(true);
    this.loadSubscription?.unsubscribe();
    this.loadSubscription = this.organizations
      .rows(query)
      .pipe(untilDestroyed(this.destroyRef))
      .subscribe({
        next: (page) => {
          this.page.set(page);
          this.loading.set(false);
          this.error.set(undefined);
        },
        error: (error: unknown) => {
          this.loading.set(false);
          this.queryKey = undefined;
          this.error.set(toVcdError(error));
        },
      });
  }

  /** A new search starts on page 1, asked for at once; the pager follows (its own ask is the same query). */
  private searchChanged(): void {
    this.refresh({ ...this.lastState, page: { ...this.lastState.page, current: 1 } });
    if (this.pagination && this.pagination.currentPage !== 1) this.pagination.currentPage = 1;
  }

  reload(): void {
    this.refresh(this.lastState, true);
  }

  rowId(_: number, row: OrgRow): string {
    return row.org.id;
  }

  // ---- assign / change / remove ----

  openAssign(row: OrgRow): void {
    this.notice.set(undefined);
    this.assigning.set(row);
    this.assignUrl.setValue(row.assignedBase ?? '');
    this.updateAssignPlan();
  }

  closeAssign(): void {
    this.assigning.set(undefined);
  }

  private updateAssignPlan(): void {
    const validation = this.assignValidation();
    const next = validation?.valid ? externalEndpointPlan(validation.parsed.host, validation.parsed.port) : undefined;
    // Same host, same plan: keep the object so that its state is not read again.
    if (next?.prefix !== this.assignPlan()?.prefix) this.assignPlan.set(next);
  }

  applyAssignFix(value: string): void {
    this.assignUrl.setValue(value);
  }

  canAssign(): boolean {
    const validation = this.assignValidation();
    return validation?.valid === true && !this.assignBusy();
  }

  assign(): void {
    const row = this.assigning();
    const validation = this.assignValidation();
    if (!row || !validation?.valid) return;
    this.assignBusy.set(true);
    this.organizations
      .assign(row.org, validation.parsed.value, this.userName)
      .pipe(untilDestroyed(this.destroyRef))
      .subscribe({
        next: () => {
          this.assignBusy.set(false);
          this.assigning.set(undefined);
          this.notice.set({ kind: 'success', key: 'orgs.assigned', params: { org: row.org.name, base: validation.parsed.value } });
          this.reload();
        },
        error: (error: unknown) => {
          this.assignBusy.set(false);
          this.assigning.set(undefined);
          this.showFailure(row.org, error);
        },
      });
  }

  confirmRemove(row: OrgRow): void {
    this.notice.set(undefined);
    this.removing.set(row);
  }

  remove(): void {
    const row = this.removing();
    if (!row) return;
    this.busyOrg.set(row.org.id);
    this.organizations
      .unassign(row.org)
      .pipe(untilDestroyed(this.destroyRef))
      .subscribe({
        next: () => {
          this.busyOrg.set(undefined);
          this.removing.set(undefined);
          this.notice.set({ kind: 'success', key: 'orgs.removed', params: { org: row.org.name } });
          this.reload();
        },
        error: (error: unknown) => {
          this.busyOrg.set(undefined);
          this.removing.set(undefined);
          this.showFailure(row.org, error);
        },
      });
  }

  toggleTenantRecheck(row: OrgRow): void {
    this.busyOrg.set(row.org.id);
    this.organizations
      .setTenantRecheck(row.org, !row.tenantRecheck)
      .pipe(untilDestroyed(this.destroyRef))
      .subscribe({
        next: () => {
          this.busyOrg.set(undefined);
          this.notice.set({
            kind: 'success',
            key: row.tenantRecheck ? 'orgs.recheckDisabled' : 'orgs.recheckEnabled',
            params: { org: row.org.name },
          });
          this.reload();
        },
        error: (error: unknown) => {
          this.busyOrg.set(undefined);
          this.showFailure(row.org, error);
        },
      });
  }

  // ---- checks ----

  checkOne(row: OrgRow): void {
    this.runChecks([row.org]);
  }

  checkSelected(): void {
    this.runChecks(this.selected().map((row) => row.org));
  }

  cancelChecks(): void {
    this.cancel$.next();
    const run = this.bulk();
    if (run) this.bulk.set({ ...run, cancelled: true });
  }

  private runChecks(orgs: readonly OrgSummary[]): void {
    if (orgs.length === 0 || (this.bulk() && !this.bulk()?.finished)) return;
    this.notice.set(undefined);
    this.cancel$ = new Subject<void>();
    const current = new Map<string, { org: string; phase: OrgCheckPhase; images?: string }>();
    let done = 0;
    let failed = 0;
    this.bulk.set({ total: orgs.length, done: 0, failed: 0, current: [], finished: false, cancelled: false });
    const release = preselectCseRelease(readConfiguredVersions(this.document.entity)).release;
    const context = {
      settings: this.document.settings,
      ...(release ? { release } : {}),
      tkrs: release ? supportedTkrs(release).map((tkr) => tkr.tkr) : [],
      ...(this.userName ? { checkedBy: this.userName } : {}),
      ...(this.endpointFacts ? { publicEndpoint: this.endpointFacts } : {}),
    };
    this.checks
      .checkMany(orgs, context, this.cancel$)
      .pipe(untilDestroyed(this.destroyRef))
      .subscribe({
        next: (progress: OrgCheckProgress) => {
          if (progress.phase === 'cancelled') {
            current.delete(progress.org.id);
          } else if (progress.phase === 'done' || progress.phase === 'failed') {
            current.delete(progress.org.id);
            done += 1;
            if (progress.phase === 'failed') {
              failed += 1;
              this.showFailure(progress.org, progress.error);
            }
          } else if (progress.phase !== 'queued') {
            current.set(progress.org.id, {
              org: progress.org.name,
              phase: progress.phase,
              ...(progress.images ? { images: `${progress.images.done}/${progress.images.total}` } : {}),
            });
          }
          const run = this.bulk();
          this.bulk.set({
            total: orgs.length,
            done,
            failed,
            current: [...current.values()],
            finished: false,
            cancelled: run?.cancelled ?? false,
          });
        },
        complete: () => {
          const run = this.bulk();
          this.bulk.set({ total: orgs.length, done, failed, current: [], finished: true, cancelled: run?.cancelled ?? false });
          this.reload();
        },
      });
  }

  isChecking(): boolean {
    const run = this.bulk();
    return run !== undefined && !run.finished;
  }

  private showFailure(org: OrgSummary, error: unknown): void {
    if (isOrgGone(error)) {
      this.notice.set({ kind: 'danger', key: 'orgs.orgGone', params: { org: org.name } });
      this.reload();
      return;
    }
    const vcd = isVcdError(error) ? error : error instanceof Error ? undefined : toVcdError(error);
    if (vcd?.kind === 'conflict') {
      this.notice.set({ kind: 'warning', key: 'orgs.conflict', params: { org: org.name } });
      this.reload();
      return;
    }
    if (vcd?.kind === 'forbidden') {
      this.notice.set({ kind: 'danger', key: 'orgs.forbidden', params: { org: org.name } });
      return;
    }
    this.notice.set({
      kind: 'danger',
      key: 'orgs.failed',
      params: { org: org.name, detail: vcd?.detail ?? (error instanceof Error ? error.message : String(vcd?.status ?? '')) },
    });
  }
}
