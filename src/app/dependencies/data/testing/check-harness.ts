/*
 * Driving a presence check in a spec: answer what it asks (oldest first, so the peak of requests in
 * flight is true), and collect what it streams back.
 */
import { HttpTestingController, TestRequest } from '@angular/common/http/testing';
import { flushMicrotasks } from '@angular/core/testing';
import { Subscription } from 'rxjs';
import { CheckEvent, ImageToCheck, PresenceResult } from '../presence-check';

/** What answers requests: FakeOciRegistry, FakeHarbor. */
export interface RequestAnswerer {
  answer(request: TestRequest): void;
}

/** Requests the checker has open now (taken out of the controller), cancelled ones left aside. */
export function takeOpen(backend: HttpTestingController): TestRequest[] {
  return backend.match(() => true).filter((request) => !request.cancelled);
}

/**
 * Answers every request with `registry` until the checker stops asking (inside fakeAsync). One
 * request at a time, oldest first, so `maxOutstanding` is the true peak of requests in flight.
 */
export function answerAll(backend: HttpTestingController, registry: RequestAnswerer): { maxOutstanding: number } {
  const outstanding: TestRequest[] = [];
  let maxOutstanding = 0;
  for (;;) {
    flushMicrotasks();
    outstanding.push(...takeOpen(backend));
    maxOutstanding = Math.max(maxOutstanding, outstanding.length);
    const next = outstanding.shift();
    if (!next) return { maxOutstanding };
    registry.answer(next);
  }
}

export interface CollectedEvents {
  readonly events: CheckEvent[];
  readonly subscription: Subscription;
  results(): PresenceResult[];
  resultFor(id: string): PresenceResult | undefined;
  done(): Extract<CheckEvent, { type: 'done' }> | undefined;
}

export function collect(source: { subscribe: (observer: (event: CheckEvent) => void) => Subscription }): CollectedEvents {
  const events: CheckEvent[] = [];
  const subscription = source.subscribe((event) => events.push(event));
  const results = (): PresenceResult[] => events.flatMap((event) => (event.type === 'result' ? [event.result] : []));
  return {
    events,
    subscription,
    results,
    resultFor: (id) => results().find((result) => result.image.id === id),
    done: () => events.find((event): event is Extract<CheckEvent, { type: 'done' }> => event.type === 'done'),
  };
}

export function image(reference: string, id = reference): ImageToCheck {
  const at = reference.lastIndexOf('@');
  const colon = at >= 0 ? at : reference.lastIndexOf(':');
  return { id, repository: reference.slice(0, colon), reference: reference.slice(colon + 1) };
}

/** Counts per status, for one-line assertions. */
export function countByStatus(results: readonly PresenceResult[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const result of results) counts[result.status] = (counts[result.status] ?? 0) + 1;
  return counts;
}
