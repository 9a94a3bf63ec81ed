import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed, fakeAsync } from '@angular/core/testing';
import { provideVcdTesting } from '../../vcd/testing/vcd-testing';
import { HarborPresenceChecker } from './harbor-presence-checker';
import { ImageToCheck } from './presence-check';
import { FakeHarbor, HOSTILE_TOTAL_COUNT, answerAll, collect, image } from './testing/fake-registries';

const BASE = 'https://vcd.example.com/ext-api/cseairgap-harbor';

describe('HarborPresenceChecker against a hostile Harbor', () => {
  let backend: HttpTestingController;
  let checker: HarborPresenceChecker;
  let harbor: FakeHarbor;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [...provideVcdTesting(), HarborPresenceChecker] });
    backend = TestBed.inject(HttpTestingController);
    checker = TestBed.inject(HarborPresenceChecker);
    harbor = new FakeHarbor({ base: BASE });
  });

  afterEach(() => backend.verify({ ignoreCancelled: true }));

  function check(images: ImageToCheck[]): ReturnType<typeof collect> {
    return collect(checker.check(images, { access: { baseUrl: BASE, project: 'cse' } }));
  }

  it('reads 20 pages at most of listings that claim 10^12 items and never end, then asks for each image by reference', fakeAsync(() => {
    const digest = harbor.push('cse/tkg/kube-proxy', 'v1.27.5_vmware.1');
    harbor.totalCount = HOSTILE_TOTAL_COUNT;
    harbor.endlessListings = true;
    const run = check([image('cse/tkg/kube-proxy:v1.27.5_vmware.1', 'there'), image('cse/tkg/kube-proxy:v9.9.9', 'absent')]);
    answerAll(backend, harbor);

    expect(harbor.count('/repositories?page=')).toBe(20);
    expect(harbor.count('/artifacts?with_tag=true&page=')).toBe(20);
    expect(harbor.answered.filter((line) => line.includes('/artifacts/'))).toEqual([
      'GET /api/v2.0/projects/cse/repositories/tkg%252Fkube-proxy/artifacts/v1.27.5_vmware.1?with_tag=true',
      'GET /api/v2.0/projects/cse/repositories/tkg%252Fkube-proxy/artifacts/v9.9.9?with_tag=true',
    ]);
    expect(run.resultFor('there')).toEqual(jasmine.objectContaining({ status: 'present', digest }));
    expect(run.resultFor('absent')?.status).toBe('missing');
    expect(run.done()).toEqual({ type: 'done', cancelled: false, partial: false, requests: 43 });
  }));

  it('stops at a short page whatever X-Total-Count claims', fakeAsync(() => {
    for (let index = 0; index < 250; index++) harbor.push('cse/tkg/kube-proxy', `v1.0.${index}`);
    harbor.totalCount = HOSTILE_TOTAL_COUNT;
    const run = check([image('cse/tkg/kube-proxy:1.0.249', 'late')]);
    answerAll(backend, harbor);
    expect(harbor.count('/artifacts?')).toBe(3);
    expect(run.resultFor('late')).toEqual(jasmine.objectContaining({ status: 'missing', nearMiss: 'v1.0.249' }));
  }));
});
