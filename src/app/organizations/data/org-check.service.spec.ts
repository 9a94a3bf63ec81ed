import { TestBed } from '@angular/core/testing';
import { Observable, Subject, lastValueFrom, of, toArray } from 'rxjs';
import { DependencyCheckRunner } from '../../dependencies/data/dependency-check-runner';
import { PresenceCheckers } from '../../dependencies/data/presence-checkers';
import { CheckEvent, CheckOptions, ImageToCheck, PresenceChecker } from '../../dependencies/data/presence-check';
import { readRecord } from '../../dependencies/domain';
import { ExternalEndpointService } from '../../registry/data/external-endpoint.service';
import { RegistryCheckInput, RegistryCheckProgress, RegistryCheckRunner } from '../../registry/data/registry-check-runner';
import { AccessPath } from '../../registry/domain/access-path';
import { ExternalEndpointPlan, externalEndpointPlan } from '../../registry/domain/endpoint-plan';
import { CHECK_STEPS, CheckStepResult } from '../../registry/domain/registry-check';
import { RegistryStatus } from '../../shared/status-store/domain/registry-status';
import { PROVIDER_SESSION } from '../../vcd/testing/vcd-testing';
import { VCD_SESSION } from '../../vcd';
import { OrgSummary } from '../domain/org-row';
import { OrgCheckProgress } from '../domain/org-check-progress';
import { ORG_CHECK_CONCURRENCY, OrgCheckContext, OrgCheckService } from './org-check.service';
import { OrganizationsService } from './organizations.service';

const orgs = (count: number): OrgSummary[] =>
  Array.from({ length: count }, (_, i) => ({ id: `urn:vcloud:org:${i}`, name: `org-${i}`, displayName: `Org ${i}`, isEnabled: true }));

const CONTEXT: OrgCheckContext = {
  settings: { containerRegistryUrl: 'harbor.example.com/cse', bootstrapCertificates: [], nodeCertificates: [] },
  release: '4.2.1',
  tkrs: [],
  checkedBy: 'administrator',
};

function steps(apiPassed: boolean): CheckStepResult[] {
  return CHECK_STEPS.map((id) => ({ id, verdict: id === 'registryApi' && !apiPassed ? 'failed' : 'passed' }));
}

class FakeRunner {
  inFlight = 0;
  maxInFlight = 0;
  inputs: RegistryCheckInput[] = [];
  apiPassed = false;
  run(input: RegistryCheckInput): Observable<RegistryCheckProgress> {
    this.inputs.push(input);
    return new Observable((subscriber) => {
      this.inFlight += 1;
      this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
      const timer = setTimeout(() => {
        this.inFlight -= 1;
        subscriber.next({ steps: steps(this.apiPassed), chain: [], done: true, harborVersion: '2.9.1' });
        subscriber.complete();
      }, 2);
      return () => clearTimeout(timer);
    });
  }
}

class FakeChecker implements PresenceChecker {
  asked: readonly ImageToCheck[] = [];
  options?: CheckOptions;
  check(images: readonly ImageToCheck[], options: CheckOptions): Observable<CheckEvent> {
    this.asked = images;
    this.options = options;
    const events: CheckEvent[] = images.flatMap((image, index): CheckEvent[] => [
      index === 0
        ? { type: 'result', result: { status: 'missing', image, existingTags: [] } }
        : { type: 'result', result: { status: 'present', image, manifestKind: 'manifest', digest: 'sha256:1' } },
      { type: 'progress', done: index + 1, total: images.length, requests: index + 1 },
    ]);
    const done: CheckEvent = { type: 'done', cancelled: false, partial: false, requests: images.length };
    return of(...events, done);
  }
}

class FakeOrganizations {
  stored = new Map<string, RegistryStatus>();
  assigned = new Map<string, string>();
  status(org: OrgSummary): Observable<RegistryStatus | undefined> {
    const base = this.assigned.get(org.id);
    return of(base ? { scope: 'organization', orgId: org.id, registryBase: base } : undefined);
  }
  save(org: OrgSummary, change: (current: RegistryStatus) => RegistryStatus): Observable<RegistryStatus> {
    const next = change(this.stored.get(org.id) ?? { scope: 'organization', orgId: org.id });
    this.stored.set(org.id, next);
    return of(next);
  }
}

describe('OrgCheckService', () => {
  let service: OrgCheckService;
  let runner: FakeRunner;
  let checker: FakeChecker;
  let organizations: FakeOrganizations;
  /** The prefix VCD serves each registry on: ours, unless a test says 0.1.0's is still in place. */
  let accessFor: (plan: ExternalEndpointPlan) => AccessPath;

  beforeEach(() => {
    accessFor = (plan) => ({ kind: 'extApi', prefix: plan.prefix });
    runner = new FakeRunner();
    checker = new FakeChecker();
    organizations = new FakeOrganizations();
    TestBed.configureTestingModule({
      providers: [
        OrgCheckService,
        { provide: VCD_SESSION, useValue: PROVIDER_SESSION },
        { provide: RegistryCheckRunner, useValue: runner },
        { provide: PresenceCheckers, useValue: { forStrategy: () => checker } },
        DependencyCheckRunner,
        { provide: OrganizationsService, useValue: organizations },
        { provide: ExternalEndpointService, useValue: { accessPathFor: (plan: ExternalEndpointPlan) => of(accessFor(plan)) } },
      ],
    });
    service = TestBed.inject(OrgCheckService);
  });

  it(`checks 50 organizations with at most ${ORG_CHECK_CONCURRENCY} in flight, and ends every one`, async () => {
    const events = await lastValueFrom(service.checkMany(orgs(50), CONTEXT, new Subject<void>()).pipe(toArray()));
    expect(runner.maxInFlight).toBe(ORG_CHECK_CONCURRENCY);
    expect(events.filter((event) => event.phase === 'done').length).toBe(50);
    expect(organizations.stored.size).toBe(50);
  });

  it('checks an organization without a private registry against the system registry, through /ext-api', async () => {
    await lastValueFrom(service.check(orgs(1)[0]!, CONTEXT, new Subject<void>()).pipe(toArray()));
    expect(runner.inputs[0]).toEqual(
      jasmine.objectContaining({
        host: 'harbor.example.com',
        project: 'cse',
        access: { kind: 'extApi', prefix: externalEndpointPlan('harbor.example.com').prefix },
      }),
    );
    const stored = organizations.stored.get('urn:vcloud:org:0');
    expect(stored?.checkedBase).toBe('harbor.example.com/cse');
    expect(stored?.registryBase).toBeUndefined();
    expect(stored?.lastRegistryCheck?.checkedBy).toBe('administrator');
    // The registry API failed: no dependency check, so no record of one either.
    expect(stored?.lastDependencyCheck).toBeUndefined();
    expect(stored?.certificates?.nodesProven).toBeNull();
  });

  it('goes through 0.1.0’s broad filter while it is not migrated, and stores that path', async () => {
    accessFor = (plan) => ({ kind: 'extApi', prefix: plan.legacy.prefix });
    await lastValueFrom(service.check(orgs(1)[0]!, CONTEXT, new Subject<void>()).pipe(toArray()));
    expect(runner.inputs[0]?.access).toEqual({ kind: 'extApi', prefix: 'cseairgap-harbor-example-com' });
    expect(organizations.stored.get('urn:vcloud:org:0')?.accessPath).toEqual({ kind: 'extApi', prefix: 'cseairgap-harbor-example-com' });
  });

  it('checks the private registry’s images and keeps the counts in the organization’s entity', async () => {
    runner.apiPassed = true;
    const [acme] = orgs(1);
    organizations.assigned.set(acme!.id, 'harbor.example.com:8443/acme');
    await lastValueFrom(service.check(acme!, CONTEXT, new Subject<void>()).pipe(toArray()));
    expect(checker.options?.access.baseUrl).toBe(
      `https://vcd.example.com/ext-api/${externalEndpointPlan('harbor.example.com', 8443).prefix}`,
    );
    expect(checker.options?.access.project).toBe('acme');
    expect(checker.asked.length).toBeGreaterThan(1);
    expect(checker.asked.every((image) => image.repository.startsWith('acme/'))).toBeTrue();
    const record = readRecord(organizations.stored.get(acme!.id)?.lastDependencyCheck);
    expect(record?.base).toBe('harbor.example.com:8443/acme');
    expect(record?.counts.missing).toBe(1);
    expect(record?.counts.present).toBe(checker.asked.length - 1);
  });

  it('cancelling stops the organizations in flight without writing them, and starts no other one', async () => {
    const cancel = new Subject<void>();
    const events: OrgCheckProgress[] = [];
    const done = new Promise<void>((resolve) =>
      service.checkMany(orgs(10), CONTEXT, cancel).subscribe({
        next: (event) => {
          events.push(event);
          if (event.phase === 'registry' && events.filter((seen) => seen.phase === 'registry').length === ORG_CHECK_CONCURRENCY)
            cancel.next();
        },
        complete: resolve,
      }),
    );
    await done;
    expect(events.filter((event) => event.phase === 'cancelled').length).toBe(ORG_CHECK_CONCURRENCY);
    expect(events.filter((event) => event.phase === 'failed').length).toBe(0);
    expect(new Set(events.map((event) => event.org.id)).size).toBe(ORG_CHECK_CONCURRENCY);
    expect(organizations.stored.size).toBe(0);
  });

  it('reports a failure for one organization without stopping the others', async () => {
    const [good, bad] = orgs(2);
    organizations.assigned.set(bad!.id, 'HTTPS://bad url');
    const events = await lastValueFrom(service.checkMany([bad!, good!], CONTEXT, new Subject<void>()).pipe(toArray()));
    expect(events.filter((event) => event.phase === 'failed').map((event) => event.org.name)).toEqual(['org-1']);
    expect(events.filter((event) => event.phase === 'done').map((event) => event.org.name)).toEqual(['org-0']);
    expect(organizations.stored.has(bad!.id)).toBeFalse();
  });

  describe('when the image check is not whole', () => {
    const KEPT = { checkedAt: '2026-01-01T00:00:00.000Z', outcome: 'done' };

    /** A checker that answers the first image, then waits (for a cancel, or forever). */
    function slowChecker(): void {
      spyOn(checker, 'check').and.callFake((images: readonly ImageToCheck[], options: CheckOptions) => {
        const events = new Subject<CheckEvent>();
        options.cancel?.subscribe(() => {
          events.next({ type: 'done', cancelled: true, partial: true, requests: 1 });
          events.complete();
        });
        setTimeout(() => {
          events.next({ type: 'result', result: { status: 'present', image: images[0]!, manifestKind: 'manifest' } });
          events.next({ type: 'progress', done: 1, total: images.length, requests: 1 });
        });
        return events;
      });
    }

    beforeEach(() => {
      runner.apiPassed = true;
      organizations.stored.set('urn:vcloud:org:0', { scope: 'organization', orgId: 'urn:vcloud:org:0', lastDependencyCheck: KEPT });
    });

    it('writes nothing when cancelled during the images', async () => {
      slowChecker();
      const cancel = new Subject<void>();
      const events: OrgCheckProgress[] = [];
      await new Promise<void>((resolve) =>
        service.check(orgs(1)[0]!, CONTEXT, cancel).subscribe({
          next: (event) => {
            events.push(event);
            if (event.phase === 'dependencies' && event.images?.done === 1) cancel.next();
          },
          complete: resolve,
        }),
      );
      expect(events.at(-1)?.phase).toBe('cancelled');
      expect(organizations.stored.get('urn:vcloud:org:0')?.lastDependencyCheck).toBe(KEPT);
      expect(organizations.stored.get('urn:vcloud:org:0')?.lastRegistryCheck).toBeUndefined();
    });

    it('writes nothing when the tab is left during the images', async () => {
      slowChecker();
      await new Promise<void>((resolve) => {
        const subscription = service.check(orgs(1)[0]!, CONTEXT, new Subject<void>()).subscribe((event) => {
          if (event.phase === 'dependencies' && event.images?.done === 1) {
            subscription.unsubscribe();
            resolve();
          }
        });
      });
      await new Promise((resolve) => setTimeout(resolve, 10));
      expect(organizations.stored.get('urn:vcloud:org:0')?.lastDependencyCheck).toBe(KEPT);
      expect(organizations.stored.get('urn:vcloud:org:0')?.lastRegistryCheck).toBeUndefined();
    });

    it('keeps the registry check, leaves the last complete image check in place, and says the images were not kept', async () => {
      spyOn(checker, 'check').and.callFake((images: readonly ImageToCheck[]) =>
        of<CheckEvent[]>(
          ...images.map((image): CheckEvent => ({ type: 'result', result: { status: 'error', image, failure: { kind: 'notChecked' } } })),
          { type: 'done', cancelled: false, partial: true, requests: 1 },
        ),
      );
      const events = await lastValueFrom(service.check(orgs(1)[0]!, CONTEXT, new Subject<void>()).pipe(toArray()));
      expect(events.at(-1)).toEqual(jasmine.objectContaining({ phase: 'done', imagesNotKept: true }));
      expect(organizations.stored.get('urn:vcloud:org:0')?.lastRegistryCheck).toBeDefined();
      expect(organizations.stored.get('urn:vcloud:org:0')?.lastDependencyCheck).toBe(KEPT);
    });
  });
});
