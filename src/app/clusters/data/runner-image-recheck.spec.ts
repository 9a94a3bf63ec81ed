import { TestBed } from '@angular/core/testing';
import { Observable, Subject, firstValueFrom, of, toArray } from 'rxjs';
import { DependencyCheckRequest, DependencyCheckRunner } from '../../dependencies';
import { PresenceCheckers } from '../../dependencies/data/presence-checkers';
import { CheckEvent, CheckOptions, ImageToCheck, PresenceResult } from '../../dependencies/data/presence-check';
import { PresenceStrategy } from '../../dependencies/data/choose-strategy';
import { VCD_SESSION } from '../../vcd';
import { PROVIDER_SESSION } from '../../vcd/testing/vcd-testing';
import { RunnerImageRecheck } from './runner-image-recheck';
import { RegistryReach, RegistryReachService } from './registry-reach';

/** A presence checker that answers from a table, as the real ones stream: results, then done. */
class TableChecker {
  asked: { images: readonly ImageToCheck[]; options: CheckOptions }[] = [];
  constructor(private readonly answer: (image: ImageToCheck) => PresenceResult | undefined) {}
  check(images: readonly ImageToCheck[], options: CheckOptions): Observable<CheckEvent> {
    this.asked.push({ images, options });
    const results = images.flatMap((image): CheckEvent[] => {
      const result = this.answer(image);
      return result ? [{ type: 'result', result }] : [];
    });
    const done: CheckEvent = { type: 'done', cancelled: false, partial: results.length < images.length, requests: images.length };
    return of(...results, done);
  }
}

describe('RunnerImageRecheck', () => {
  let recheck: RunnerImageRecheck;
  let checker: TableChecker;
  let strategies: PresenceStrategy[];
  let requests: DependencyCheckRequest[];
  let reach: RegistryReach;

  beforeEach(() => {
    strategies = [];
    requests = [];
    reach = { path: { kind: 'extApi', prefix: 'cseairgap-harbor-corp-local' }, harbor: true };
    checker = new TableChecker((image) =>
      image.reference === 'v1.10.1_vmware.7'
        ? { status: 'missing', image, existingTags: ['v1.10.1_vmware.12'] }
        : image.reference === 'unanswered'
          ? undefined
          : { status: 'present', image, manifestKind: 'manifest' },
    );
    TestBed.configureTestingModule({
      providers: [
        RunnerImageRecheck,
        DependencyCheckRunner,
        { provide: VCD_SESSION, useValue: PROVIDER_SESSION },
        { provide: RegistryReachService, useValue: { reach: () => of(reach) } },
        {
          provide: PresenceCheckers,
          useValue: {
            forStrategy: (strategy: PresenceStrategy) => {
              strategies.push(strategy);
              return checker;
            },
          },
        },
      ],
    });
    const runner = TestBed.inject(DependencyCheckRunner);
    const run = runner.run.bind(runner);
    spyOn(runner, 'run').and.callFake((request: DependencyCheckRequest) => {
      requests.push(request);
      return run(request);
    });
    recheck = TestBed.inject(RunnerImageRecheck);
  });

  it('asks the presence checker for exactly the images named, through the way the registry is reached', async () => {
    const outcomes = await firstValueFrom(
      recheck
        .check(
          [
            { destination: 'harbor.corp.local/cse/tkg/coredns:v1.10.1_vmware.7' },
            { destination: 'harbor.corp.local/cse/tkg/etcd:v3.5.7_vmware.6' },
          ],
          new Subject(),
        )
        .pipe(toArray()),
    );
    expect(strategies).toEqual(['harborRest']);
    expect(checker.asked[0]?.images.map((image) => `${image.repository}:${image.reference}`)).toEqual([
      'cse/tkg/coredns:v1.10.1_vmware.7',
      'cse/tkg/etcd:v3.5.7_vmware.6',
    ]);
    expect(checker.asked[0]?.options.access).toEqual({
      baseUrl: 'https://vcd.example.com/ext-api/cseairgap-harbor-corp-local',
      project: 'cse',
    });
    expect(outcomes).toEqual([
      { status: 'missing', reference: 'harbor.corp.local/cse/tkg/coredns:v1.10.1_vmware.7', existingTags: ['v1.10.1_vmware.12'] },
      { status: 'present', reference: 'harbor.corp.local/cse/tkg/etcd:v3.5.7_vmware.6' },
    ]);
  });

  it('runs through the dependency check runner and keeps nothing: the stored check result stays as it was', async () => {
    await firstValueFrom(
      recheck
        .check([{ destination: 'harbor.corp.local/cse/tkg/etcd:v1', source: 'projects.registry.vmware.com/tkg/etcd:v1' }], new Subject())
        .pipe(toArray()),
    );
    expect(requests.length).toBe(1);
    expect(requests[0]?.keep).toEqual({ kind: 'nothing' });
    expect(requests[0]?.rows.map((row) => [row.source, row.destination])).toEqual([
      ['projects.registry.vmware.com/tkg/etcd:v1', 'harbor.corp.local/cse/tkg/etcd:v1'],
    ]);
  });

  it('uses the OCI distribution API when the registry is not Harbor', async () => {
    reach = { ...reach, harbor: false };
    await firstValueFrom(recheck.check([{ destination: 'registry.corp.local/cse/tkg/etcd:v1' }], new Subject()).pipe(toArray()));
    expect(strategies).toEqual(['ociDistribution']);
  });

  it('answers an invalid reference as an error without sending anything', async () => {
    const outcomes = await firstValueFrom(recheck.check([{ destination: 'NOT a reference' }], new Subject()).pipe(toArray()));
    expect(outcomes).toEqual([{ status: 'error', reference: 'NOT a reference', failure: 'invalidReference' }]);
    expect(checker.asked).toEqual([]);
  });

  it('says an image the registry never answered for could not be checked, rather than nothing', async () => {
    const outcomes = await firstValueFrom(
      recheck.check([{ destination: 'harbor.corp.local/cse/tkg/etcd:unanswered' }], new Subject()).pipe(toArray()),
    );
    expect(outcomes).toEqual([{ status: 'error', reference: 'harbor.corp.local/cse/tkg/etcd:unanswered', failure: 'unreachable' }]);
  });
});
