/* The Harbor checker's specs share one test bed: the checker, Angular's HTTP controller and a fake Harbor behind /ext-api at HARBOR_BASE. */
import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideVcdTesting } from '../../../vcd/testing/vcd-testing';
import { HarborPresenceChecker } from '../harbor-presence-checker';
import { CheckOptions, ImageToCheck } from '../presence-check';
import { CollectedEvents, collect } from './check-harness';
import { FakeHarbor } from './fake-registries';

export const HARBOR_BASE = 'https://vcd.example.com/ext-api/cseairgap-harbor';

export interface HarborCheckerBed {
  readonly backend: HttpTestingController;
  /** A Harbor whose project `private` answers 401 to anonymous requests. */
  readonly harbor: FakeHarbor;
  /** Checks `images` in project `cse` of HARBOR_BASE and collects what the check streams back. */
  readonly check: (images: ImageToCheck[], options?: Partial<CheckOptions>) => CollectedEvents;
}

/** Call in beforeEach. */
export function harborCheckerBed(): HarborCheckerBed {
  TestBed.configureTestingModule({ providers: [...provideVcdTesting(), HarborPresenceChecker] });
  const checker = TestBed.inject(HarborPresenceChecker);
  return {
    backend: TestBed.inject(HttpTestingController),
    harbor: new FakeHarbor({ base: HARBOR_BASE, privateProjects: ['private'] }),
    check: (images, options = {}) => collect(checker.check(images, { access: { baseUrl: HARBOR_BASE, project: 'cse' }, ...options })),
  };
}
