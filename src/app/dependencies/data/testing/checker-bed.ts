/* The checkers' specs share one test bed: a checker, Angular's HTTP controller and a fake registry at a base URL. */
import { HttpTestingController } from '@angular/common/http/testing';
import { Type } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideVcdTesting } from '../../../vcd/testing/vcd-testing';
import { CheckOptions, ImageToCheck, PresenceChecker } from '../presence-check';
import { CollectedEvents, collect } from './check-harness';

export interface CheckerBed<C extends PresenceChecker, R> {
  readonly backend: HttpTestingController;
  readonly checker: C;
  /** A registry whose project `private` answers 401 to anonymous requests. */
  readonly registry: R;
  /** Checks `images` in project `cse` of the base and collects what the check streams back. */
  readonly check: (images: ImageToCheck[], options?: Partial<CheckOptions>) => CollectedEvents;
}

/** Call in beforeEach. */
export function checkerBed<C extends PresenceChecker, R>(checkerType: Type<C>, baseUrl: string, registry: R): CheckerBed<C, R> {
  TestBed.configureTestingModule({ providers: [...provideVcdTesting(), checkerType] });
  const checker = TestBed.inject(checkerType);
  return {
    backend: TestBed.inject(HttpTestingController),
    checker,
    registry,
    check: (images, options = {}) => collect(checker.check(images, { access: { baseUrl, project: 'cse' }, ...options })),
  };
}
