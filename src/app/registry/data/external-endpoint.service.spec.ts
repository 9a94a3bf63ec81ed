import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Observable, lastValueFrom } from 'rxjs';
import { provideVcdTesting } from '../../vcd/testing/vcd-testing';
import { AccessState } from '../domain/access-state';
import { externalEndpointPlan } from '../domain/endpoint-plan';
import { FakeVcdExtensibility } from '../testing/fake-vcd-extensibility';
import { AccessChangeError, ExternalEndpointService } from './external-endpoint.service';

const PLAN = externalEndpointPlan('harbor.corp.local', 8443);
const PLANNED = PLAN.filters.map((filter) => filter.urlPattern);
const ENDPOINT_ID = `urn:vcloud:extensionEndpoint:cseairgap:${PLAN.endpoint.name}:1.0.0`;
const LEGACY_ID = `urn:vcloud:extensionEndpoint:cseairgap:${PLAN.legacy.endpointName}:1.0.0`;
const ours = { name: PLAN.endpoint.name, vendor: 'cseairgap', version: '1.0.0', rootUrl: 'https://harbor.corp.local:8443', enabled: true };

describe('ExternalEndpointService', () => {
  let service: ExternalEndpointService;
  let vcd: FakeVcdExtensibility;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [...provideVcdTesting(), ExternalEndpointService] });
    service = TestBed.inject(ExternalEndpointService);
    vcd = new FakeVcdExtensibility(TestBed.inject(HttpTestingController));
  });

  const run = (work: Observable<AccessState>): Promise<AccessState> => vcd.serve(lastValueFrom(work));
  const failure = (work: Observable<AccessState>): Promise<AccessChangeError> =>
    run(work).then(
      (state) => Promise.reject(new Error(`expected a failure, got ${state.kind}`)),
      (error: AccessChangeError) => error,
    );
  const withOurFilters = (patterns = PLANNED, endpoint = ours): void => {
    const record = vcd.addEndpoint({ ...endpoint, authorizationEnabled: false });
    for (const pattern of patterns) vcd.addFilter(record, pattern);
  };

  describe('when nothing exists for the registry', () => {
    it('creates the endpoint with authorization explicitly off, then one EXT_API filter per planned pattern', async () => {
      const state = await run(service.apply(PLAN));
      expect(state.kind).toBe('ready');
      expect(vcd.endpoints).toEqual([jasmine.objectContaining({ ...ours, authorizationEnabled: false, id: ENDPOINT_ID })]);
      expect(vcd.patternsOf(ENDPOINT_ID)).toEqual(PLANNED);
      expect(vcd.changes).toEqual(['POST externalEndpoints', ...PLANNED.map(() => 'POST apiFilters')]);
    });

    it('asks VCD for our endpoint and 0.1.0’s in one query', async () => {
      await run(service.state(PLAN));
      expect(vcd.endpointQueries).toEqual([
        `vendor==cseairgap;name==${PLAN.endpoint.name};version==1.0.0,vendor==cseairgap;name==${PLAN.legacy.endpointName};version==1.0.0`,
      ]);
    });

    it('changes nothing when applied twice', async () => {
      await run(service.apply(PLAN));
      vcd.changes.length = 0;
      expect((await run(service.apply(PLAN))).kind).toBe('ready');
      expect(vcd.changes).toEqual([]);
    });
  });

  describe('when an endpoint of our name points at another registry', () => {
    it('refuses to repoint it, says which registry owns it, and changes nothing', async () => {
      withOurFilters([], { ...ours, rootUrl: 'https://harbor.corp.local-8443' });
      expect(await failure(service.apply(PLAN))).toEqual({
        kind: 'ownedByOther',
        name: PLAN.endpoint.name,
        rootUrl: 'https://harbor.corp.local-8443',
      });
      expect(await failure(service.remove(PLAN))).toEqual(jasmine.objectContaining({ kind: 'ownedByOther' }));
      expect(vcd.changes).toEqual([]);
      expect(vcd.endpoints[0]?.rootUrl).toBe('https://harbor.corp.local-8443');
    });
  });

  describe('when our endpoint exists but differs from the plan', () => {
    it('turns authorization off and adds only the missing filter, keeping the root URL', async () => {
      const record = vcd.addEndpoint({ ...ours, authorizationEnabled: null });
      for (const pattern of PLANNED.slice(1)) vcd.addFilter(record, pattern);
      expect((await run(service.apply(PLAN))).kind).toBe('ready');
      expect(vcd.changes).toEqual([`PUT externalEndpoints/${ENDPOINT_ID}`, 'POST apiFilters']);
      expect(vcd.endpoints[0]).toEqual(jasmine.objectContaining({ authorizationEnabled: false, rootUrl: ours.rootUrl, enabled: true }));
    });

    it('names the step that failed, and a retry finishes the setup', async () => {
      vcd.failNext(/^POST apiFilters/);
      expect(await failure(service.apply(PLAN))).toEqual(jasmine.objectContaining({ kind: 'stepFailed', step: 'createFilter' }));
      expect((await run(service.state(PLAN))).kind).toBe('incomplete');
      expect((await run(service.apply(PLAN))).kind).toBe('ready');
      expect(vcd.patternsOf(ENDPOINT_ID)).toEqual(jasmine.arrayWithExactContents(PLANNED));
    });
  });

  describe('when 0.1.0 left its endpoint and broad filter', () => {
    beforeEach(() => {
      const legacy = vcd.addEndpoint({ ...ours, name: PLAN.legacy.endpointName, authorizationEnabled: null });
      vcd.addFilter(legacy, PLAN.legacy.filterPattern);
    });

    it('recognises them, and the checks keep using the broad filter until migrated', async () => {
      const state = await run(service.state(PLAN));
      expect(state).toEqual(jasmine.objectContaining({ kind: 'absent', legacy: jasmine.objectContaining({ prefix: PLAN.legacy.prefix }) }));
      expect(await vcd.serve(lastValueFrom(service.accessPathFor(PLAN)))).toEqual({ kind: 'extApi', prefix: PLAN.legacy.prefix });
    });

    it('migrates: the narrow filters first, then the broad filter goes, then 0.1.0’s endpoint', async () => {
      const state = await run(service.migrate(PLAN));
      expect(state).toEqual(jasmine.objectContaining({ kind: 'ready' }));
      expect(state.kind !== 'ownedByOther' && state.legacy).toBeFalsy();
      const oldFilterDeletion = vcd.changes.indexOf(vcd.changes.find((change) => change.startsWith('DELETE apiFilters')) ?? '');
      expect(oldFilterDeletion).toBeGreaterThan(vcd.changes.lastIndexOf('POST apiFilters'));
      expect(vcd.changes.slice(oldFilterDeletion + 1)).toEqual([
        `PUT externalEndpoints/${LEGACY_ID}`,
        `DELETE externalEndpoints/${LEGACY_ID}`,
      ]);
      expect(vcd.endpoints.map((endpoint) => endpoint.id)).toEqual([ENDPOINT_ID]);
      expect(await vcd.serve(lastValueFrom(service.accessPathFor(PLAN)))).toEqual({ kind: 'extApi', prefix: PLAN.prefix });
    });

    it('keeps 0.1.0’s endpoint when a filter it did not create uses it, removing only the broad filter', async () => {
      vcd.addFilter(vcd.endpoints[0]!, '/someone-else/.*');
      await run(service.migrate(PLAN));
      expect(vcd.patternsOf(LEGACY_ID)).toEqual(['/someone-else/.*']);
    });
  });

  describe('when access is removed', () => {
    it('deletes the planned filters, then disables and deletes the endpoint', async () => {
      withOurFilters();
      expect((await run(service.remove(PLAN))).kind).toBe('absent');
      expect(vcd.changes).toEqual([
        ...PLANNED.map((_, index) => `DELETE apiFilters/urn:vcloud:apiFilter:${index + 1}`),
        `PUT externalEndpoints/${ENDPOINT_ID}`,
        `DELETE externalEndpoints/${ENDPOINT_ID}`,
      ]);
      expect(vcd.endpoints).toEqual([]);
    });

    it('touches nothing when a filter it did not create uses the endpoint, and names that filter', async () => {
      withOurFilters([...PLANNED, `/${PLAN.prefix}/.*`]);
      expect(await failure(service.remove(PLAN))).toEqual({ kind: 'otherFilters', patterns: [`/${PLAN.prefix}/.*`] });
      expect(vcd.changes).toEqual([]);
    });

    it('reports a removal stopped after disabling as "disabled, removal incomplete", and a retry finishes it', async () => {
      withOurFilters();
      vcd.failNext(/^DELETE externalEndpoints/);
      expect(await failure(service.remove(PLAN))).toEqual(jasmine.objectContaining({ kind: 'stepFailed', step: 'deleteEndpoint' }));
      expect(await run(service.state(PLAN))).toEqual(jasmine.objectContaining({ kind: 'removalIncomplete', remainingPatterns: [] }));
      expect((await run(service.remove(PLAN))).kind).toBe('absent');
      expect(vcd.endpoints).toEqual([]);
    });

    it('can set a half-removed endpoint up again instead', async () => {
      withOurFilters(PLANNED.slice(0, 3));
      vcd.endpoints[0] = { ...vcd.endpoints[0]!, enabled: false };
      expect((await run(service.apply(PLAN))).kind).toBe('ready');
      expect(vcd.changes.filter((change) => change === 'POST apiFilters').length).toBe(PLANNED.length - 3);
    });
  });
});
