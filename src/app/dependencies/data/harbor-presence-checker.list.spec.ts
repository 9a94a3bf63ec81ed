// The Harbor checker's repository list: every page is read, and each repository's listing leaves
// as soon as a page names it, the list's next page ahead of them (docs/architecture.md).
import { HttpTestingController, TestRequest } from '@angular/common/http/testing';
import { fakeAsync, flushMicrotasks } from '@angular/core/testing';
import { FakeHarbor, answerAll, countByStatus, image, takeOpen } from './testing/fake-registries';
import { HARBOR_BASE, HarborCheckerBed, harborCheckerBed } from './testing/harbor-checker-bed';

const BASE = HARBOR_BASE;
const ARTIFACTS_PAGE_1 = '/artifacts?with_tag=true&page=1&page_size=100';

/** A request's path after the project: `''` for the project, `/repositories?page=2…`, `/repositories/<name>/artifacts…`. */
function pathOf({ request }: TestRequest): string {
  return request.url.slice(`${BASE}/api/v2.0/projects/cse`.length);
}

describe('HarborPresenceChecker repository list', () => {
  let backend: HttpTestingController;
  let harbor: FakeHarbor;
  let check: HarborCheckerBed['check'];

  beforeEach(() => ({ backend, registry: harbor, check } = harborCheckerBed()));

  afterEach(() => backend.verify({ ignoreCancelled: true }));

  it('reads every page of the repository list', fakeAsync(() => {
    for (let index = 0; index < 150; index++) harbor.push(`cse/synthetic/image-${index}`, '1.0.0');
    harbor.push('cse/elsewhere/etcd', 'v3.5.7_vmware.6');
    const run = check([image('cse/tkg/etcd:v3.5.7_vmware.6', 'etcd')]);
    answerAll(backend, harbor);
    expect(harbor.count('/repositories?page=')).toBe(2);
    expect(run.resultFor('etcd')).toEqual(jasmine.objectContaining({ status: 'repositoryMissing', elsewhere: ['cse/elsewhere/etcd'] }));
  }));

  it('lists a repository as soon as a page of the list names it, the next page sent ahead of those listings', fakeAsync(() => {
    const name = (index: number): string => `cse/synthetic/image-${String(index).padStart(3, '0')}`;
    for (let index = 0; index < 150; index++) harbor.push(name(index), '1.0.0');
    const onFirstPage = Array.from({ length: 10 }, (_, index) => image(`${name(index)}:1.0.0`, `first-${index}`));
    const run = check([...onFirstPage, image(`${name(140)}:1.0.0`, 'second')]);
    flushMicrotasks();
    const first = takeOpen(backend);
    expect(first.map(pathOf)).toEqual(['', '/repositories?page=1&page_size=100']);
    first.forEach((request) => harbor.answer(request));
    flushMicrotasks();

    // Page 2 is on its way, and so are the listings of repositories page 1 named, up to the 6 slots.
    const second = takeOpen(backend);
    expect(second.map(pathOf)).toEqual([
      '/repositories?page=2&page_size=100',
      ...[0, 1, 2, 3, 4].map((index) => `/repositories/synthetic%252Fimage-00${index}${ARTIFACTS_PAGE_1}`),
    ]);
    second.forEach((request) => harbor.answer(request));
    answerAll(backend, harbor);
    expect(countByStatus(run.results())).toEqual({ present: 11 });
    expect(run.done()?.requests).toBe(3 + 11);
  }));
  it('sends a later page of the list before the listings waiting for a slot', fakeAsync(() => {
    const name = (index: number): string => `cse/synthetic/image-${String(index).padStart(3, '0')}`;
    for (let index = 0; index < 250; index++) harbor.push(name(index), '1.0.0');
    const run = check(Array.from({ length: 20 }, (_, index) => image(`${name(index)}:1.0.0`, String(index))));
    flushMicrotasks();
    takeOpen(backend).forEach((request) => harbor.answer(request));
    flushMicrotasks();
    const [page2, ...listings] = takeOpen(backend);
    expect(page2 ? pathOf(page2) : undefined).toBe('/repositories?page=2&page_size=100');
    expect(listings.length).toBe(5);

    // Page 2's slot goes to the listing first in line; page 3 waits, ahead of the other 14.
    if (page2) harbor.answer(page2);
    flushMicrotasks();
    const sixth = takeOpen(backend);
    expect(sixth.map(pathOf)).toEqual([`/repositories/synthetic%252Fimage-005${ARTIFACTS_PAGE_1}`]);
    const [firstListing, ...otherListings] = listings;
    if (firstListing) harbor.answer(firstListing);
    flushMicrotasks();
    const page3 = takeOpen(backend);
    expect(page3.map(pathOf)).toEqual(['/repositories?page=3&page_size=100']);

    [...otherListings, ...sixth, ...page3].forEach((request) => harbor.answer(request));
    answerAll(backend, harbor);
    expect(countByStatus(run.results())).toEqual({ present: 20 });
    expect(run.done()?.requests).toBe(4 + 20);
  }));
});
