/*
 * The request plans answer alike: the OCI checker's per-repository plan (one tag list per
 * repository), its per-image plan (a HEAD for every image, `withDigests`) and the Harbor checker
 * (one artifact listing per repository) run over the same registry content, and every image gets
 * the same status, reason and near miss — only the number of requests differs.
 */
import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed, fakeAsync } from '@angular/core/testing';
import { provideVcdTesting } from '../../vcd/testing/vcd-testing';
import { HarborPresenceChecker } from './harbor-presence-checker';
import { OciPresenceChecker } from './oci-presence-checker';
import { CheckOptions, ImageToCheck, MAX_LISTING_PAGES, PresenceChecker, PresenceResult } from './presence-check';
import {
  DOCKER_LIST,
  FakeHarbor,
  FakeOciRegistry,
  FakeStore,
  OCI_INDEX,
  SANDBOX_421,
  answerAll,
  collect,
  image,
  seed,
} from './testing/fake-registries';

const BASE = 'https://registry.example.com';

/** What a user sees of a result; digests and media types only come with a HEAD or a Harbor listing. */
function seen(result: PresenceResult): Record<string, unknown> {
  const { image: checked, ...rest } = result;
  if (rest.status === 'present') return { id: checked.id, status: rest.status };
  if (rest.status === 'repositoryMissing') return { id: checked.id, status: rest.status };
  return { id: checked.id, ...rest };
}

/** The same content in both fakes: the sandbox seed, a TKG-like repository, a long one, digests, a private project. */
function fill(store: FakeStore & { tagPageSize?: number }): ImageToCheck[] {
  seed(store, SANDBOX_421.held);
  const releases = ['v1.25.13_vmware.1', 'v1.26.8_vmware.1', 'v1.27.5_vmware.1', 'v1.28.4_vmware.1'];
  releases.forEach((tag) => store.push('cse/tkg/kube-apiserver', tag));
  Array.from({ length: 2 * MAX_LISTING_PAGES + 3 }, (_, index) => `1.${index}.0`).forEach((tag) => store.push('cse/long/history', tag));
  store.push('cse/pinned/app', '2.0.0', OCI_INDEX, `sha256:${'ab'.repeat(32)}`);
  store.push('cse/pinned/list', '1.0.0', DOCKER_LIST, `sha256:${'cd'.repeat(32)}`);
  store.tagPageSize = 2;
  return [
    ...SANDBOX_421.wanted.map((reference) => image(reference)),
    ...['v1.26.8_vmware.1', 'v1.26.8_vmware.2', 'v1.27.5_vmware.1', 'v1.29.0_vmware.1', 'V1.28.4_vmware.1'].map((tag) =>
      image(`cse/tkg/kube-apiserver:${tag}`),
    ),
    ...['1.0.0', `1.${2 * MAX_LISTING_PAGES + 2}.0`, '1.99.0', 'v1.1.0'].map((tag) => image(`cse/long/history:${tag}`)),
    image(`cse/pinned/app@sha256:${'ab'.repeat(32)}`),
    image(`cse/pinned/app@sha256:${'ef'.repeat(32)}`),
    image(`cse/pinned/list@sha256:${'cd'.repeat(32)}`),
    image(`cse/nowhere/app@sha256:${'ab'.repeat(32)}`),
    image('private/vmware-cloud-director/cluster-api-provider-cloud-director:v1.3.0'),
  ];
}

describe('request plans', () => {
  let backend: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [...provideVcdTesting(), OciPresenceChecker, HarborPresenceChecker] });
    backend = TestBed.inject(HttpTestingController);
  });

  afterEach(() => backend.verify({ ignoreCancelled: true }));

  function run(checker: PresenceChecker, store: FakeStore, images: ImageToCheck[], options: Partial<CheckOptions> = {}) {
    const collected = collect(checker.check(images, { access: { baseUrl: BASE, project: 'cse' }, ...options }));
    answerAll(backend, store);
    const byId = new Map(collected.results().map((result) => [result.image.id, result]));
    return { results: images.map((each) => byId.get(each.id)), requests: collected.done()?.requests ?? 0 };
  }

  it('per repository and per image, the OCI checker gives every image the same answer', fakeAsync(() => {
    const oldRegistry = new FakeOciRegistry({ base: BASE, privateProjects: ['private'] });
    const newRegistry = new FakeOciRegistry({ base: BASE, privateProjects: ['private'] });
    const images = fill(oldRegistry);
    fill(newRegistry);
    const checker = TestBed.inject(OciPresenceChecker);

    const perImage = run(checker, oldRegistry, images, { withDigests: true });
    const perRepository = run(checker, newRegistry, images);

    expect(perRepository.results.map((result) => result && seen(result))).toEqual(perImage.results.map((result) => result && seen(result)));
    // Digest-pinned images are HEADed in both plans: same digest, same kind.
    for (const id of images.filter((each) => each.reference.startsWith('sha256:')).map((each) => each.id)) {
      expect(perRepository.results.find((result) => result?.image.id === id)).toEqual(
        perImage.results.find((result) => result?.image.id === id),
      );
    }
    expect(perRepository.requests).toBeLessThan(perImage.requests);
    expect(newRegistry.count('HEAD ')).toBeLessThan(oldRegistry.count('HEAD '));
  }));

  it('Harbor listings give the statuses and near misses the OCI tag lists give', fakeAsync(() => {
    const registry = new FakeOciRegistry({ base: BASE, privateProjects: ['private'] });
    const harbor = new FakeHarbor({ base: BASE, privateProjects: ['private'] });
    const images = fill(registry);
    fill(harbor);

    const oci = run(TestBed.inject(OciPresenceChecker), registry, images);
    const rest = run(TestBed.inject(HarborPresenceChecker), harbor, images);

    // Harbor also says where a missing repository is (`elsewhere`), names a private project as the reason, and lists
    // every tag of a repository whose tag list was too long to page through: compare statuses and near misses.
    const core = (result: PresenceResult | undefined): unknown =>
      result && { id: result.image.id, status: result.status, ...(result.status === 'missing' ? { nearMiss: result.nearMiss } : {}) };
    expect(rest.results.map(core)).toEqual(oci.results.map(core));
  }));
});
