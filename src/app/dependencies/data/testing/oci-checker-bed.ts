/* The OCI checker's specs share one test bed: the checker, Angular's HTTP controller and a fake registry at BASE. */
import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideVcdTesting } from '../../../vcd/testing/vcd-testing';
import { OciPresenceChecker } from '../oci-presence-checker';
import { CheckOptions, ImageToCheck } from '../presence-check';
import { CollectedEvents, collect } from './check-harness';
import { FakeOciRegistry } from './fake-registries';

export const OCI_BASE = 'https://registry.example.com';

export interface OciCheckerBed {
  readonly backend: HttpTestingController;
  readonly checker: OciPresenceChecker;
  /** A registry whose project `private` answers 401 to anonymous requests. */
  readonly registry: FakeOciRegistry;
  /** Checks `images` in project `cse` of OCI_BASE and collects what the check streams back. */
  readonly check: (images: ImageToCheck[], options?: Partial<CheckOptions>) => CollectedEvents;
}

/** Call in beforeEach. */
export function ociCheckerBed(): OciCheckerBed {
  TestBed.configureTestingModule({ providers: [...provideVcdTesting(), OciPresenceChecker] });
  const checker = TestBed.inject(OciPresenceChecker);
  return {
    backend: TestBed.inject(HttpTestingController),
    checker,
    registry: new FakeOciRegistry({ base: OCI_BASE, privateProjects: ['private'] }),
    check: (images, options = {}) => collect(checker.check(images, { access: { baseUrl: OCI_BASE, project: 'cse' }, ...options })),
  };
}
