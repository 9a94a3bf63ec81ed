import { NgZone } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Observable, Subject, defer, of, throwError } from 'rxjs';
import { ParsedRegistryUrl, validateRegistryUrl } from '../../registry/domain';
import { VCD_SESSION } from '../../vcd';
import { PROVIDER_SESSION } from '../../vcd/testing/vcd-testing';
import { DependencyCheckRecord, ResultRow } from '../domain';
import { DependencyCheckRequest, DependencyCheckRunner, DependencyCheckUpdate, KeepTarget } from './dependency-check-runner';
import { CheckEvent, CheckOptions, ImageToCheck, PresenceChecker } from './presence-check';
import { PresenceCheckers } from './presence-checkers';

/** A checker the spec drives image by image; it honours cancellation as the real ones do. */
class ScriptedChecker implements PresenceChecker {
  images: readonly ImageToCheck[] = [];
  options?: CheckOptions;
  /** Whether the check was asked for inside Angular's zone (every answer would then check the page for changes). */
  askedInAngularZone?: boolean;
  private events?: Subject<CheckEvent>;
  private answered = 0;

  check(images: readonly ImageToCheck[], options: CheckOptions): Observable<CheckEvent> {
    this.images = images;
    this.options = options;
    this.askedInAngularZone = NgZone.isInAngularZone();
    this.answered = 0;
    const events = new Subject<CheckEvent>();
    this.events = events;
    options.cancel?.subscribe(() => this.end(true, true));
    return events;
  }

  answer(count: number, status: 'present' | 'error' = 'present'): void {
    for (const image of this.images.slice(this.answered, this.answered + count)) {
      this.answered++;
      this.events?.next({
        type: 'result',
        result:
          status === 'present'
            ? { status, image, manifestKind: 'manifest', digest: 'sha256:1' }
            : { status, image, failure: { kind: 'http', status: 403 } },
      });
      this.events?.next({ type: 'progress', done: this.answered, total: this.images.length, requests: this.answered });
    }
  }

  end(cancelled = false, partial = false): void {
    this.events?.next({ type: 'done', cancelled, partial, requests: this.answered });
    this.events?.complete();
  }

  fail(): void {
    this.events?.error(new Error('the checker gave up'));
  }
}

const BASE = validateRegistryUrl('harbor.corp.local:8443/cse');
const REGISTRY: ParsedRegistryUrl = BASE.valid ? BASE.parsed : (undefined as never);

const ROWS: ResultRow[] = Array.from({ length: 10 }, (_, index) => ({
  id: `r${index}`,
  status: 'pending',
  source: `projects.registry.vmware.com/tkg/image-${index}:v1`,
  destination: `harbor.corp.local:8443/cse/tkg/image-${index}:v1`,
  group: 'tkg',
}));

describe('DependencyCheckRunner', () => {
  let runner: DependencyCheckRunner;
  let checker: ScriptedChecker;
  let strategies: string[];
  let stored: DependencyCheckRecord[];
  let updates: DependencyCheckUpdate[];
  let completed: boolean;
  let cancel: Subject<void>;

  const STORE: KeepTarget = { kind: 'store', store: (record) => defer(() => (stored.push(record), of(undefined))) };

  function start(overrides: Partial<DependencyCheckRequest> = {}): () => void {
    const subscription = runner
      .run({
        rows: ROWS,
        registry: REGISTRY,
        access: { kind: 'extApi', prefix: 'cseairgap-harbor-corp-local-8443' },
        harbor: true,
        context: { release: '4.2.1', tkrs: ['v1.27.5---vmware.1-tkg.1'], checkedBy: 'administrator' },
        cancel,
        keep: STORE,
        ...overrides,
      })
      .subscribe({ next: (update) => updates.push(update), complete: () => (completed = true) });
    return () => subscription.unsubscribe();
  }

  const lastUpdate = (): DependencyCheckUpdate | undefined => updates.at(-1);

  beforeEach(() => {
    checker = new ScriptedChecker();
    strategies = [];
    stored = [];
    updates = [];
    completed = false;
    cancel = new Subject<void>();
    TestBed.configureTestingModule({
      providers: [
        DependencyCheckRunner,
        { provide: VCD_SESSION, useValue: PROVIDER_SESSION },
        { provide: PresenceCheckers, useValue: { forStrategy: (strategy: string) => (strategies.push(strategy), checker) } },
      ],
    });
    runner = TestBed.inject(DependencyCheckRunner);
  });

  describe('when the check is whole', () => {
    it('keeps the result once, with every row answered, and says it is kept', () => {
      start();
      checker.answer(10);
      checker.end();
      expect(stored.length).toBe(1);
      expect(stored[0]?.outcome).toBe('done');
      expect(stored[0]?.counts.present).toBe(10);
      expect(stored[0]?.base).toBe('harbor.corp.local:8443/cse');
      expect(stored[0]?.checkedBy).toBe('administrator');
      expect(lastUpdate()?.keeping).toBe('kept');
      expect(completed).toBeTrue();
    });

    it('reaches the registry through /ext-api with Harbor’s REST API, in the project of the parsed base', () => {
      start();
      expect(strategies).toEqual(['harborRest']);
      expect(checker.options?.access).toEqual({
        baseUrl: 'https://vcd.example.com/ext-api/cseairgap-harbor-corp-local-8443',
        project: 'cse',
      });
      expect(checker.images.map((image) => image.repository)).toContain('cse/tkg/image-0');
    });

    it('says the result could not be kept, with the reason, when the write fails', () => {
      start({ keep: { kind: 'store', store: () => throwError(() => ({ kind: 'timeout', status: 0, seconds: 30 })) } });
      checker.answer(10);
      checker.end();
      expect(lastUpdate()?.keeping).toBe('keepFailed');
      expect(lastUpdate()?.keepError).toEqual({ kind: 'timeout', status: 0, seconds: 30 });
    });
  });

  describe('when the check is not whole', () => {
    it('stores nothing when cancelled at 20 %, and leaves the answered rows on the page', () => {
      start();
      checker.answer(2);
      cancel.next();
      expect(stored).toEqual([]);
      expect(lastUpdate()?.ending).toBe('cancelled');
      expect(lastUpdate()?.keeping).toBe('notWhole');
      expect(lastUpdate()?.done).toBe(2);
      expect(lastUpdate()?.total).toBe(10);
      expect(lastUpdate()?.rows.filter((row) => row.status === 'present').length).toBe(2);
      expect(lastUpdate()?.rows.filter((row) => row.status === 'pending').length).toBe(8);
      expect(completed).toBeTrue();
    });

    it('stores nothing when the checker fails outright', () => {
      start();
      checker.answer(3);
      checker.fail();
      expect(stored).toEqual([]);
      expect(lastUpdate()?.ending).toBe('failed');
      expect(lastUpdate()?.keeping).toBe('notWhole');
    });

    it('stores nothing when some images have no answer', () => {
      start();
      checker.answer(9);
      checker.answer(1, 'error');
      checker.end(false, true);
      expect(stored).toEqual([]);
      expect(lastUpdate()?.ending).toBe('partial');
    });

    it('stores nothing when its subscriber leaves mid-check, even if the checker ends later', () => {
      const leave = start();
      checker.answer(5);
      leave();
      checker.answer(5);
      checker.end();
      expect(stored).toEqual([]);
      expect(updates.some((update) => update.keeping !== undefined)).toBeFalse();
    });
  });

  describe('when asked to keep nothing (the tenant’s re-run)', () => {
    it('never stores, even a whole check', () => {
      start({ keep: { kind: 'nothing' } });
      checker.answer(10);
      checker.end();
      expect(stored).toEqual([]);
      expect(lastUpdate()?.ending).toBe('done');
      expect(lastUpdate()?.keeping).toBe('notAsked');
    });
  });

  it('asks the registry outside Angular’s zone and brings each update back into it, so only updates redraw the page', () => {
    const zone = TestBed.inject(NgZone);
    const zones: boolean[] = [];
    zone.run(() =>
      runner
        .run({
          rows: ROWS,
          registry: REGISTRY,
          access: { kind: 'extApi', prefix: 'cseairgap-harbor-corp-local-8443' },
          harbor: true,
          context: { tkrs: [] },
          cancel,
          keep: { kind: 'nothing' },
        })
        .subscribe(() => zones.push(NgZone.isInAngularZone())),
    );
    expect(checker.askedInAngularZone).toBeFalse();
    // Answers arrive outside the zone, as the registry's do.
    checker.answer(10);
    checker.end();
    expect(zones.length).toBeGreaterThan(1);
    expect(zones.every((inZone) => inZone)).toBeTrue();
  });

  it('checks only the rows it is told to, and bounds the requests in flight when asked', () => {
    start({ shouldCheck: (row) => row.id === 'r1' || row.id === 'r2', concurrency: 6 });
    expect(checker.images.map((image) => image.id)).toEqual(['r1', 'r2']);
    expect(checker.options?.concurrency).toBe(6);
    expect(checker.options?.multiplexedConcurrency).toBe(6);
  });
});
