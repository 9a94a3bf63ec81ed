import { HttpTestingController } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { NoopAnimationsModule } from '@angular/platform-browser/animations';
import { TranslationService } from '../../shared/i18n';
import { MockTranslationService } from '../../shared/i18n/testing';
import { TENANT_SESSION, answerVersions, provideVcdTesting } from '../../vcd/testing/vcd-testing';
import { BASE, clusterEntity, clusterPage, errorEntry, kubeadmPullFailure, notFound } from '../testing/cluster-entities';
import { TenantClustersComponent } from './tenant-clusters.component';

const LIST = 'https://vcd.example.com/cloudapi/1.0.0/entities/types/vmware/capvcdCluster/1';
const COREDNS = `${BASE}/tkg/coredns:v1.10.1_vmware.7`;

/** The tenant's cluster list as he uses it. */
class TenantClustersPage {
  constructor(private readonly fixture: ComponentFixture<TenantClustersComponent>) {}

  private get root(): HTMLElement {
    return this.fixture.nativeElement as HTMLElement;
  }

  async settle(): Promise<void> {
    this.fixture.detectChanges();
    await this.fixture.whenStable();
    this.fixture.detectChanges();
  }

  /** Asks for the list; does not wait for the page to settle: the VCD request (and its timeout) is pending until answered. */
  show(): void {
    this.root.querySelector<HTMLButtonElement>('[data-test="tenant-clusters-show"]')?.click();
    this.fixture.detectChanges();
  }

  rowNames(): string[] {
    return Array.from(this.root.querySelectorAll('[data-test="cluster-row"]'), (row) => row.getAttribute('data-cluster') ?? '');
  }

  async openDetail(cluster: string): Promise<void> {
    this.root.querySelector<HTMLButtonElement>(`[data-cluster="${cluster}"] button.datagrid-detail-caret-button`)?.click();
    await this.settle();
  }

  count(test: string): number {
    return this.root.querySelectorAll(`[data-test="${test}"]`).length;
  }
}

describe('TenantClustersComponent', () => {
  let fixture: ComponentFixture<TenantClustersComponent>;
  let page: TenantClustersPage;
  let backend: HttpTestingController;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      imports: [TenantClustersComponent, NoopAnimationsModule],
      providers: [...provideVcdTesting(TENANT_SESSION), { provide: TranslationService, useClass: MockTranslationService }],
    });
    backend = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(TenantClustersComponent);
    page = new TenantClustersPage(fixture);
    await page.settle();
  });

  afterEach(() => backend.verify());

  async function answer(body: unknown, status = 200): Promise<void> {
    answerVersions(backend);
    const request = backend.expectOne((candidate) => candidate.url === LIST);
    expect(request.request.params.get('filter')).toBe('entity.status.vcdKe.state==error');
    request.flush(JSON.stringify(body), { status, statusText: status === 200 ? 'OK' : 'Forbidden' });
    await page.settle();
  }

  it('reads nothing until the tenant asks to see his clusters', () => {
    backend.expectNone(() => true);
    expect(page.count('tenant-clusters-show')).toBe(1);
  });

  it('lists what VCD lets him see, with the findings, and no way to change or re-check anything', async () => {
    page.show();
    const failing = clusterEntity({
      errors: [errorEntry({ name: 'VcdMachineScriptExecutionError', error: kubeadmPullFailure(COREDNS, notFound(COREDNS)) })],
    });
    await answer(clusterPage([failing]));
    expect(page.rowNames()).toEqual(['acme-prod']);
    await page.openDetail('acme-prod');
    expect(page.count('finding')).toBe(1);
    expect(page.count('finding-check')).toBe(0);
    expect(page.count('finding-fix')).toBe(1);
  });

  it('tells a tenant without the right which right to ask for', async () => {
    page.show();
    await answer({ minorErrorCode: 'ACCESS_TO_RESOURCE_IS_FORBIDDEN' }, 403);
    expect(page.count('tenant-clusters-no-right')).toBe(1);
  });
});
