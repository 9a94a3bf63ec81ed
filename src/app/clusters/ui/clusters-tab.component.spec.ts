import { ComponentFixture, TestBed } from '@angular/core/testing';
import { NoopAnimationsModule } from '@angular/platform-browser/animations';
import { TranslationService } from '../../shared/i18n';
import { MockTranslationService } from '../../shared/i18n/testing';
import { Observable, of, throwError } from 'rxjs';
import { CseConfigDocument } from '../../shared/cse-config';
import { VCD_SESSION } from '../../vcd';
import { PROVIDER_SESSION } from '../../vcd/testing/vcd-testing';
import { ClusterChecks } from '../data/cluster-checks.service';
import { ClusterPageQuery, ClusterRow, ClusterRowsPage, ClustersError, ClustersRepository, rowOf } from '../data/clusters.repository';
import { IMAGE_RECHECK } from '../data/image-recheck';
import { RegistryRecheck } from '../data/registry-recheck';
import { ClassifyContext } from '../domain';
import {
  BASE,
  SECRET_API_TOKEN,
  clusterEntity,
  errorEntry,
  kubeadmPullFailure,
  notFound,
  unknownAuthority,
} from '../testing/cluster-entities';
import { FakeImageRecheck, FakeRegistryRecheck } from '../testing/fake-rechecks';
import { ClustersTabComponent } from './clusters-tab.component';

const COREDNS = `${BASE}/tkg/coredns:v1.10.1_vmware.7`;
const DOCUMENT: CseConfigDocument = {
  entity: { id: 'urn:vcloud:entity:vmware:VCDKEConfig:1', entityType: 'x', name: 'vcdKeConfig', entity: {} },
  etag: '"1"',
  settings: { containerRegistryUrl: BASE, bootstrapCertificates: [], nodeCertificates: [] },
};
const ACME_PROD = clusterEntity({
  id: 'urn:vcloud:entity:vmware:capvcdCluster:prod',
  name: 'acme-prod',
  errors: [
    errorEntry({ name: 'VcdMachineScriptExecutionError', error: kubeadmPullFailure(COREDNS, notFound(COREDNS)) }),
    errorEntry({ name: 'LoadBalancerError', occurredAt: '2025-01-13T11:00:00Z', error: 'no free IP <b>in</b> pool' }),
  ],
});
const GLOBEX_WEB = clusterEntity({
  id: 'urn:vcloud:entity:vmware:capvcdCluster:web',
  name: 'globex-web',
  org: { id: 'urn:vcloud:org:globex', name: 'globex' },
  errors: [errorEntry({ name: 'VcdMachineScriptExecutionError', error: kubeadmPullFailure(COREDNS, unknownAuthority(COREDNS, 'x')) })],
});

/** VCD's cluster list, as the grid asks for it; `gone` ids answer as deleted meanwhile. */
class FakeRepository {
  queries: ClusterPageQuery[] = [];
  contexts: ClassifyContext[] = [];
  gone = new Set<string>();
  entities: unknown[] = [ACME_PROD, GLOBEX_WEB];
  failure?: ClustersError;

  page(query: ClusterPageQuery, context: ClassifyContext): Observable<ClusterRowsPage> {
    this.queries.push(query);
    this.contexts.push(context);
    if (this.failure) return throwError(() => this.failure);
    return of({ total: 2000, rows: this.entities.map((entity) => rowOf(entity, context)) });
  }

  get(id: string, context: ClassifyContext): Observable<ClusterRow> {
    if (this.gone.has(id)) return throwError((): ClustersError => ({ kind: 'gone' }));
    const entity = this.entities.find((candidate) => (candidate as { id: string }).id === id);
    return of(rowOf(entity, context));
  }
}

/** Finds and acts on the Clusters tab as a provider would; the spec asserts. */
class ClustersPage {
  constructor(private readonly fixture: ComponentFixture<ClustersTabComponent>) {}

  private get root(): HTMLElement {
    return this.fixture.nativeElement as HTMLElement;
  }

  async settle(): Promise<void> {
    this.fixture.detectChanges();
    await this.fixture.whenStable();
    this.fixture.detectChanges();
  }

  row(cluster: string): HTMLElement {
    const found = this.root.querySelector<HTMLElement>(`[data-test="cluster-row"][data-cluster="${cluster}"]`);
    if (!found) throw new Error(`no row for ${cluster}`);
    return found;
  }

  cell(cluster: string, test: string): string {
    return this.row(cluster).querySelector(`[data-test="${test}"]`)?.textContent?.trim() ?? '';
  }

  async openDetail(cluster: string): Promise<void> {
    const toggle = this.row(cluster).querySelector<HTMLButtonElement>('button.datagrid-detail-caret-button');
    if (!toggle) throw new Error(`no detail toggle for ${cluster}`);
    toggle.click();
    await this.settle();
  }

  findings(): HTMLElement[] {
    return Array.from(this.root.querySelectorAll<HTMLElement>('[data-test="cluster-detail"] [data-test="finding"]'));
  }

  findingKinds(): string[] {
    return this.findings().map((finding) => finding.getAttribute('data-kind') ?? '');
  }

  async checkNow(index: number): Promise<void> {
    this.findings()[index]?.querySelector<HTMLButtonElement>('[data-test="finding-check"]')?.click();
    await this.settle();
  }

  checkResult(index: number): { verdict: string | null; text: string } {
    const result = this.findings()[index]?.querySelector('[data-test="finding-check-result"]');
    return { verdict: result?.getAttribute('data-verdict') ?? null, text: result?.textContent?.trim() ?? '' };
  }

  async chooseMode(mode: string): Promise<void> {
    const select = this.root.querySelector<HTMLSelectElement>('[data-test="clusters-mode"]');
    if (!select) throw new Error('no mode select');
    select.value = mode;
    select.dispatchEvent(new Event('change'));
    await this.settle();
  }

  has(test: string): boolean {
    return this.root.querySelector(`[data-test="${test}"]`) !== null;
  }

  text(): string {
    return this.root.textContent ?? '';
  }

  html(): string {
    return this.root.innerHTML;
  }
}

describe('ClustersTabComponent', () => {
  let fixture: ComponentFixture<ClustersTabComponent>;
  let page: ClustersPage;
  let repository: FakeRepository;
  let images: FakeImageRecheck;
  let registry: FakeRegistryRecheck;
  let navigated: string[];

  beforeEach(async () => {
    repository = new FakeRepository();
    images = new FakeImageRecheck();
    registry = new FakeRegistryRecheck();
    navigated = [];
    TestBed.configureTestingModule({
      imports: [ClustersTabComponent, NoopAnimationsModule],
      providers: [
        ClusterChecks,
        { provide: ClustersRepository, useValue: repository },
        { provide: IMAGE_RECHECK, useValue: images },
        { provide: RegistryRecheck, useValue: registry },
        { provide: VCD_SESSION, useValue: PROVIDER_SESSION },
        { provide: TranslationService, useClass: MockTranslationService },
      ],
    });
    fixture = TestBed.createComponent(ClustersTabComponent);
    fixture.componentRef.setInput('document', DOCUMENT);
    fixture.componentInstance.navigate.subscribe((fix) => navigated.push(fix));
    page = new ClustersPage(fixture);
    await page.settle();
  });

  it('asks VCD for the first page of failed clusters and classifies them against the configured base', () => {
    expect(repository.queries[0]).toEqual(jasmine.objectContaining({ page: 1, pageSize: 25, mode: 'failed', search: '' }));
    expect(repository.contexts[0]).toEqual({ currentBase: BASE, vcdHost: 'vcd.example.com' });
  });

  it('lists each cluster with its organization, CSE’s state and its first airgap finding', () => {
    expect(page.cell('acme-prod', 'cell-org')).toBe('acme');
    expect(page.cell('acme-prod', 'cell-state')).toContain('clusters.state.error');
    expect(page.cell('acme-prod', 'cell-finding')).toContain('clusters.kind.imageMissing');
    expect(page.cell('globex-web', 'cell-finding')).toContain('clusters.kind.untrustedCertificate');
  });

  it('asks again from page 1 when another kind of cluster is chosen', async () => {
    await page.chooseMode('notReady');
    expect(repository.queries.at(-1)).toEqual(jasmine.objectContaining({ page: 1, mode: 'notReady' }));
  });

  it('shows every finding of a cluster in its detail pane, the unknown text escaped', async () => {
    await page.openDetail('acme-prod');
    expect(page.findingKinds()).toEqual(['imageMissing', 'other']);
    expect(page.findings()[0]?.querySelector('[data-test="finding-expected"]')?.textContent).toBe(COREDNS);
    expect(page.findings()[0]?.querySelector('[data-test="finding-source"]')?.textContent).toBe(
      'projects.registry.vmware.com/tkg/coredns:v1.10.1_vmware.7',
    );
    expect(page.html()).not.toContain('<b>in</b>');
    expect(page.text()).toContain('no free IP <b>in</b> pool');
  });

  it('never shows the cluster’s kubeconfig or API token', async () => {
    await page.openDetail('acme-prod');
    expect(page.html()).not.toContain('KUBECONFIG-SECRET');
    expect(page.html()).not.toContain(SECRET_API_TOKEN);
  });

  it('re-checks the missing image and says it is still missing, then that a new cluster would get past it once pushed', async () => {
    await page.openDetail('acme-prod');
    await page.checkNow(0);
    expect(images.asked.at(-1)).toEqual([{ destination: COREDNS, source: 'projects.registry.vmware.com/tkg/coredns:v1.10.1_vmware.7' }]);
    expect(page.checkResult(0)).toEqual({ verdict: 'stillFailing', text: jasmine.stringContaining('clusters.check.image.missing') });

    images.present.add(COREDNS);
    await page.checkNow(0);
    expect(page.checkResult(0).verdict).toBe('wouldPass');
  });

  it('offers no check for a finding the plug-in cannot re-run', async () => {
    await page.openDetail('acme-prod');
    expect(page.findings()[1]?.querySelector('[data-test="finding-check"]')).toBeNull();
  });

  it('takes the provider to the section that fixes a finding', async () => {
    await page.openDetail('globex-web');
    page.findings()[0]?.querySelector<HTMLButtonElement>('[data-test="finding-fix"]')?.click();
    expect(navigated).toEqual(['certificates']);
  });

  it('says a cluster deleted meanwhile (or whose organization was) is gone', async () => {
    repository.gone.add('urn:vcloud:entity:vmware:capvcdCluster:web');
    await page.openDetail('globex-web');
    expect(page.has('cluster-gone')).toBeTrue();
    expect(page.findings()).toEqual([]);
  });

  it('says so when VCD’s answer is too large to read', async () => {
    repository.failure = { kind: 'tooLarge', megabytes: 40 };
    await page.chooseMode('all');
    expect(page.text()).toContain('clusters.errors.tooLarge');
  });
});
