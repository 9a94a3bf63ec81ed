/*
 * Tenant portal → Registry status → Clusters: his organization's clusters that CSE marks failed
 * (or not ready, or all), with their findings, read-only. VCD answers a tenant with his
 * organization's clusters only; the plug-in asks for nothing more. Loaded on request, so the
 * status page costs no extra call to those who do not look.
 */
import { ChangeDetectionStrategy, Component, DestroyRef, inject, signal } from '@angular/core';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { ClarityModule, ClrDatagridStateInterface } from '@clr/angular';
import { I18nModule } from '../../shared/i18n';
import { untilDestroyed } from '../../shared/rx';
import { LocalTimePipe, PageReader, VcdErrorAlertComponent } from '../../shared/ui';
import { ClusterRow, ClusterRowsPage, ClustersError, ClustersRepository, asClustersError } from '../data/clusters.repository';
import { CLUSTER_LIST_MODES, ClusterListMode, Finding, FindingFix } from '../domain';
import { ClusterFindingsComponent } from './cluster-findings.component';
import { clustersErrorKey, reasonParams, stateKey } from './cluster-messages';

const PAGE_SIZE = 10;
/** Where each fix is on the tenant's own page. */
const TENANT_SECTIONS: Partial<Record<FindingFix, string>> = {
  dependencies: 'cse-tenant-dependencies',
  certificates: 'cse-tenant-certificates',
  registryCheck: 'cse-tenant-registryCheck',
};

@Component({
  selector: 'cse-tenant-clusters',
  standalone: true,
  imports: [ReactiveFormsModule, ClarityModule, I18nModule, LocalTimePipe, VcdErrorAlertComponent, ClusterFindingsComponent],
  providers: [ClustersRepository],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './tenant-clusters.component.html',
  styles: [
    `
      :host {
        display: block;
        margin-top: 1.2rem;
      }
      .muted {
        color: var(--cds-alias-typography-secondary-color, #565656);
      }
    `,
  ],
})
export class TenantClustersComponent {
  private readonly repository = inject(ClustersRepository);
  private readonly destroyRef = inject(DestroyRef);

  readonly modes = CLUSTER_LIST_MODES;
  readonly pageSize = PAGE_SIZE;
  readonly fixes = Object.keys(TENANT_SECTIONS) as FindingFix[];
  readonly mode = new FormControl<ClusterListMode>('failed', { nonNullable: true });
  readonly shown = signal(false);
  private readonly reader = new PageReader<ClusterRowsPage, ClustersError>({ total: 0, rows: [] }, asClustersError, inject(DestroyRef));
  readonly page = this.reader.page;
  readonly loading = this.reader.loading;
  readonly error = this.reader.error;
  readonly open = signal<ClusterRow | null>(null);
  readonly errorKey = clustersErrorKey;
  readonly params = reasonParams;
  readonly stateKey = stateKey;
  private current = 1;

  show(): void {
    this.shown.set(true);
    this.mode.valueChanges.pipe(untilDestroyed(this.destroyRef)).subscribe(() => this.load(1));
  }

  refresh(state: ClrDatagridStateInterface<ClusterRow>): void {
    this.load(state.page?.current ?? 1);
  }

  load(page = this.current): void {
    this.current = page;
    this.reader.read(this.repository.page({ page, pageSize: PAGE_SIZE, mode: this.mode.value, search: '' }, {}));
  }

  firstFinding(row: ClusterRow): Finding | undefined {
    return row.findings[0];
  }

  firstTime(row: ClusterRow): string | undefined {
    return row.findings[0]?.entry.occurredAt;
  }

  scrollTo(fix: FindingFix): void {
    const id = TENANT_SECTIONS[fix];
    if (id) document.getElementById(id)?.scrollIntoView({ behavior: 'smooth', block: 'start' });
  }
}
