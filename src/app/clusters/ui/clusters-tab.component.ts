/*
 * The provider's Clusters tab: clusters of every organization that CSE marks failed (or not
 * ready, or all), paged by VCD, each with its first airgap finding; a detail pane with every
 * finding, read again from VCD when it opens, and "check now" against the configuration in force.
 */
import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  EventEmitter,
  Input,
  OnInit,
  Output,
  ViewChild,
  inject,
  signal,
} from '@angular/core';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { ClarityModule, ClrDatagridPagination, ClrDatagridStateInterface } from '@clr/angular';
import { I18nModule } from '../../shared/i18n';
import { Subject, Subscription, debounceTime, distinctUntilChanged } from 'rxjs';
import { CseConfigDocument } from '../../shared/cse-config';
import { untilDestroyed } from '../../shared/rx';
import { LocalTimePipe, PageReader, VcdErrorAlertComponent } from '../../shared/ui';
import { VCD_SESSION } from '../../vcd';
import { ClusterChecks, FindingCheckState } from '../data/cluster-checks.service';
import {
  ClusterPageQuery,
  ClusterRow,
  ClusterRowsPage,
  ClustersError,
  ClustersRepository,
  asClustersError,
  isClustersError,
} from '../data/clusters.repository';
import { CLUSTER_LIST_MODES, ClassifyContext, ClusterListMode, Finding, FindingFix, hostOf } from '../domain';
import { ClusterFindingsComponent } from './cluster-findings.component';
import { clustersErrorKey, findingKey, reasonParams, stateKey } from './cluster-messages';

export const CLUSTER_PAGE_SIZES = [25, 50, 100] as const;

type Detail =
  | { readonly kind: 'loading' }
  | { readonly kind: 'loaded'; readonly row: ClusterRow }
  | { readonly kind: 'failed'; readonly error: ClustersError };

@Component({
  selector: 'cse-clusters-tab',
  standalone: true,
  imports: [ReactiveFormsModule, ClarityModule, I18nModule, LocalTimePipe, VcdErrorAlertComponent, ClusterFindingsComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './clusters-tab.component.html',
  styles: [
    `
      .toolbar {
        display: flex;
        gap: 1.2rem;
        align-items: flex-end;
        flex-wrap: wrap;
      }
      .muted {
        color: var(--cds-alias-typography-secondary-color, #565656);
      }
      code {
        word-break: break-all;
      }
    `,
  ],
})
export class ClustersTabComponent implements OnInit {
  @Input({ required: true }) document!: CseConfigDocument;
  /** A finding's fix lives in another section (the Airgap tab's dependencies, CA lists, registry check, readiness). */
  @Output() readonly navigate = new EventEmitter<FindingFix>();
  @ViewChild(ClrDatagridPagination) private pagination?: ClrDatagridPagination;

  private readonly repository = inject(ClustersRepository);
  private readonly checks = inject(ClusterChecks);
  private readonly session = inject(VCD_SESSION);
  private readonly destroyRef = inject(DestroyRef);

  readonly modes = CLUSTER_LIST_MODES;
  readonly pageSizes = CLUSTER_PAGE_SIZES;
  readonly mode = new FormControl<ClusterListMode>('failed', { nonNullable: true });
  readonly search = new FormControl('', { nonNullable: true });
  private readonly reader = new PageReader<ClusterRowsPage, ClustersError>(
    { total: 0, rows: [] },
    asClustersError,
    inject(DestroyRef),
    true,
  );
  readonly page = this.reader.page;
  readonly loading = this.reader.loading;
  readonly error = this.reader.error;
  readonly open = signal<ClusterRow | null>(null);
  readonly detail = signal<Detail | undefined>(undefined);
  readonly checkStates = signal<ReadonlyMap<string, FindingCheckState>>(new Map());
  readonly errorKey = clustersErrorKey;
  readonly params = reasonParams;
  readonly stateKey = stateKey;

  private lastState: ClrDatagridStateInterface<ClusterRow> = { page: { current: 1, size: CLUSTER_PAGE_SIZES[0] } };
  private queryKey?: string;
  private detailSubscription?: Subscription;
  private readonly cancel$ = new Subject<void>();

  ngOnInit(): void {
    this.search.valueChanges
      .pipe(debounceTime(300), distinctUntilChanged(), untilDestroyed(this.destroyRef))
      .subscribe(() => this.restart());
    this.mode.valueChanges.pipe(untilDestroyed(this.destroyRef)).subscribe(() => this.restart());
    this.destroyRef.onDestroy(() => this.cancel$.next());
  }

  private context(): ClassifyContext {
    let vcdHost: string | undefined;
    try {
      vcdHost = hostOf(new URL(this.session.apiRootUrl).host);
    } catch {
      vcdHost = undefined;
    }
    return { currentBase: this.document.settings.containerRegistryUrl, ...(vcdHost ? { vcdHost } : {}) };
  }

  /** The datagrid asks for a page: first display, paging, sorting. */
  refresh(state: ClrDatagridStateInterface<ClusterRow>, force = false): void {
    this.lastState = state;
    const by = state.sort?.by === 'org.name' ? 'org.name' : 'name';
    const query: ClusterPageQuery = {
      page: state.page?.current ?? 1,
      pageSize: state.page?.size ?? CLUSTER_PAGE_SIZES[0],
      mode: this.mode.value,
      search: this.search.value,
      sort: { by, reverse: state.sort?.reverse === true },
    };
    const key = JSON.stringify(query);
    if (!force && key === this.queryKey) return;
    this.queryKey = key;
    this.reader.read(this.repository.page(query, this.context()), () => (this.queryKey = undefined));
  }

  /** A new mode or search starts on page 1, asked for at once. */
  private restart(): void {
    this.refresh({ ...this.lastState, page: { ...this.lastState.page, current: 1 } });
    if (this.pagination && this.pagination.currentPage !== 1) this.pagination.currentPage = 1;
  }

  reload(): void {
    this.refresh(this.lastState, true);
  }

  /** The detail pane opens: the cluster is read again, so a deletion meanwhile shows as such. */
  openDetail(row: ClusterRow | null): void {
    this.open.set(row);
    this.detailSubscription?.unsubscribe();
    if (!row) {
      this.detail.set(undefined);
      return;
    }
    this.detail.set({ kind: 'loading' });
    this.detailSubscription = this.repository
      .get(row.record.id, this.context())
      .pipe(untilDestroyed(this.destroyRef))
      .subscribe({
        next: (fresh) => this.detail.set({ kind: 'loaded', row: fresh }),
        error: (error: unknown) => this.detail.set({ kind: 'failed', error: isClustersError(error) ? error : { kind: 'gone' } }),
      });
  }

  checkNow(row: ClusterRow, finding: Finding): void {
    const key = findingKey(row.record.id, finding);
    this.checks
      .checkFinding(finding, this.document.settings, this.cancel$)
      .pipe(untilDestroyed(this.destroyRef))
      .subscribe((state) => this.checkStates.update((states) => new Map(states).set(key, state)));
  }

  rowId(_: number, row: ClusterRow): string {
    return row.record.id;
  }

  firstFinding(row: ClusterRow): Finding | undefined {
    return row.findings[0];
  }

  firstTime(row: ClusterRow): string | undefined {
    return row.findings[0]?.entry.occurredAt;
  }
}
