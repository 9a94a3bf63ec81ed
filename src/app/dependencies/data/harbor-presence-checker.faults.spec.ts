import { HttpTestingController } from '@angular/common/http/testing';
import { fakeAsync } from '@angular/core/testing';
import { FakeHarbor, HOSTILE_TOTAL_COUNT, answerAll, image } from './testing/fake-registries';
import { HarborCheckerBed, harborCheckerBed } from './testing/harbor-checker-bed';

describe('HarborPresenceChecker against a hostile Harbor', () => {
  let backend: HttpTestingController;
  let harbor: FakeHarbor;
  let check: HarborCheckerBed['check'];

  beforeEach(() => ({ backend, registry: harbor, check } = harborCheckerBed()));

  afterEach(() => backend.verify({ ignoreCancelled: true }));

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
