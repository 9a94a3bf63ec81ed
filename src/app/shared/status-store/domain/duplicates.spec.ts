import { RegistryCheckRecord } from '../../../registry/domain/registry-check';
import { NamedStatus, resolveDuplicates } from './duplicates';
import { RegistryStatus } from './registry-status';

const ORG = { scope: 'organization', orgId: 'urn:vcloud:org:acme', orgName: 'acme' } as const;

const registryCheck = (checkedAt: string): RegistryCheckRecord => ({
  base: 'harbor.corp.local/acme',
  accessPath: { kind: 'extApi', prefix: 'cseairgap-harbor-corp-local' },
  checkedAt,
  timeoutSeconds: 10,
  steps: [],
  chain: [],
  verdict: 'passed',
});
const dependencyCheck = (checkedAt: string): Readonly<Record<string, unknown>> => ({ checkedAt, outcome: 'done', results: [] });
const named = (id: string, entity: RegistryStatus): NamedStatus => ({ id, entity });

interface Case {
  readonly name: string;
  readonly entities: readonly NamedStatus[];
  readonly keeperId: string;
  readonly others: readonly string[];
  readonly merged: RegistryStatus;
}

const CASES: readonly Case[] = [
  {
    name: 'keeps the lowest id and carries the only result into it (a race: one writer had not written yet)',
    entities: [
      named('urn:b', { ...ORG, lastRegistryCheck: registryCheck('2026-03-01T10:00:00Z'), checkedBase: 'harbor.corp.local/acme' }),
      named('urn:a', { ...ORG }),
    ],
    keeperId: 'urn:a',
    others: ['urn:b'],
    merged: { ...ORG, lastRegistryCheck: registryCheck('2026-03-01T10:00:00Z'), checkedBase: 'harbor.corp.local/acme' },
  },
  {
    name: 'takes each part from the entity where it is newest (0.1.0 leftovers written at different times)',
    entities: [
      named('urn:a', {
        ...ORG,
        lastRegistryCheck: registryCheck('2026-01-01T00:00:00Z'),
        lastDependencyCheck: dependencyCheck('2026-03-01T00:00:00Z'),
        registryBase: 'old.corp.local/acme',
        assignedAt: '2025-12-01T00:00:00Z',
      }),
      named('urn:c', {
        ...ORG,
        lastRegistryCheck: registryCheck('2026-02-01T00:00:00Z'),
        lastDependencyCheck: dependencyCheck('2026-01-15T00:00:00Z'),
        registryBase: 'harbor.corp.local/acme',
        assignedAt: '2026-02-01T00:00:00Z',
        assignedBy: 'administrator',
      }),
    ],
    keeperId: 'urn:a',
    others: ['urn:c'],
    merged: {
      ...ORG,
      lastRegistryCheck: registryCheck('2026-02-01T00:00:00Z'),
      lastDependencyCheck: dependencyCheck('2026-03-01T00:00:00Z'),
      registryBase: 'harbor.corp.local/acme',
      assignedAt: '2026-02-01T00:00:00Z',
      assignedBy: 'administrator',
    },
  },
  {
    name: 'resolves three the same way whatever order VCD lists them in',
    entities: [
      named('urn:c', { ...ORG, lastDependencyCheck: dependencyCheck('2026-01-03T00:00:00Z') }),
      named('urn:a', { ...ORG }),
      named('urn:b', { ...ORG, lastDependencyCheck: dependencyCheck('2026-01-02T00:00:00Z') }),
    ],
    keeperId: 'urn:a',
    others: ['urn:b', 'urn:c'],
    merged: { ...ORG, lastDependencyCheck: dependencyCheck('2026-01-03T00:00:00Z') },
  },
  {
    name: 'lets one entity that forbids the tenant re-run win over one that allows it',
    entities: [named('urn:a', { ...ORG, tenantRecheck: true }), named('urn:b', { ...ORG, tenantRecheck: false })],
    keeperId: 'urn:a',
    others: ['urn:b'],
    merged: { ...ORG, tenantRecheck: false },
  },
  {
    name: 'keeps an allowed re-run when the other entity says nothing about it',
    entities: [named('urn:a', { ...ORG }), named('urn:b', { ...ORG, tenantRecheck: true })],
    keeperId: 'urn:a',
    others: ['urn:b'],
    merged: { ...ORG, tenantRecheck: true },
  },
  {
    name: 'takes a base written without a time (the system registry) from the most recently active entity',
    entities: [
      named('urn:a', { scope: 'system', registryBase: 'old.corp.local/cse', lastDependencyCheck: dependencyCheck('2026-01-01T00:00:00Z') }),
      named('urn:b', { scope: 'system', registryBase: 'harbor.corp.local/cse', lastRegistryCheck: registryCheck('2026-02-01T00:00:00Z') }),
    ],
    keeperId: 'urn:a',
    others: ['urn:b'],
    merged: {
      scope: 'system',
      registryBase: 'harbor.corp.local/cse',
      lastRegistryCheck: registryCheck('2026-02-01T00:00:00Z'),
      lastDependencyCheck: dependencyCheck('2026-01-01T00:00:00Z'),
    },
  },
];

describe('resolveDuplicates', () => {
  for (const { name, entities, keeperId, others, merged } of CASES) {
    it(name, () => {
      const resolution = resolveDuplicates(entities);
      expect(resolution.keeperId).toBe(keeperId);
      expect(resolution.others).toEqual(others);
      expect(resolution.merged).toEqual(merged);
    });
  }

  it('gives the same answer for every order of the same entities', () => {
    const [first, second, third] = CASES[2]!.entities;
    const orders = [
      [first!, second!, third!],
      [third!, first!, second!],
      [second!, third!, first!],
    ];
    const answers = orders.map((order) => JSON.stringify(resolveDuplicates(order)));
    expect(new Set(answers).size).toBe(1);
  });
});
