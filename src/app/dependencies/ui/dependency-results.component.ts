/*
 * Airgap tab → Dependencies → results: counts per status, present vs not present per component
 * group, and a client-side datagrid with status, group and text filters and sortable columns. A
 * present row shows its digest, or offers to look it up (the check itself does not fetch digests).
 */
import { ChangeDetectionStrategy, Component, EventEmitter, Input, Output, computed, signal } from '@angular/core';
import { ClrDatagridModule } from '@clr/angular';
import { I18nModule } from '../../shared/i18n';
import {
  COMPONENT_GROUPS,
  ComponentGroup,
  ROW_STATUSES,
  ResultRow,
  RowStatus,
  StatusFilter,
  countByStatus,
  filterRows,
  groupBars,
} from '../domain';

@Component({
  selector: 'cse-dependency-results',
  standalone: true,
  imports: [ClrDatagridModule, I18nModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './dependency-results.component.html',
  styleUrl: './dependencies-section.component.css',
})
export class DependencyResultsComponent {
  private readonly rowsSignal = signal<readonly ResultRow[]>([]);

  @Input({ required: true }) set rows(value: readonly ResultRow[]) {
    this.rowsSignal.set(value);
  }

  /** The rows are what a check would ask for, not checked yet (the status reads so). */
  @Input() isPreview = false;
  /** Whether a present row without its digest offers to look it up (the parent answers `digestRequested`). */
  @Input() offersDigests = false;
  /** The id of a present row whose digest the user asked for. */
  @Output() readonly digestRequested = new EventEmitter<string>();

  readonly statuses = ROW_STATUSES;
  readonly groups = COMPONENT_GROUPS;
  readonly statusFilter = signal<StatusFilter>('all');
  readonly groupFilter = signal<'all' | ComponentGroup>('all');
  readonly search = signal('');

  readonly counts = computed(() => countByStatus(this.rowsSignal()));
  readonly shownStatuses = computed(() =>
    ROW_STATUSES.filter((status) => this.counts()[status] > 0 || status === 'present' || status === 'missing'),
  );
  readonly bars = computed(() => groupBars(this.rowsSignal()));
  readonly visibleRows = computed(() =>
    filterRows(this.rowsSignal(), { status: this.statusFilter(), group: this.groupFilter(), text: this.search() }),
  );

  /** The translation key of a status as this table shows it. */
  statusKey(status: RowStatus): string {
    return this.isPreview && status === 'pending' ? 'dependencies.view.notChecked' : `dependencies.status.${status}`;
  }

  showGaps(): void {
    this.statusFilter.set('gaps');
  }

  onStatusFilter(value: string): void {
    this.statusFilter.set(value === 'all' || value === 'gaps' || this.isStatus(value) ? value : 'all');
  }

  onGroupFilter(value: string): void {
    this.groupFilter.set((COMPONENT_GROUPS as readonly string[]).includes(value) ? (value as ComponentGroup) : 'all');
  }

  trackRow(_index: number, row: ResultRow): string {
    return row.id;
  }

  private isStatus(value: string): value is (typeof ROW_STATUSES)[number] {
    return (ROW_STATUSES as readonly string[]).includes(value);
  }
}
