import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { firstValueFrom } from 'rxjs';
import { PROVIDER_SESSION, answerVersions, provideVcdTesting } from '../../vcd/testing/vcd-testing';
import { BASE, SECRET_API_TOKEN, clusterEntity, clusterPage, errorEntry, kubeadmPullFailure, notFound } from '../testing/cluster-entities';
import { ClusterRowsPage, ClustersError, ClustersRepository, MAX_ANSWER_CHARS } from './clusters.repository';

const LIST = 'https://vcd.example.com/cloudapi/1.0.0/entities/types/vmware/capvcdCluster/1';
const COREDNS = `${BASE}/tkg/coredns:v1.10.1_vmware.7`;
const FAILED = clusterEntity({
  errors: [errorEntry({ name: 'VcdMachineScriptExecutionError', error: kubeadmPullFailure(COREDNS, notFound(COREDNS)) })],
});

describe('ClustersRepository', () => {
  let repository: ClustersRepository;
  let backend: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [...provideVcdTesting(PROVIDER_SESSION), ClustersRepository] });
    repository = TestBed.inject(ClustersRepository);
    backend = TestBed.inject(HttpTestingController);
  });

  afterEach(() => backend.verify());

  async function page(answer: unknown, mode: 'failed' | 'notReady' | 'all' = 'failed', search = ''): Promise<ClusterRowsPage> {
    const result = firstValueFrom(repository.page({ page: 2, pageSize: 25, mode, search }, { currentBase: BASE }));
    answerVersions(backend);
    const request = backend.expectOne((candidate) => candidate.url === LIST);
    request.flush(typeof answer === 'string' ? answer : JSON.stringify(answer));
    return result;
  }

  async function failure(promise: Promise<unknown>): Promise<ClustersError> {
    try {
      await promise;
    } catch (error) {
      return error as ClustersError;
    }
    throw new Error('expected a failure');
  }

  describe('when listing a page', () => {
    it('asks VCD for one page of every capvcdCluster 1.x in state error, sorted by name', async () => {
      const result = firstValueFrom(repository.page({ page: 2, pageSize: 25, mode: 'failed', search: 'prod' }, {}));
      answerVersions(backend);
      const request = backend.expectOne((candidate) => candidate.url === LIST);
      expect(request.request.params.get('filter')).toBe('entity.status.vcdKe.state==error;name==*prod*');
      expect(request.request.params.get('page')).toBe('2');
      expect(request.request.params.get('pageSize')).toBe('25');
      expect(request.request.params.get('sortAsc')).toBe('name');
      expect(request.request.headers.get('Accept')).toBe('application/json;version=39.0');
      request.flush(JSON.stringify(clusterPage([], 0)));
      expect((await result).total).toBe(0);
    });

    it('sends no filter for all clusters', async () => {
      const result = firstValueFrom(repository.page({ page: 1, pageSize: 25, mode: 'all', search: '' }, {}));
      answerVersions(backend);
      const request = backend.expectOne((candidate) => candidate.url === LIST);
      expect(request.request.params.has('filter')).toBeFalse();
      request.flush(JSON.stringify(clusterPage([])));
      await result;
    });

    it('gives each cluster its findings, with the image mapped under the configured base', async () => {
      const { total, rows } = await page(clusterPage([FAILED], 1234));
      expect(total).toBe(1234);
      expect(rows[0]?.record.name).toBe('acme-prod');
      expect(rows[0]?.findings[0]?.kind).toBe('imageMissing');
      expect(rows[0]?.findings[0]?.image?.expected).toBe(COREDNS);
    });

    it('keeps neither the kubeconfig nor the API token anywhere in what it returns', async () => {
      const text = JSON.stringify(await page(clusterPage([FAILED])));
      expect(text).not.toContain('KUBECONFIG-SECRET');
      expect(text).not.toContain(SECRET_API_TOKEN);
    });

    it('reads at most a page of values, whatever VCD sends', async () => {
      const { rows } = await page(
        clusterPage(
          Array.from({ length: 40 }, () => FAILED),
          40,
        ),
      );
      expect(rows.length).toBe(25);
    });

    it('reads an entity of an unexpected shape as such instead of failing the page', async () => {
      const { rows } = await page(clusterPage([FAILED, 'garbage', { id: 'x', entity: { status: 7 } }]));
      expect(rows.map((row) => row.record.shape)).toEqual(['ok', 'unreadable', 'noStatus']);
    });
  });

  describe('when VCD answers something else', () => {
    const CASES: readonly { readonly title: string; readonly answer: string; readonly kind: ClustersError['kind'] }[] = [
      { title: 'text that is not JSON', answer: '<html>proxy error</html>', kind: 'unreadableAnswer' },
      { title: 'JSON without values', answer: '{"resultTotal": 3}', kind: 'unreadableAnswer' },
    ];
    for (const row of CASES) {
      it(`says ${row.kind} for ${row.title}`, async () => {
        expect((await failure(page(row.answer))).kind).toBe(row.kind);
      });
    }

    it('refuses to parse an answer bigger than any real page', async () => {
      const error = await failure(page(`{"values": ["${'x'.repeat(MAX_ANSWER_CHARS)}"]}`));
      expect(error).toEqual({ kind: 'tooLarge', megabytes: 33 });
    });

    it('says forbidden when VCD refuses the list', async () => {
      const result = failure(firstValueFrom(repository.page({ page: 1, pageSize: 25, mode: 'failed', search: '' }, {})));
      answerVersions(backend);
      backend.expectOne((candidate) => candidate.url === LIST).flush('{}', { status: 403, statusText: 'Forbidden' });
      expect((await result).kind).toBe('forbidden');
    });

    it('passes any other VCD failure on as VCD’s', async () => {
      const result = failure(firstValueFrom(repository.page({ page: 1, pageSize: 25, mode: 'failed', search: '' }, {})));
      answerVersions(backend);
      backend.expectOne((candidate) => candidate.url === LIST).flush('{}', { status: 500, statusText: 'Server Error' });
      expect(await result).toEqual({ kind: 'vcd', error: jasmine.objectContaining({ kind: 'server', status: 500 }) });
    });
  });

  describe('when reading one cluster again', () => {
    const ID = 'urn:vcloud:entity:vmware:capvcdCluster:0001';

    it('reads it by id and classifies it', async () => {
      const result = firstValueFrom(repository.get(ID, { currentBase: BASE }));
      answerVersions(backend);
      backend.expectOne(`https://vcd.example.com/cloudapi/1.0.0/entities/${encodeURIComponent(ID)}`).flush(JSON.stringify(FAILED));
      expect((await result).findings.map((finding) => finding.kind)).toEqual(['imageMissing']);
    });

    it('says gone when VCD answers 403: the cluster or its organization was deleted meanwhile', async () => {
      const result = failure(firstValueFrom(repository.get(ID, {})));
      answerVersions(backend);
      backend.expectOne(() => true).flush('{"minorErrorCode":"ACCESS_TO_RESOURCE_IS_FORBIDDEN"}', { status: 403, statusText: 'Forbidden' });
      expect((await result).kind).toBe('gone');
    });
  });
});
