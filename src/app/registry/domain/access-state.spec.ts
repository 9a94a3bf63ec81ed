import { AccessState, EndpointRecord, FilterRecord, FoundInVcd, judgeAccess, usableAccessPath } from './access-state';
import { externalEndpointPlan } from './endpoint-plan';

const PLAN = externalEndpointPlan('harbor.corp.local', 8443);
const ENDPOINT: EndpointRecord = {
  id: `urn:vcloud:extensionEndpoint:cseairgap:${PLAN.endpoint.name}:1.0.0`,
  name: PLAN.endpoint.name,
  vendor: 'cseairgap',
  version: '1.0.0',
  enabled: true,
  authorizationEnabled: false,
  rootUrl: 'https://harbor.corp.local:8443',
};
const LEGACY: EndpointRecord = {
  ...ENDPOINT,
  id: 'urn:vcloud:extensionEndpoint:cseairgap:registry-harbor-corp-local-8443:1.0.0',
  name: 'registry-harbor-corp-local-8443',
  authorizationEnabled: null,
};
const planned = (): FilterRecord[] => PLAN.filters.map((filter, index) => ({ id: `f${index}`, urlPattern: filter.urlPattern }));
const broad: FilterRecord = { id: 'old', urlPattern: PLAN.legacy.filterPattern };

interface Case {
  readonly when: string;
  readonly found: FoundInVcd;
  readonly expected: Readonly<Record<string, unknown>> & { readonly kind: AccessState['kind'] };
  readonly prefix: string;
}

const cases: readonly Case[] = [
  { when: 'nothing exists', found: {}, expected: { kind: 'absent' }, prefix: PLAN.prefix },
  {
    when: 'the endpoint and every planned filter exist',
    found: { current: { endpoint: ENDPOINT, filters: planned() } },
    expected: { kind: 'ready', foreignPatterns: [] },
    prefix: PLAN.prefix,
  },
  {
    when: 'someone added a broad filter to our endpoint',
    found: { current: { endpoint: ENDPOINT, filters: [...planned(), { id: 'x', urlPattern: `/${PLAN.prefix}/.*` }] } },
    expected: { kind: 'ready', foreignPatterns: [`/${PLAN.prefix}/.*`] },
    prefix: PLAN.prefix,
  },
  {
    when: 'a filter is missing',
    found: { current: { endpoint: ENDPOINT, filters: planned().slice(1) } },
    expected: { kind: 'incomplete', missing: ['registryApi'], authorizationNotOff: false },
    prefix: PLAN.prefix,
  },
  {
    when: 'authorizationEnabled is not explicitly false',
    found: { current: { endpoint: { ...ENDPOINT, authorizationEnabled: null }, filters: planned() } },
    expected: { kind: 'incomplete', missing: [], authorizationNotOff: true },
    prefix: PLAN.prefix,
  },
  {
    when: 'the endpoint is disabled (a removal stopped half-way)',
    found: { current: { endpoint: { ...ENDPOINT, enabled: false }, filters: planned().slice(0, 2) } },
    expected: {
      kind: 'removalIncomplete',
      remainingPatterns: planned()
        .slice(0, 2)
        .map((filter) => filter.urlPattern ?? ''),
    },
    prefix: PLAN.prefix,
  },
  {
    when: 'an endpoint of our name points at another registry',
    found: { current: { endpoint: { ...ENDPOINT, rootUrl: 'https://harbor.corp.local-8443' }, filters: [] } },
    expected: { kind: 'ownedByOther' },
    prefix: PLAN.prefix,
  },
  {
    when: 'only 0.1.0’s endpoint and broad filter exist',
    found: { legacy: { endpoint: LEGACY, filters: [broad] } },
    expected: { kind: 'absent', legacy: { endpoint: LEGACY, prefix: PLAN.legacy.prefix, broadFilterId: 'old', otherPatterns: [] } },
    prefix: PLAN.legacy.prefix,
  },
  {
    when: '0.1.0’s endpoint has lost its filter',
    found: { legacy: { endpoint: LEGACY, filters: [] } },
    expected: { kind: 'absent', legacy: { endpoint: LEGACY, prefix: PLAN.legacy.prefix, otherPatterns: [] } },
    prefix: PLAN.prefix,
  },
  {
    when: '0.1.0’s endpoint of this name serves another registry (0.1.0 gave both one name)',
    found: { legacy: { endpoint: { ...LEGACY, rootUrl: 'https://harbor.corp.local-8443' }, filters: [broad] } },
    expected: { kind: 'absent' },
    prefix: PLAN.prefix,
  },
  {
    when: 'both exist (a migration that has not removed the broad filter yet)',
    found: { current: { endpoint: ENDPOINT, filters: planned() }, legacy: { endpoint: LEGACY, filters: [broad] } },
    expected: { kind: 'ready', legacy: { endpoint: LEGACY, prefix: PLAN.legacy.prefix, broadFilterId: 'old', otherPatterns: [] } },
    prefix: PLAN.prefix,
  },
  {
    when: 'ours is incomplete and 0.1.0’s broad filter still serves',
    found: { current: { endpoint: ENDPOINT, filters: [] }, legacy: { endpoint: LEGACY, filters: [broad] } },
    expected: { kind: 'incomplete' },
    prefix: PLAN.legacy.prefix,
  },
];

describe('judgeAccess', () => {
  for (const { when, found, expected, prefix } of cases) {
    describe(`when ${when}`, () => {
      it(`is ${expected.kind}`, () => expect<unknown>(judgeAccess(PLAN, found)).toEqual(jasmine.objectContaining(expected)));
      it(`lets the checks use /ext-api/${prefix}`, () =>
        expect(usableAccessPath(PLAN, judgeAccess(PLAN, found))).toEqual({ kind: 'extApi', prefix }));
    });
  }

  it('compares root URLs by origin: https://harbor.corp.local:443 is https://harbor.corp.local', () => {
    const plan = externalEndpointPlan('harbor.corp.local');
    const endpoint = { ...ENDPOINT, name: plan.endpoint.name, rootUrl: 'https://HARBOR.corp.local:443/' };
    const filters = plan.filters.map((filter, index) => ({ id: `f${index}`, urlPattern: filter.urlPattern }));
    expect(judgeAccess(plan, { current: { endpoint, filters } }).kind).toBe('ready');
  });
});
