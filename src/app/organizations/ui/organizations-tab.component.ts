/*
 * The provider's Organizations tab: every organization in a server-side paged datagrid, its private
 * registry (or the system one), the last check, present/missing counts and certificate state;
 * assign, change or remove a registry, check one or many organizations with overall progress, and
 * set up once what tenant administrators need to read their status page.
 */
import { NgFor } from '@angular/common';
import { ChangeDetectionStrategy, Component, DestroyRef, Input, OnInit, ViewChild, inject, signal } from '@angular/core';
import { ReactiveFormsModule } from '@angular/forms';
import { ClarityModule, ClrDatagridPagination } from '@clr/angular';
import { I18nModule } from '../../shared/i18n';
import { Observable, debounceTime, distinctUntilChanged, finalize } from 'rxjs';
import { PublicEndpointService } from '../../readiness';
import { StorageSetupComponent } from '../../registry';
import { CseConfigDocument } from '../../shared/cse-config';
import { untilDestroyed } from '../../shared/rx';
import { RegistryStatusRepository, StatusStorage } from '../../shared/status-store';
import { LocalTimePipe, VcdErrorAlertComponent } from '../../shared/ui';
import { CloudApiClient, toVcdError } from '../../vcd';
import { toOrgError } from '../data/org-error';
import { OrganizationsService } from '../data/organizations.service';
import { ORG_PAGE_SIZES } from '../domain/org-grid-query';
import { OrgNotice, assignedNotice, failureNotice, recheckNotice, removedNotice } from '../domain/org-notice';
import { OrgRow, OrgSummary } from '../domain/org-row';
import { AssignDialogComponent } from './assign-dialog.component';
import { BulkProgressComponent } from './bulk-progress.component';
import { OrgCheckRun } from './org-check-run';
import { OrgGridPages } from './org-grid-pages';
import { TenantAccessPanelComponent } from './tenant-access-panel.component';

const CHILDREN = [AssignDialogComponent, BulkProgressComponent, TenantAccessPanelComponent, StorageSetupComponent, VcdErrorAlertComponent];

@Component({
  selector: 'cse-organizations-tab',
  standalone: true,
  imports: [LocalTimePipe, NgFor, ReactiveFormsModule, ClarityModule, I18nModule, CHILDREN],
  providers: [PublicEndpointService, OrgCheckRun, OrgGridPages],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './organizations-tab.component.html',
  styleUrl: './organizations-tab.component.css',
})
export class OrganizationsTabComponent implements OnInit {
  @Input({ required: true }) document!: CseConfigDocument;
  @ViewChild(ClrDatagridPagination) private pagination?: ClrDatagridPagination;

  private readonly organizations = inject(OrganizationsService);
  private readonly statusStore = inject(RegistryStatusRepository);
  private readonly cloudApi = inject(CloudApiClient);
  private readonly destroyRef = inject(DestroyRef);
  readonly checks = inject(OrgCheckRun);
  readonly grid = inject(OrgGridPages);

  readonly pageSizes = ORG_PAGE_SIZES;
  readonly error = this.grid.error;
  readonly selected = signal<OrgRow[]>([]);
  readonly notice = signal<OrgNotice | undefined>(undefined);
  readonly storage = signal<StatusStorage | undefined>(undefined);
  readonly busyOrg = signal<string | undefined>(undefined);
  readonly assigning = signal<OrgRow | undefined>(undefined);
  readonly removing = signal<OrgRow | undefined>(undefined);
  readonly userName = signal<string | undefined>(undefined);

  ngOnInit(): void {
    this.grid.search.valueChanges.pipe(debounceTime(300), distinctUntilChanged(), untilDestroyed(this.destroyRef)).subscribe(() => {
      // The search is asked for at once; the pager follows (its own ask is the same query).
      this.grid.readFirstPage();
      if (this.pagination && this.pagination.currentPage !== 1) this.pagination.currentPage = 1;
    });
    this.cloudApi
      .currentSession()
      .pipe(untilDestroyed(this.destroyRef))
      .subscribe({ next: (session) => this.userName.set(session.user.name), error: () => undefined });
    this.statusStore
      .storage()
      .pipe(untilDestroyed(this.destroyRef))
      .subscribe({ next: (storage) => this.storage.set(storage), error: (error: unknown) => this.error.set(toVcdError(error)) });
  }

  onStorageReady(): void {
    this.storage.set('ready');
    this.grid.reload();
  }

  rowId(_: number, row: OrgRow): string {
    return row.org.id;
  }

  /** Opens a dialog (assign or remove) about one organization; the last notice is outdated. */
  open(dialog: typeof this.assigning, row: OrgRow): void {
    this.notice.set(undefined);
    dialog.set(row);
  }

  onAssigned(row: OrgRow, base: string): void {
    this.assigning.set(undefined);
    this.notice.set(assignedNotice(row.org.name, base));
    this.grid.reload();
  }

  onAssignFailed(row: OrgRow, error: unknown): void {
    this.assigning.set(undefined);
    this.showFailure(row.org, error);
  }

  remove(): void {
    const row = this.removing();
    if (!row) return;
    const removal = this.organizations.unassign(row.org).pipe(finalize(() => this.removing.set(undefined)));
    this.change(row, removal, removedNotice(row.org.name));
  }

  toggleTenantRecheck(row: OrgRow): void {
    this.change(row, this.organizations.setTenantRecheck(row.org, !row.tenantRecheck), recheckNotice(row.org.name, !row.tenantRecheck));
  }

  /** One change to one organization: its actions wait meanwhile; the grid is read again after. */
  private change(row: OrgRow, change: Observable<unknown>, success: OrgNotice): void {
    this.busyOrg.set(row.org.id);
    change.pipe(untilDestroyed(this.destroyRef)).subscribe({
      next: () => {
        this.busyOrg.set(undefined);
        this.notice.set(success);
        this.grid.reload();
      },
      error: (error: unknown) => {
        this.busyOrg.set(undefined);
        this.showFailure(row.org, error);
      },
    });
  }

  check(rows: readonly OrgRow[]): void {
    if (rows.length === 0 || this.checks.isRunning()) return;
    this.notice.set(undefined);
    const orgs = rows.map((row) => row.org);
    this.checks.start(orgs, this.document, this.userName(), {
      failed: (org, error) => this.showFailure(org, error),
      finished: () => this.grid.reload(),
    });
  }

  private showFailure(org: OrgSummary, error: unknown): void {
    const { notice, reloads } = failureNotice(org.name, toOrgError(error));
    this.notice.set(notice);
    if (reloads) this.grid.reload();
  }
}
