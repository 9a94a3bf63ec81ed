import { HttpTestingController } from '@angular/common/http/testing';
import { fakeAsync, flushMicrotasks, tick } from '@angular/core/testing';
import {
  DOCKER_LIST,
  DOCKER_MANIFEST,
  FakeHarbor,
  OCI_INDEX,
  SANDBOX_421,
  answerAll,
  countByStatus,
  image,
  seed,
  takeOpen,
} from './testing/fake-registries';
import { HARBOR_BASE, HarborCheckerBed, harborCheckerBed } from './testing/harbor-checker-bed';

const BASE = HARBOR_BASE;
const PROXY = 'cse/tkg/kube-proxy:v1.27.5_vmware.1';
const ARTIFACTS_PAGE_1 = '/artifacts?with_tag=true&page=1&page_size=100';

describe('HarborPresenceChecker', () => {
  let backend: HttpTestingController;
  let harbor: FakeHarbor;
  let check: HarborCheckerBed['check'];

  beforeEach(() => ({ backend, registry: harbor, check } = harborCheckerBed()));

  afterEach(() => backend.verify({ ignoreCancelled: true }));

  describe('when the image is there', () => {
    it('reads one artifact listing per repository, the name encoded twice, through /ext-api', fakeAsync(() => {
      const digest = harbor.push('cse/tkg/kube-proxy', 'v1.27.5_vmware.1', DOCKER_MANIFEST);
      harbor.push('cse/tkg/kube-proxy', 'v1.28.4_vmware.1', DOCKER_MANIFEST);
      const run = check([image(PROXY, 'proxy'), image('cse/tkg/kube-proxy:v1.28.4_vmware.1', 'newer')]);
      flushMicrotasks();

      const project = backend.expectOne(`${BASE}/api/v2.0/projects/cse`);
      expect(project.request.headers.get('Authorization')).toBe('Bearer test-jwt');
      harbor.answer(project);
      harbor.answer(backend.expectOne(`${BASE}/api/v2.0/projects/cse/repositories?page=1&page_size=100`));
      flushMicrotasks();
      harbor.answer(backend.expectOne(`${BASE}/api/v2.0/projects/cse/repositories/tkg%252Fkube-proxy${ARTIFACTS_PAGE_1}`));
      flushMicrotasks();

      expect(run.resultFor('proxy')).toEqual({
        status: 'present',
        image: image(PROXY, 'proxy'),
        digest,
        mediaType: DOCKER_MANIFEST,
        manifestKind: 'manifest',
      });
      expect(run.resultFor('newer')?.status).toBe('present');
      expect(run.done()).toEqual({ type: 'done', cancelled: false, partial: false, requests: 3 });
    }));

    it('tells an index from a single manifest by its manifest media type', fakeAsync(() => {
      harbor.push('cse/vmware-cloud-director/cluster-api-provider-cloud-director', 'v1.3.0', OCI_INDEX);
      harbor.push('cse/vmware-cloud-director/sig-storage/csi-provisioner', 'v2.2.2', DOCKER_LIST);
      const run = check([
        image('cse/vmware-cloud-director/cluster-api-provider-cloud-director:v1.3.0', 'capvcd'),
        image('cse/vmware-cloud-director/sig-storage/csi-provisioner:v2.2.2', 'provisioner'),
      ]);
      answerAll(backend, harbor);
      expect(run.resultFor('capvcd')).toEqual(jasmine.objectContaining({ manifestKind: 'index', mediaType: OCI_INDEX }));
      expect(run.resultFor('provisioner')).toEqual(jasmine.objectContaining({ manifestKind: 'index', mediaType: DOCKER_LIST }));
    }));
  });

  describe('when the image is not there', () => {
    it('lists the tags that exist and flags a near miss', fakeAsync(() => {
      harbor.push('cse/vmware-cloud-director/csi-crs-airgapped', 'v1.6.0');
      const run = check([image('cse/vmware-cloud-director/csi-crs-airgapped:1.6.0', 'crs')]);
      answerAll(backend, harbor);
      expect(run.resultFor('crs')).toEqual({
        status: 'missing',
        image: image('cse/vmware-cloud-director/csi-crs-airgapped:1.6.0', 'crs'),
        existingTags: ['v1.6.0'],
        nearMiss: 'v1.6.0',
      });
    }));

    it('says where a repository of the same name is, without asking for its artifacts', fakeAsync(() => {
      harbor.push('cse/cloud-provider-for-cloud-director', '1.6.0');
      harbor.push('cse/tkg/etcd', 'v3.5.7_vmware.6');
      const run = check([image('cse/vmware-cloud-director/cloud-provider-for-cloud-director:1.6.0', 'cpi')]);
      answerAll(backend, harbor);
      expect(run.resultFor('cpi')).toEqual({
        status: 'repositoryMissing',
        image: image('cse/vmware-cloud-director/cloud-provider-for-cloud-director:1.6.0', 'cpi'),
        elsewhere: ['cse/cloud-provider-for-cloud-director'],
      });
      expect(harbor.count('/artifacts')).toBe(0);
      expect(run.done()?.requests).toBe(2);
    }));

    it('takes a 404 on the artifacts as a missing repository and does not retry it', fakeAsync(() => {
      harbor.missingRepositoryStatus = 404;
      harbor.push('cse/tkg/etcd', 'v3.5.7_vmware.6');
      const run = check([image('cse/tkg/coredns:v1.10.1_vmware.7', 'coredns')]);
      flushMicrotasks();
      harbor.answer(backend.expectOne(`${BASE}/api/v2.0/projects/cse`));
      // A repository list this session may not read: existence is then the artifact listing's call.
      backend
        .expectOne(`${BASE}/api/v2.0/projects/cse/repositories?page=1&page_size=100`)
        .flush('', { status: 403, statusText: 'Forbidden' });
      answerAll(backend, harbor);
      expect(run.resultFor('coredns')).toEqual({
        status: 'repositoryMissing',
        image: image('cse/tkg/coredns:v1.10.1_vmware.7', 'coredns'),
      });
      expect(harbor.count('/artifacts')).toBe(1);
      expect(run.done()?.requests).toBe(3);
    }));

    it('takes Harbor\'s "200 []" for an unknown repository as missing when the list is unreadable', fakeAsync(() => {
      harbor.push('cse/tkg/etcd', 'v3.5.7_vmware.6');
      const run = check([image('cse/tkg/coredns:v1.10.1_vmware.7', 'coredns')]);
      flushMicrotasks();
      harbor.answer(backend.expectOne(`${BASE}/api/v2.0/projects/cse`));
      backend
        .expectOne(`${BASE}/api/v2.0/projects/cse/repositories?page=1&page_size=100`)
        .flush('', { status: 403, statusText: 'Forbidden' });
      answerAll(backend, harbor);
      expect(run.resultFor('coredns')?.status).toBe('repositoryMissing');
    }));
  });

  describe('when the project is private', () => {
    it('reports every image as not pullable anonymously, without listing artifacts', fakeAsync(() => {
      harbor.push('private/vmware-cloud-director/cluster-api-provider-cloud-director', 'v1.3.0');
      const run = check(
        [image('private/vmware-cloud-director/cluster-api-provider-cloud-director:v1.3.0', 'capvcd'), image('private/tkg/etcd:v1', 'etcd')],
        { access: { baseUrl: BASE, project: 'private' } },
      );
      answerAll(backend, harbor);
      expect(countByStatus(run.results())).toEqual({ notPullableAnonymously: 2 });
      expect(run.resultFor('etcd')).toEqual(jasmine.objectContaining({ reason: 'privateProject' }));
      expect(harbor.answered).toEqual([
        'GET /api/v2.0/projects/private',
        'GET /api/v2.0/projects/private/repositories?page=1&page_size=100',
      ]);
    }));

    it('reads `metadata.public: "false"` as private even when the project is readable', fakeAsync(() => {
      const run = check([image(PROXY, 'proxy')]);
      flushMicrotasks();
      backend.expectOne(`${BASE}/api/v2.0/projects/cse`).flush(JSON.stringify({ name: 'cse', metadata: { public: 'false' } }));
      backend
        .expectOne(`${BASE}/api/v2.0/projects/cse/repositories?page=1&page_size=100`)
        .flush('[]', { headers: { 'X-Total-Count': '0' } });
      flushMicrotasks();
      expect(run.resultFor('proxy')).toEqual(jasmine.objectContaining({ status: 'notPullableAnonymously', reason: 'privateProject' }));
    }));
  });

  describe('when Harbor struggles', () => {
    it('retries a 5xx and then reports what it finds', fakeAsync(() => {
      harbor.push('cse/tkg/kube-proxy', 'v1.27.5_vmware.1');
      const run = check([image(PROXY, 'proxy')]);
      flushMicrotasks();
      harbor.answer(backend.expectOne(`${BASE}/api/v2.0/projects/cse`));
      harbor.answer(backend.expectOne(`${BASE}/api/v2.0/projects/cse/repositories?page=1&page_size=100`));
      flushMicrotasks();
      const url = `${BASE}/api/v2.0/projects/cse/repositories/tkg%252Fkube-proxy${ARTIFACTS_PAGE_1}`;
      backend.expectOne(url).flush(JSON.stringify({ errors: [{ code: 'UNKNOWN' }] }), { status: 500, statusText: 'Internal Server Error' });
      tick(250);
      harbor.answer(backend.expectOne(url));
      flushMicrotasks();
      expect(run.resultFor('proxy')?.status).toBe('present');
      expect(run.done()?.requests).toBe(4);
    }));

    it('reports a timeout for the images of the repository that hung, and the others normally', fakeAsync(() => {
      harbor.push('cse/tkg/kube-proxy', 'v1.27.5_vmware.1');
      harbor.push('cse/tkg/etcd', 'v3.5.7_vmware.6');
      const run = check([image(PROXY, 'proxy'), image('cse/tkg/etcd:v3.5.7_vmware.6', 'etcd')]);
      flushMicrotasks();
      harbor.answer(backend.expectOne(`${BASE}/api/v2.0/projects/cse`));
      harbor.answer(backend.expectOne(`${BASE}/api/v2.0/projects/cse/repositories?page=1&page_size=100`));
      flushMicrotasks();
      backend.expectOne(`${BASE}/api/v2.0/projects/cse/repositories/tkg%252Fkube-proxy${ARTIFACTS_PAGE_1}`); // never answered
      harbor.answer(backend.expectOne(`${BASE}/api/v2.0/projects/cse/repositories/tkg%252Fetcd${ARTIFACTS_PAGE_1}`));
      tick(10_000);
      expect(run.resultFor('proxy')).toEqual(jasmine.objectContaining({ status: 'error', failure: { kind: 'timeout', seconds: 10 } }));
      expect(run.resultFor('etcd')?.status).toBe('present');
      expect(run.done()?.partial).toBeTrue();
    }));
  });

  describe('paging', () => {
    it("builds further artifact pages itself from X-Total-Count (Harbor's Link is encoded once)", fakeAsync(() => {
      for (let index = 0; index < 250; index++) harbor.push('cse/tkg/kube-proxy', `v1.0.${index}`);
      const run = check([image('cse/tkg/kube-proxy:1.0.249', 'late')]);
      answerAll(backend, harbor);
      expect(harbor.answered.filter((line) => line.includes('/artifacts'))).toEqual(
        [
          '/artifacts?with_tag=true&page=1&page_size=100',
          '/artifacts?with_tag=true&page=2&page_size=100',
          '/artifacts?with_tag=true&page=3&page_size=100',
        ].map((query) => `GET /api/v2.0/projects/cse/repositories/tkg%252Fkube-proxy${query}`),
      );
      expect(run.resultFor('late')).toEqual(jasmine.objectContaining({ status: 'missing', nearMiss: 'v1.0.249' }));
    }));

    it('stops at the first page when it already holds every tag asked for', fakeAsync(() => {
      for (let index = 0; index < 250; index++) harbor.push('cse/tkg/kube-proxy', `v1.0.${index}`);
      const run = check([image('cse/tkg/kube-proxy:v1.0.3', 'early')]);
      answerAll(backend, harbor);
      expect(harbor.count('/artifacts')).toBe(1);
      expect(run.resultFor('early')?.status).toBe('present');
    }));
  });

  describe('limits', () => {
    it('never has more requests in flight than the concurrency', fakeAsync(() => {
      const images = Array.from({ length: 40 }, (_, index) => image(`cse/synthetic/image-${index}:1.0.0`, String(index)));
      images.forEach((each) => harbor.push(each.repository, each.reference));
      const run = check(images);
      const { maxOutstanding } = answerAll(backend, harbor);
      expect(maxOutstanding).toBe(6);
      expect(countByStatus(run.results())).toEqual({ present: 40 });
      expect(run.done()?.requests).toBe(42);
    }));

    it('sends its first requests in the task that starts the check, before the page can redraw', () => {
      check([image(PROXY, 'proxy')]);
      // No microtask, no tick: a page that draws the pending rows next must not hold them back.
      expect(takeOpen(backend).map((request) => request.request.url)).toEqual([
        `${BASE}/api/v2.0/projects/cse`,
        `${BASE}/api/v2.0/projects/cse/repositories?page=1&page_size=100`,
      ]);
    });

    it('honours a smaller concurrency', fakeAsync(() => {
      const images = Array.from({ length: 10 }, (_, index) => image(`cse/synthetic/image-${index}:1.0.0`, String(index)));
      images.forEach((each) => harbor.push(each.repository, each.reference));
      check(images, { concurrency: 3 });
      expect(answerAll(backend, harbor).maxOutstanding).toBe(3);
    }));
  });

  describe('cancellation', () => {
    it('aborts every request in flight when unsubscribed and sends no more', fakeAsync(() => {
      const images = Array.from({ length: 20 }, (_, index) => image(`cse/synthetic/image-${index}:1.0.0`, String(index)));
      images.forEach((each) => harbor.push(each.repository, each.reference));
      const run = check(images);
      flushMicrotasks();
      takeOpen(backend).forEach((request) => harbor.answer(request));
      flushMicrotasks();
      const inFlight = backend.match(() => true);
      expect(inFlight.length).toBe(6);

      run.subscription.unsubscribe();
      expect(inFlight.every((request) => request.cancelled)).toBeTrue();
      tick(60_000);
      expect(backend.match(() => true)).toEqual([]);
    }));
  });

  describe('the sandbox seed (CSE 4.2.1)', () => {
    it('finds exactly the seeded gaps in 18 requests', fakeAsync(() => {
      seed(harbor, SANDBOX_421.held);
      const run = check(SANDBOX_421.wanted.map((reference) => image(reference)));
      answerAll(backend, harbor);

      expect(countByStatus(run.results())).toEqual({ present: 14, missing: 2, repositoryMissing: 2 });
      expect(run.resultFor('cse/vmware-cloud-director/cloud-provider-for-cloud-director:1.6.0')).toEqual(
        jasmine.objectContaining({ elsewhere: ['cse/cloud-provider-for-cloud-director'] }),
      );
      expect(run.resultFor('cse/vmware-cloud-director/sig-storage/csi-resizer:v1.4.0')).toEqual(
        jasmine.objectContaining({ status: 'repositoryMissing', elsewhere: [] }),
      );
      // The project, its repository list, and one artifact listing for each of the 16 repositories that exist.
      expect(run.done()).toEqual({ type: 'done', cancelled: false, partial: false, requests: 18 });
    }));
  });
});
