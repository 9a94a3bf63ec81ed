import { HttpTestingController } from '@angular/common/http/testing';
import { fakeAsync, flushMicrotasks } from '@angular/core/testing';
import { MANIFEST_ACCEPT, OciPresenceChecker } from './oci-presence-checker';
import {
  DOCKER_LIST,
  DOCKER_MANIFEST,
  FakeOciRegistry,
  OCI_INDEX,
  OCI_MANIFEST,
  answerAll,
  collect,
  countByStatus,
  image,
  takeOpen,
} from './testing/fake-registries';
import { OCI_BASE, OciCheckerBed, ociCheckerBed } from './testing/oci-checker-bed';

const BASE = OCI_BASE;
const ETCD = 'cse/tkg/etcd:v3.5.7_vmware.6';

describe('OciPresenceChecker', () => {
  let backend: HttpTestingController;
  let checker: OciPresenceChecker;
  let registry: FakeOciRegistry;
  let check: OciCheckerBed['check'];

  beforeEach(() => ({ backend, checker, registry, check } = ociCheckerBed()));

  afterEach(() => backend.verify({ ignoreCancelled: true }));

  describe('when the image is there', () => {
    it('finds a tag in its repository tag list with an anonymous token: one request per repository, no HEAD', fakeAsync(() => {
      registry.push('cse/tkg/etcd', 'v3.5.7_vmware.6', OCI_MANIFEST);
      const run = check([image(ETCD, 'etcd')]);
      flushMicrotasks();

      const probe = backend.expectOne(`${BASE}/v2/cse/tkg/etcd/tags/list`);
      expect(probe.request.method).toBe('GET');
      expect(probe.request.headers.has('Authorization')).toBeFalse();
      registry.answer(probe);
      flushMicrotasks();
      registry.answer(backend.expectOne(`${BASE}/service/token?service=harbor-registry&scope=repository:cse/tkg/etcd:pull`));
      flushMicrotasks();
      const list = backend.expectOne(`${BASE}/v2/cse/tkg/etcd/tags/list`);
      expect(list.request.headers.get('Authorization')).toBe('Bearer token-1');
      registry.answer(list);
      flushMicrotasks();

      // The list tells presence, not the digest: that is a HEAD, sent only when asked for.
      expect(run.resultFor('etcd')).toEqual({ status: 'present', image: image(ETCD, 'etcd') });
      expect(run.done()).toEqual({ type: 'done', cancelled: false, partial: false, requests: 3 });
    }));

    it('with digests, HEADs the manifest as a cluster node pulls it', fakeAsync(() => {
      const digest = registry.push('cse/tkg/etcd', 'v3.5.7_vmware.6', OCI_MANIFEST);
      const run = check([image(ETCD, 'etcd')], { withDigests: true });
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
      const run = check(
        [
          image('cse/vmware-cloud-director/cluster-api-provider-cloud-director:v1.3.0', 'capvcd'),
          image('cse/vmware-cloud-director/sig-storage/csi-provisioner:v2.2.2', 'provisioner'),
          image('cse/tkg/kube-proxy:v1.27.5_vmware.1', 'proxy'),
        ],
        { withDigests: true },
      );
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

    it('finds an image by digest with a HEAD (a tag list holds no digests)', fakeAsync(() => {
      const digest = registry.push('cse/tkg/etcd', 'v3.5.7_vmware.6', OCI_MANIFEST);
      const run = check([{ id: 'pinned', repository: 'cse/tkg/etcd', reference: digest }]);
      answerAll(backend, registry);
      expect(run.resultFor('pinned')).toEqual(jasmine.objectContaining({ status: 'present', digest }));
      expect(registry.count('/tags/list')).toBe(0);
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
      // The anonymous probe (401) and the list itself; no HEAD.
      expect(registry.count('/tags/list')).toBe(2);
      expect(registry.count('/manifests/')).toBe(0);
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
        'GET /v2/cse/vmware-cloud-director/sig-storage/csi-resizer/tags/list',
        'GET /service/token?service=harbor-registry&scope=repository:cse/vmware-cloud-director/sig-storage/csi-resizer:pull',
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
      // The list is refused with the token; the HEAD (what a node sends) confirms it.
      const repository = 'private/vmware-cloud-director/cluster-api-provider-cloud-director';
      expect(registry.answered).toEqual([
        `GET /v2/${repository}/tags/list`,
        `GET /service/token?service=harbor-registry&scope=repository:${repository}:pull`,
        `GET /v2/${repository}/tags/list`,
        `HEAD /v2/${repository}/manifests/v1.3.0`,
      ]);
    }));

    it('reports a registry that offers no anonymous token (Basic auth only)', fakeAsync(() => {
      const run = check([image(ETCD, 'etcd')]);
      const basic = { status: 401, statusText: 'Unauthorized', headers: { 'WWW-Authenticate': 'Basic realm="registry"' } };
      flushMicrotasks();
      backend.expectOne(`${BASE}/v2/cse/tkg/etcd/tags/list`).flush('', basic);
      flushMicrotasks();
      backend.expectOne(`${BASE}/v2/cse/tkg/etcd/manifests/v3.5.7_vmware.6`).flush('', basic);
      flushMicrotasks();
      expect(run.resultFor('etcd')).toEqual(jasmine.objectContaining({ status: 'notPullableAnonymously', reason: 'noAnonymousToken' }));
    }));

    it('reports a token service that refuses anonymous callers', fakeAsync(() => {
      const run = check([image(ETCD, 'etcd')], { withDigests: true });
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
      registry.answer(backend.expectOne(`${BASE}/v2/cse/tkg/etcd/tags/list`));
      flushMicrotasks();
      registry.answer(backend.expectOne((request) => request.url.startsWith(`${BASE}/service/token`)));
      flushMicrotasks();
      backend.expectOne(`${BASE}/v2/cse/tkg/etcd/tags/list`).flush('', {
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
      const probe = backend.expectOne(`${extApi}/v2/cse/tkg/etcd/tags/list`);
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

  describe('tokens', () => {
    it('asks for one token per 50 repositories: 3 token requests for 120', fakeAsync(() => {
      const images = Array.from({ length: 120 }, (_, index) => image(`cse/synthetic/image-${index}:1.0.0`, String(index)));
      images.forEach((each) => registry.push(each.repository, each.reference));
      const run = check(images);
      answerAll(backend, registry);

      expect(registry.tokenRequests.map((scopes) => scopes.length)).toEqual([50, 50, 20]);
      expect(new Set(registry.tokenRequests.flat()).size).toBe(120);
      expect(countByStatus(run.results())).toEqual({ present: 120 });
      // One anonymous probe, three tokens, one tag list per repository.
      expect(run.done()?.requests).toBe(124);
    }));

    it('asks for no token from a registry that lets anyone pull', fakeAsync(() => {
      const run = check([image(ETCD, 'etcd'), image('cse/tkg/coredns:v1.10.1_vmware.7', 'coredns')]);
      flushMicrotasks();
      for (let round = 0; round < 2; round++) {
        for (const request of takeOpen(backend)) {
          request.flush(JSON.stringify({ tags: ['v3.5.7_vmware.6', 'v1.10.1_vmware.7'] }), { status: 200, statusText: 'OK' });
        }
        flushMicrotasks();
      }
      expect(countByStatus(run.results())).toEqual({ present: 2 });
      expect(run.done()?.requests).toBe(2);
    }));
  });
});
