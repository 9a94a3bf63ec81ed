import { HttpTestingController } from '@angular/common/http/testing';
import { fakeAsync, flushMicrotasks, tick } from '@angular/core/testing';
import { Subject } from 'rxjs';
import { CheckFailure } from './presence-check';
import { FakeOciRegistry, OCI_MANIFEST, answerAll, countByStatus, image, takeOpen } from './testing/fake-registries';
import { OCI_BASE, OciCheckerBed, ociCheckerBed } from './testing/oci-checker-bed';

const BASE = OCI_BASE;
const ETCD = 'cse/tkg/etcd:v3.5.7_vmware.6';

describe('OciPresenceChecker under load and faults', () => {
  let backend: HttpTestingController;
  let registry: FakeOciRegistry;
  let check: OciCheckerBed['check'];

  beforeEach(() => ({ backend, registry, check } = ociCheckerBed()));

  afterEach(() => backend.verify({ ignoreCancelled: true }));

  describe('when the registry struggles', () => {
    it('retries a 5xx with backoff and then reports what it finds', fakeAsync(() => {
      registry.push('cse/tkg/etcd', 'v3.5.7_vmware.6', OCI_MANIFEST);
      const run = check([image(ETCD, 'etcd')]);
      flushMicrotasks();
      backend.expectOne(`${BASE}/v2/cse/tkg/etcd/tags/list`).flush('', { status: 503, statusText: 'Unavailable' });
      flushMicrotasks();
      expect(takeOpen(backend)).toEqual([]);
      tick(250);
      answerAll(backend, registry);
      expect(run.resultFor('etcd')?.status).toBe('present');
      expect(run.done()?.requests).toBe(4);
    }));

    it('waits as long as a 429 Retry-After says', fakeAsync(() => {
      registry.push('cse/tkg/etcd', 'v3.5.7_vmware.6', OCI_MANIFEST);
      const run = check([image(ETCD, 'etcd')]);
      flushMicrotasks();
      backend
        .expectOne(`${BASE}/v2/cse/tkg/etcd/tags/list`)
        .flush('', { status: 429, statusText: 'Too Many Requests', headers: { 'Retry-After': '2' } });
      tick(1999);
      expect(takeOpen(backend)).toEqual([]);
      tick(1);
      answerAll(backend, registry);
      expect(run.resultFor('etcd')?.status).toBe('present');
    }));

    it('gives up after 3 retries of a 5xx', fakeAsync(() => {
      const run = check([image(ETCD, 'etcd')]);
      for (let attempt = 0; attempt < 4; attempt++) {
        flushMicrotasks();
        backend.expectOne(`${BASE}/v2/cse/tkg/etcd/tags/list`).flush('', { status: 502, statusText: 'Bad Gateway' });
        tick(10_000);
      }
      expect(run.resultFor('etcd')).toEqual(jasmine.objectContaining({ failure: { kind: 'tooManyRetries', status: 502, attempts: 4 } }));
      expect(run.done()).toEqual(jasmine.objectContaining({ partial: true, requests: 4 }));
    }));

    it('cuts a request off after the timeout and reports it', fakeAsync(() => {
      const run = check([image(ETCD, 'etcd')], { timeoutSeconds: 3 });
      flushMicrotasks();
      const hanging = backend.expectOne(`${BASE}/v2/cse/tkg/etcd/tags/list`);
      tick(2999);
      expect(run.results()).toEqual([]);
      tick(1);
      expect(hanging.cancelled).toBeTrue();
      expect(run.resultFor('etcd')).toEqual(jasmine.objectContaining({ status: 'error', failure: { kind: 'timeout', seconds: 3 } }));
      expect(run.done()).toEqual(jasmine.objectContaining({ cancelled: false, partial: true }));
    }));

    it('stops a check whose registry is gone: resets retried, then the rest is not checked', fakeAsync(() => {
      const images = Array.from({ length: 10 }, (_, index) => image(`cse/synthetic/image-${index}:1.0.0`, String(index)));
      const run = check(images, { stopAfterFailures: 3 });
      while (!run.done()) {
        flushMicrotasks();
        takeOpen(backend).forEach((request) => request.error(new ProgressEvent('error')));
        tick(2_000); // the longest backoff step, well under the timeout
      }
      expect(countByStatus(run.results())).toEqual({ error: 10 });
      const failures = run.results().map((result) => (result.status === 'error' ? result.failure.kind : result.status));
      expect(failures.filter((kind) => kind === 'unreachable').length).toBe(3);
      expect(failures.filter((kind) => kind === 'notChecked').length).toBe(7);
      expect(run.done()).toEqual({ type: 'done', cancelled: false, partial: true, requests: 12 });
    }));
  });

  describe('when the registry is hostile', () => {
    const MiB = 1_048_576;
    const etcd = ['v3.5.6_vmware.1', 'v3.5.7_vmware.6', 'v3.5.9_vmware.2'].map((tag) => image(`cse/tkg/etcd:${tag}`, tag));

    it('refuses a WWW-Authenticate over 64 KiB unread, and says so on each image', fakeAsync(() => {
      registry.push('cse/tkg/etcd', 'v3.5.7_vmware.6');
      const challenge = `Bearer realm="${BASE}/service/token",service="harbor-registry"${' '.repeat(MiB)}`;
      registry.wwwAuthenticate = challenge;
      const run = check([image(ETCD, 'etcd'), image('cse/tkg/coredns:v1.10.1_vmware.7', 'coredns')]);
      answerAll(backend, registry);
      const refused: CheckFailure = { kind: 'headerTooLarge', header: 'WWW-Authenticate', size: challenge.length, max: 65_536 };
      expect(run.results().map((result) => (result.status === 'error' ? result.failure : result.status))).toEqual([refused, refused]);
      expect(registry.tokenRequests).toEqual([]);
    }));

    it("refuses a tag list's Link over 64 KiB unread, and says so on the images that needed the list", fakeAsync(() => {
      etcd.forEach((each) => registry.push(each.repository, each.reference));
      registry.tagListLink = `</v2/cse/tkg/etcd/tags/list?last=v3&n=100>; rel="next"${' '.repeat(MiB)}`;
      const run = check(etcd);
      answerAll(backend, registry);
      expect(countByStatus(run.results())).toEqual({ error: 3 });
      expect(run.results()[0]).toEqual(
        jasmine.objectContaining({ failure: jasmine.objectContaining({ kind: 'headerTooLarge', header: 'Link' }) }),
      );
      // The first answer is the 401 that asks for a token; the list with the Link comes next, and nothing after it.
      expect(registry.count('/tags/list')).toBe(2);
    }));

    it('follows next pages of a tag list 20 times at most, then HEADs the tags it did not see', fakeAsync(() => {
      etcd.forEach((each) => registry.push(each.repository, each.reference));
      registry.endlessTagPages = true;
      const run = check(etcd);
      answerAll(backend, registry);
      // A 401 that asks for a token, then 20 pages.
      expect(registry.count('/tags/list')).toBe(21);
      expect(registry.count('/manifests/')).toBe(3);
      expect(countByStatus(run.results())).toEqual({ present: 3 });
    }));
  });

  describe('limits', () => {
    it('never has more requests in flight than the concurrency, tokens included', fakeAsync(() => {
      const images = Array.from({ length: 60 }, (_, index) =>
        image(`cse/synthetic/image-${index % 55}:${index < 55 ? '1.0.0' : '2.0.0'}`, String(index)),
      );
      images.slice(0, 40).forEach((each) => registry.push(each.repository, each.reference));
      const run = check(images);
      const { maxOutstanding } = answerAll(backend, registry);
      expect(maxOutstanding).toBe(6);
      expect(run.results().length).toBe(60);
    }));

    it('raises the limit once the first answer came over HTTP/2 (one multiplexed connection)', fakeAsync(() => {
      const images = Array.from({ length: 80 }, (_, index) => image(`cse/synthetic/image-${index}:1.0.0`, String(index)));
      images.forEach((each) => registry.push(each.repository, each.reference));
      const asked: string[] = [];
      const run = check(images, { protocolOf: (url) => (asked.push(url), 'h2') });
      const { maxOutstanding } = answerAll(backend, registry);
      expect(maxOutstanding).toBe(24);
      expect(asked.length).toBe(1);
      expect(countByStatus(run.results())).toEqual({ present: 80 });
    }));

    it('learns HTTP/2 from a later answer when the browser had not recorded the first ones yet', fakeAsync(() => {
      const images = Array.from({ length: 80 }, (_, index) => image(`cse/synthetic/image-${index}:1.0.0`, String(index)));
      images.forEach((each) => registry.push(each.repository, each.reference));
      let asked = 0;
      check(images, { protocolOf: () => (++asked > 2 ? 'h2' : undefined) });
      expect(answerAll(backend, registry).maxOutstanding).toBe(24);
      expect(asked).toBe(3);
    }));

    it('keeps the HTTP/1.1 limit when the browser reports http/1.1', fakeAsync(() => {
      const images = Array.from({ length: 40 }, (_, index) => image(`cse/synthetic/image-${index}:1.0.0`, String(index)));
      images.forEach((each) => registry.push(each.repository, each.reference));
      check(images, { protocolOf: () => 'http/1.1' });
      expect(answerAll(backend, registry).maxOutstanding).toBe(6);
    }));

    it('honours a smaller concurrency', fakeAsync(() => {
      const images = Array.from({ length: 12 }, (_, index) => image(`cse/synthetic/image-${index}:1.0.0`, String(index)));
      const run = check(images, { concurrency: 2 });
      const { maxOutstanding } = answerAll(backend, registry);
      expect(maxOutstanding).toBe(2);
      expect(countByStatus(run.results())).toEqual({ repositoryMissing: 12 });
    }));

    it('sends nothing for an invalid repository or reference', fakeAsync(() => {
      const run = check([
        { id: 'shell', repository: 'cse/tkg/etcd', reference: 'v1;rm -rf /' },
        { id: 'upper', repository: 'cse/TKG/etcd', reference: 'v1' },
        { id: 'url', repository: 'https://evil.example.com/x', reference: 'v1' },
        { id: 'noProject', repository: 'etcd', reference: 'v1' },
      ]);
      flushMicrotasks();
      expect(countByStatus(run.results())).toEqual({ error: 4 });
      expect(run.results().every((result) => result.status === 'error' && result.failure.kind === 'invalidReference')).toBeTrue();
      expect(run.done()?.requests).toBe(0);
    }));
  });

  describe('cancellation', () => {
    it('aborts every request in flight when unsubscribed and sends no more', fakeAsync(() => {
      const images = Array.from({ length: 20 }, (_, index) => image(`cse/synthetic/image-${index}:1.0.0`, String(index)));
      const run = check(images);
      flushMicrotasks();
      registry.answer(backend.expectOne(`${BASE}/v2/cse/synthetic/image-0/tags/list`));
      flushMicrotasks();
      registry.answer(backend.expectOne((request) => request.url.includes('/service/token')));
      flushMicrotasks();
      const inFlight = backend.match(() => true);
      expect(inFlight.length).toBe(6);

      run.subscription.unsubscribe();
      expect(inFlight.every((request) => request.cancelled)).toBeTrue();
      tick(60_000);
      expect(backend.match(() => true)).toEqual([]);
      expect(run.done()).toBeUndefined();
    }));

    it('ends with done {cancelled} when asked to cancel', fakeAsync(() => {
      const cancel = new Subject<void>();
      const images = Array.from({ length: 20 }, (_, index) => image(`cse/synthetic/image-${index}:1.0.0`, String(index)));
      const run = check(images, { cancel });
      flushMicrotasks();
      const probe = backend.expectOne(`${BASE}/v2/cse/synthetic/image-0/tags/list`);
      cancel.next();
      expect(probe.cancelled).toBeTrue();
      expect(run.done()).toEqual({ type: 'done', cancelled: true, partial: true, requests: 1 });
      tick(60_000);
      expect(backend.match(() => true)).toEqual([]);
    }));
  });
});
