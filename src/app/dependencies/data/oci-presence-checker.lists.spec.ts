// The OCI checker's tag lists: one per repository decides every image in it, and what a list
// cannot tell (past the pages it may read, a body that is no list) is HEADed.
import { HttpTestingController } from '@angular/common/http/testing';
import { fakeAsync, flushMicrotasks } from '@angular/core/testing';
import { MAX_LISTING_PAGES } from './presence-check';
import { FakeOciRegistry, OCI_MANIFEST, SANDBOX_421, answerAll, countByStatus, image, seed } from './testing/fake-registries';
import { OCI_BASE, OciCheckerBed, ociCheckerBed } from './testing/oci-checker-bed';

const BASE = OCI_BASE;
const ETCD = 'cse/tkg/etcd:v3.5.7_vmware.6';

describe('OciPresenceChecker tag lists', () => {
  let backend: HttpTestingController;
  let registry: FakeOciRegistry;
  let check: OciCheckerBed['check'];

  beforeEach(() => ({ backend, registry, check } = ociCheckerBed()));

  afterEach(() => backend.verify({ ignoreCancelled: true }));

  describe('when a repository holds many of the images (TKG: one tag per Kubernetes release)', () => {
    const wanted = ['v1.27.5_vmware.1', 'v1.28.4_vmware.1', 'v1.26.8_vmware.2', 'v1.25.13_vmware.1'];
    beforeEach(() =>
      ['v1.27.5_vmware.1', 'v1.28.4_vmware.1', 'v1.26.8_vmware.1'].forEach((tag) => registry.push('cse/tkg/kube-apiserver', tag)),
    );

    it('decides every image from its one tag list', fakeAsync(() => {
      const run = check(wanted.map((tag) => image(`cse/tkg/kube-apiserver:${tag}`, tag)));
      answerAll(backend, registry);

      expect(countByStatus(run.results())).toEqual({ present: 2, missing: 2 });
      expect(run.resultFor('v1.26.8_vmware.2')).toEqual(jasmine.objectContaining({ status: 'missing', nearMiss: 'v1.26.8_vmware.1' }));
      // The tag list is also the anonymous probe (401), then sent again with the token.
      expect(registry.count('/tags/list')).toBe(2);
      expect(registry.count('/manifests/')).toBe(0);
      expect(run.done()?.requests).toBe(3);
    }));

    it('with digests, reads the list first and HEADs only the listed tags', fakeAsync(() => {
      const run = check(
        wanted.map((tag) => image(`cse/tkg/kube-apiserver:${tag}`, tag)),
        { withDigests: true },
      );
      answerAll(backend, registry);

      expect(countByStatus(run.results())).toEqual({ present: 2, missing: 2 });
      expect(run.results().filter((result) => result.status === 'present' && result.digest !== undefined).length).toBe(2);
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

  describe('when a tag list cannot answer', () => {
    it('HEADs the tags it did not see when the list is longer than the pages it may read', fakeAsync(() => {
      const held = Array.from({ length: MAX_LISTING_PAGES + 1 }, (_, index) => `v1.${index}.0`);
      held.forEach((tag) => registry.push('cse/tkg/kube-proxy', tag));
      registry.tagPageSize = 1;
      const run = check(['v1.0.0', `v1.${MAX_LISTING_PAGES}.0`, 'v9.9.9'].map((tag) => image(`cse/tkg/kube-proxy:${tag}`, tag)));
      answerAll(backend, registry);
      expect(countByStatus(run.results())).toEqual({ present: 2, missing: 1 });
      // The first page was listed; the tag on the page after the cap and the missing one are HEADed.
      expect(registry.count('/tags/list')).toBe(1 + MAX_LISTING_PAGES);
      expect(registry.count('/manifests/')).toBe(2);
    }));

    it('HEADs every image of a repository whose list is not a list', fakeAsync(() => {
      const run = check([image(ETCD, 'etcd')]);
      flushMicrotasks();
      backend.expectOne(`${BASE}/v2/cse/tkg/etcd/tags/list`).flush('<html>maintenance</html>', { status: 200, statusText: 'OK' });
      flushMicrotasks();
      backend
        .expectOne(`${BASE}/v2/cse/tkg/etcd/manifests/v3.5.7_vmware.6`)
        .flush('', { status: 200, statusText: 'OK', headers: { 'Docker-Content-Digest': 'sha256:aa', 'Content-Type': OCI_MANIFEST } });
      flushMicrotasks();
      expect(run.resultFor('etcd')).toEqual(jasmine.objectContaining({ status: 'present', digest: 'sha256:aa' }));
    }));
  });

  describe('the sandbox seed (CSE 4.2.1)', () => {
    it('finds exactly the seeded gaps in 20 requests: one per repository, a probe and a token', fakeAsync(() => {
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
      // 1 probe + 1 token (18 repositories) + 18 tag lists.
      expect(registry.tokenRequests.length).toBe(1);
      expect(run.done()).toEqual({ type: 'done', cancelled: false, partial: false, requests: 20 });
      // Results stream as they arrive, each followed by the progress so far.
      const progress = run.events.filter((event) => event.type === 'progress');
      expect(progress.length).toBe(19);
      expect(progress[0]).toEqual({ type: 'progress', done: 0, total: 18, requests: 0 });
      expect(progress.at(-1)).toEqual({ type: 'progress', done: 18, total: 18, requests: 20 });
      expect(run.events.map((event) => event.type).slice(1, 5)).toEqual(['result', 'progress', 'result', 'progress']);
    }));

    it('with digests, finds the same gaps in 24 requests (a HEAD per image, a list per image not found)', fakeAsync(() => {
      seed(registry, SANDBOX_421.held);
      const run = check(
        SANDBOX_421.wanted.map((reference) => image(reference)),
        { withDigests: true },
      );
      answerAll(backend, registry);
      expect(countByStatus(run.results())).toEqual({ present: 14, missing: 2, repositoryMissing: 2 });
      expect(run.done()).toEqual({ type: 'done', cancelled: false, partial: false, requests: 24 });
    }));
  });
});
