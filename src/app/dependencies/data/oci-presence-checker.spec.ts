import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed, fakeAsync, flushMicrotasks } from '@angular/core/testing';
import { provideVcdTesting } from '../../vcd/testing/vcd-testing';
import { MANIFEST_ACCEPT, OciPresenceChecker } from './oci-presence-checker';
import { CheckOptions, ImageToCheck } from './presence-check';
import {
  DOCKER_LIST,
  DOCKER_MANIFEST,
  FakeOciRegistry,
  OCI_INDEX,
  OCI_MANIFEST,
  SANDBOX_421,
  answerAll,
  collect,
  countByStatus,
  image,
  seed,
  takeOpen,
} from './testing/fake-registries';

const BASE = 'https://registry.example.com';
const ETCD = 'cse/tkg/etcd:v3.5.7_vmware.6';

describe('OciPresenceChecker', () => {
  let backend: HttpTestingController;
  let checker: OciPresenceChecker;
  let registry: FakeOciRegistry;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [...provideVcdTesting(), OciPresenceChecker] });
    backend = TestBed.inject(HttpTestingController);
    checker = TestBed.inject(OciPresenceChecker);
    registry = new FakeOciRegistry({ base: BASE, privateProjects: ['private'] });
  });

  afterEach(() => backend.verify({ ignoreCancelled: true }));

  function check(images: ImageToCheck[], options: Partial<CheckOptions> = {}): ReturnType<typeof collect> {
    return collect(checker.check(images, { access: { baseUrl: BASE, project: 'cse' }, ...options }));
  }

  describe('when the image is there', () => {
    it('finds a manifest by tag with an anonymous token, as a cluster node pulls it', fakeAsync(() => {
      const digest = registry.push('cse/tkg/etcd', 'v3.5.7_vmware.6', OCI_MANIFEST);
      const run = check([image(ETCD, 'etcd')]);
      flushMicrotasks();

      const probe = backend.expectOne(`${BASE}/v2/cse/tkg/etcd/manifests/v3.5.7_vmware.6`);
      expect(probe.request.method).toBe('HEAD');
      expect(probe.request.headers.get('Accept')).toBe(MANIFEST_ACCEPT);
      expect(probe.request.headers.has('Authorization')).toBeFalse();
      registry.answer(probe);
      flushMicrotasks();
      const token = backend.expectOne(`${BASE}/service/token?service=harbor-registry&scope=repository:cse/tkg/etcd:pull`);
      registry.answer(token);
      flushMicrotasks();
      const head = backend.expectOne(`${BASE}/v2/cse/tkg/etcd/manifests/v3.5.7_vmware.6`);
      expect(head.request.headers.get('Authorization')).toBe('Bearer token-1');
      registry.answer(head);
      flushMicrotasks();

      expect(run.resultFor('etcd')).toEqual({
        status: 'present',
        image: image(ETCD, 'etcd'),
        digest,
        mediaType: OCI_MANIFEST,
        manifestKind: 'manifest',
      });
      expect(run.done()).toEqual({ type: 'done', cancelled: false, partial: false, requests: 3 });
    }));

    it('tells an index (OCI index, Docker manifest list) from a single manifest', fakeAsync(() => {
      registry.push('cse/vmware-cloud-director/cluster-api-provider-cloud-director', 'v1.3.0', OCI_INDEX);
      registry.push('cse/vmware-cloud-director/sig-storage/csi-provisioner', 'v2.2.2', DOCKER_LIST);
      registry.push('cse/tkg/kube-proxy', 'v1.27.5_vmware.1', DOCKER_MANIFEST);
      const run = check([
        image('cse/vmware-cloud-director/cluster-api-provider-cloud-director:v1.3.0', 'capvcd'),
        image('cse/vmware-cloud-director/sig-storage/csi-provisioner:v2.2.2', 'provisioner'),
        image('cse/tkg/kube-proxy:v1.27.5_vmware.1', 'proxy'),
      ]);
      answerAll(backend, registry);

      const kinds = run.results().map((result) => [result.image.id, result.status === 'present' ? result.manifestKind : result.status]);
      expect(kinds).toEqual(
        jasmine.arrayWithExactContents([
          ['capvcd', 'index'],
          ['provisioner', 'index'],
          ['proxy', 'manifest'],
        ]),
      );
    }));

    it('finds an image by digest', fakeAsync(() => {
      const digest = registry.push('cse/tkg/etcd', 'v3.5.7_vmware.6', OCI_MANIFEST);
      const run = check([{ id: 'pinned', repository: 'cse/tkg/etcd', reference: digest }]);
      answerAll(backend, registry);
      expect(run.resultFor('pinned')?.status).toBe('present');
    }));
  });

  describe('when the image is not there', () => {
    it('lists the tags that exist, flags a near miss, and lists them once per repository', fakeAsync(() => {
      registry.push('cse/vmware-cloud-director/csi-crs-airgapped', 'v1.6.0');
      registry.push('cse/vmware-cloud-director/csi-crs-airgapped', '1.5.0');
      const run = check([
        image('cse/vmware-cloud-director/csi-crs-airgapped:1.6.0', 'wanted'),
        image('cse/vmware-cloud-director/csi-crs-airgapped:1.4.0', 'older'),
      ]);
      answerAll(backend, registry);

      expect(run.resultFor('wanted')).toEqual({
        status: 'missing',
        image: image('cse/vmware-cloud-director/csi-crs-airgapped:1.6.0', 'wanted'),
        existingTags: ['1.5.0', 'v1.6.0'],
        nearMiss: 'v1.6.0',
      });
      expect(run.resultFor('older')).toEqual(jasmine.objectContaining({ status: 'missing', existingTags: ['1.5.0', 'v1.6.0'] }));
      expect(run.resultFor('older')).not.toEqual(jasmine.objectContaining({ nearMiss: jasmine.anything() }));
      expect(registry.count('/tags/list')).toBe(1);
    }));

    it('says when the whole repository is missing, and never retries a 404', fakeAsync(() => {
      const run = check([image('cse/vmware-cloud-director/sig-storage/csi-resizer:v1.4.0', 'resizer')]);
      answerAll(backend, registry);

      // The registry cannot list other repositories anonymously: `elsewhere` stays unknown.
      expect(run.resultFor('resizer')).toEqual({
        status: 'repositoryMissing',
        image: image('cse/vmware-cloud-director/sig-storage/csi-resizer:v1.4.0', 'resizer'),
      });
      expect(registry.answered).toEqual([
        'HEAD /v2/cse/vmware-cloud-director/sig-storage/csi-resizer/manifests/v1.4.0',
        'GET /service/token?service=harbor-registry&scope=repository:cse/vmware-cloud-director/sig-storage/csi-resizer:pull',
        'HEAD /v2/cse/vmware-cloud-director/sig-storage/csi-resizer/manifests/v1.4.0',
        'GET /v2/cse/vmware-cloud-director/sig-storage/csi-resizer/tags/list',
      ]);
      expect(run.done()?.partial).toBeFalse();
    }));
  });

  describe('when anonymous pull is refused', () => {
    it('reports a private project as not pullable anonymously, without retrying the 401', fakeAsync(() => {
      registry.push('private/vmware-cloud-director/cluster-api-provider-cloud-director', 'v1.3.0');
      const run = check([image('private/vmware-cloud-director/cluster-api-provider-cloud-director:v1.3.0', 'private')]);
      answerAll(backend, registry);

      expect(run.resultFor('private')).toEqual(jasmine.objectContaining({ status: 'notPullableAnonymously', reason: 'tokenDenied' }));
      expect(registry.count('/manifests/')).toBe(2);
      expect(run.done()?.requests).toBe(3);
    }));

    it('reports a registry that offers no anonymous token (Basic auth only)', fakeAsync(() => {
      const run = check([image(ETCD, 'etcd')]);
      flushMicrotasks();
      backend.expectOne(`${BASE}/v2/cse/tkg/etcd/manifests/v3.5.7_vmware.6`).flush('', {
        status: 401,
        statusText: 'Unauthorized',
        headers: { 'WWW-Authenticate': 'Basic realm="registry"' },
      });
      flushMicrotasks();
      expect(run.resultFor('etcd')).toEqual(jasmine.objectContaining({ status: 'notPullableAnonymously', reason: 'noAnonymousToken' }));
    }));

    it('reports a token service that refuses anonymous callers', fakeAsync(() => {
      const run = check([image(ETCD, 'etcd')]);
      flushMicrotasks();
      registry.answer(backend.expectOne(`${BASE}/v2/cse/tkg/etcd/manifests/v3.5.7_vmware.6`));
      flushMicrotasks();
      backend
        .expectOne((request) => request.url.startsWith(`${BASE}/service/token`))
        .flush('', { status: 401, statusText: 'Unauthorized' });
      flushMicrotasks();
      expect(run.resultFor('etcd')).toEqual(jasmine.objectContaining({ status: 'notPullableAnonymously', reason: 'noAnonymousToken' }));
    }));

    it('asks for a new token once when the registry calls the token invalid', fakeAsync(() => {
      registry.push('cse/tkg/etcd', 'v3.5.7_vmware.6', OCI_MANIFEST);
      const run = check([image(ETCD, 'etcd')]);
      flushMicrotasks();
      registry.answer(backend.expectOne(`${BASE}/v2/cse/tkg/etcd/manifests/v3.5.7_vmware.6`));
      flushMicrotasks();
      registry.answer(backend.expectOne((request) => request.url.startsWith(`${BASE}/service/token`)));
      flushMicrotasks();
      backend.expectOne(`${BASE}/v2/cse/tkg/etcd/manifests/v3.5.7_vmware.6`).flush('', {
        status: 401,
        statusText: 'Unauthorized',
        headers: { 'WWW-Authenticate': `Bearer realm="${BASE}/service/token",service="harbor-registry",error="invalid_token"` },
      });
      answerAll(backend, registry);
      expect(registry.tokenRequests.length).toBe(2);
      expect(run.resultFor('etcd')?.status).toBe('present');
    }));

    it('through /ext-api, where no registry token can ride along, says direct access is needed', fakeAsync(() => {
      const extApi = 'https://vcd.example.com/ext-api/cseairgap-harbor';
      const run = collect(
        checker.check([image(ETCD, 'etcd'), image('cse/tkg/coredns:v1.10.1_vmware.7', 'coredns')], {
          access: { baseUrl: extApi, project: 'cse' },
        }),
      );
      flushMicrotasks();
      const probe = backend.expectOne(`${extApi}/v2/cse/tkg/etcd/manifests/v3.5.7_vmware.6`);
      expect(probe.request.headers.get('Authorization')).toBe('Bearer test-jwt');
      probe.flush('', {
        status: 401,
        statusText: 'Unauthorized',
        headers: { 'WWW-Authenticate': `Bearer realm="https://harbor/service/token",service="harbor-registry"` },
      });
      flushMicrotasks();
      expect(countByStatus(run.results())).toEqual({ error: 2 });
      expect(run.resultFor('coredns')).toEqual(jasmine.objectContaining({ failure: { kind: 'needsDirectAccess' } }));
      expect(run.done()?.requests).toBe(1);
    }));
  });

  describe('when a repository holds many of the images (TKG: one tag per Kubernetes release)', () => {
    it('reads its tag list once and HEADs only the listed tags', fakeAsync(() => {
      registry.push('cse/tkg/kube-apiserver', 'v1.27.5_vmware.1');
      registry.push('cse/tkg/kube-apiserver', 'v1.28.4_vmware.1');
      registry.push('cse/tkg/kube-apiserver', 'v1.26.8_vmware.1');
      const wanted = ['v1.27.5_vmware.1', 'v1.28.4_vmware.1', 'v1.26.8_vmware.2', 'v1.25.13_vmware.1'];
      const run = check(wanted.map((tag) => image(`cse/tkg/kube-apiserver:${tag}`, tag)));
      answerAll(backend, registry);

      expect(countByStatus(run.results())).toEqual({ present: 2, missing: 2 });
      expect(run.resultFor('v1.26.8_vmware.2')).toEqual(jasmine.objectContaining({ status: 'missing', nearMiss: 'v1.26.8_vmware.1' }));
      // The tag list is also the anonymous probe (401), then sent again with the token.
      expect(registry.count('/tags/list')).toBe(2);
      expect(registry.count('/manifests/')).toBe(2);
      expect(run.done()?.requests).toBe(5);
    }));

    it('reports every image of a repository that does not exist from its one tag list', fakeAsync(() => {
      const run = check(['a', 'b', 'c'].map((tag) => image(`cse/tkg/pause:${tag}`, tag)));
      answerAll(backend, registry);
      expect(countByStatus(run.results())).toEqual({ repositoryMissing: 3 });
      expect(registry.count('/manifests/')).toBe(0);
    }));
  });

  describe('tokens', () => {
    it('asks for one token per 50 repositories: 3 token requests for 120', fakeAsync(() => {
      const images = Array.from({ length: 120 }, (_, index) => image(`cse/synthetic/image-${index}:1.0.0`, String(index)));
      images.forEach((each) => registry.push(each.repository, each.reference));
      const run = check(images);
      answerAll(backend, registry);

      expect(registry.tokenRequests.map((scopes) => scopes.length)).toEqual([50, 50, 20]);
      expect(new Set(registry.tokenRequests.flat()).size).toBe(120);
      expect(countByStatus(run.results())).toEqual({ present: 120 });
      // One anonymous probe, three tokens, one HEAD per image.
      expect(run.done()?.requests).toBe(124);
    }));

    it('asks for no token from a registry that lets anyone pull', fakeAsync(() => {
      const run = check([image(ETCD, 'etcd'), image('cse/tkg/coredns:v1.10.1_vmware.7', 'coredns')]);
      flushMicrotasks();
      for (let round = 0; round < 2; round++) {
        for (const request of takeOpen(backend)) {
          request.flush('', {
            status: 200,
            statusText: 'OK',
            headers: { 'Docker-Content-Digest': 'sha256:aa', 'Content-Type': OCI_MANIFEST },
          });
        }
        flushMicrotasks();
      }
      expect(countByStatus(run.results())).toEqual({ present: 2 });
      expect(run.done()?.requests).toBe(2);
    }));
  });

  describe('the sandbox seed (CSE 4.2.1)', () => {
    it('finds exactly the seeded gaps in 24 requests', fakeAsync(() => {
      seed(registry, SANDBOX_421.held);
      const run = check(SANDBOX_421.wanted.map((reference) => image(reference)));
      answerAll(backend, registry);

      expect(countByStatus(run.results())).toEqual({ present: 14, missing: 2, repositoryMissing: 2 });
      expect(run.resultFor('cse/vmware-cloud-director/csi-crs-airgapped:1.6.0')).toEqual(
        jasmine.objectContaining({ nearMiss: 'v1.6.0', existingTags: ['v1.6.0'] }),
      );
      expect(run.resultFor('cse/tkg/coredns:v1.10.1_vmware.7')).toEqual(
        jasmine.objectContaining({ status: 'missing', existingTags: ['v1.10.1_vmware.12'] }),
      );
      // 1 probe + 1 token (18 repositories) + 18 HEADs + 4 tag lists for the 4 not found.
      expect(registry.tokenRequests.length).toBe(1);
      expect(run.done()).toEqual({ type: 'done', cancelled: false, partial: false, requests: 24 });
      // Results stream as they arrive, each followed by the progress so far.
      const progress = run.events.filter((event) => event.type === 'progress');
      expect(progress.length).toBe(19);
      expect(progress[0]).toEqual({ type: 'progress', done: 0, total: 18, requests: 0 });
      expect(progress.at(-1)).toEqual({ type: 'progress', done: 18, total: 18, requests: 24 });
      expect(run.events.map((event) => event.type).slice(1, 5)).toEqual(['result', 'progress', 'result', 'progress']);
    }));
  });
});
