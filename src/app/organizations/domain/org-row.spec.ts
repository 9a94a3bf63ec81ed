import { RegistryStatus } from '../../shared/status-store/domain/registry-status';
import { OrgSummary, certificateState, dependencyCounts, orgListFilter, orgRow } from './org-row';

const ACME: OrgSummary = { id: 'urn:vcloud:org:acme', name: 'acme', displayName: 'ACME Corporation', isEnabled: true };
const NOW = new Date('2026-11-22T10:00:00Z');
const snapshot = (overrides: Partial<NonNullable<RegistryStatus['certificates']>> = {}): NonNullable<RegistryStatus['certificates']> => ({
  checkedAt: '2026-11-22T09:00:00Z',
  nodes: [{ subject: 'CN=Corp Root', notAfter: '2030-01-01T00:00:00Z', sha256Fingerprint: 'AA' }],
  bootstrapCount: 1,
  nodesProven: true,
  bootstrapProven: true,
  ...overrides,
});
const dependencyRecord = {
  checkedAt: '2026-11-22T09:30:00Z',
  base: 'harbor.example.com/acme',
  tkrs: [],
  outcome: 'done',
  elapsedMs: 1200,
  results: [
    ['present', 'src/a:1', 'harbor.example.com/acme/a:1', 'tkg'],
    ['present', 'src/b:1', 'harbor.example.com/acme/b:1', 'tkg'],
    ['missing', 'src/c:1', 'harbor.example.com/acme/c:1', 'tkg', 'missing.tagAbsent'],
    ['repositoryMissing', 'src/d:1', 'harbor.example.com/acme/d:1', 'capvcd'],
  ],
};

describe('organization rows', () => {
  it('shows an organization without entity as using the system registry, never checked', () => {
    const row = orgRow(ACME, undefined, NOW);
    expect(row.assignedBase).toBeUndefined();
    expect(row.lastCheckedAt).toBeUndefined();
    expect(row.present).toBeUndefined();
    expect(row.certificates).toBe('unknown');
    expect(row.shared).toBeFalse();
    expect(row.tenantRecheck).toBeFalse();
  });

  it('joins the assigned base, the latest check time and the image counts (every gap counts as missing)', () => {
    const status: RegistryStatus = {
      scope: 'organization',
      orgId: ACME.id,
      registryBase: 'harbor.example.com/acme',
      lastDependencyCheck: dependencyRecord,
      certificates: snapshot(),
      tenantRecheck: true,
    };
    const row = orgRow(ACME, status, NOW);
    expect(row.assignedBase).toBe('harbor.example.com/acme');
    expect(row.lastCheckedAt).toBe('2026-11-22T09:30:00Z');
    expect(row.present).toBe(2);
    expect(row.missing).toBe(2);
    expect(row.certificates).toBe('proven');
    expect(row.tenantRecheck).toBeTrue();
    expect(row.shared).toBeTrue();
  });

  it('ignores a dependency record of a foreign shape', () => {
    expect(dependencyCounts({ scope: 'organization', lastDependencyCheck: { checkedAt: 1 } })).toBeUndefined();
  });

  describe('certificate state', () => {
    const status = (certificates: RegistryStatus['certificates']): RegistryStatus => ({
      scope: 'organization',
      ...(certificates ? { certificates } : {}),
    });
    it('is unknown without a snapshot or without a served chain to prove against', () => {
      expect(certificateState(status(undefined), NOW)).toBe('unknown');
      expect(certificateState(status(snapshot({ nodesProven: null, bootstrapProven: null })), NOW)).toBe('unknown');
    });
    it('is not proven when either list fails the proof', () => {
      expect(certificateState(status(snapshot({ bootstrapProven: false })), NOW)).toBe('notProven');
      expect(certificateState(status(snapshot({ nodesProven: false })), NOW)).toBe('notProven');
    });
    it('warns when a node certificate expires within 30 days', () => {
      const soon = snapshot({ nodes: [{ subject: 'CN=Soon', notAfter: '2026-12-10T00:00:00Z', sha256Fingerprint: 'BB' }] });
      expect(certificateState(status(soon), NOW)).toBe('expiring');
    });
  });

  describe('list filter', () => {
    it('always leaves System out', () => {
      expect(orgListFilter('')).toBe('name!=System');
      expect(orgListFilter('   ')).toBe('name!=System');
    });
    it('searches name and display name, with System out of both alternatives (FIQL has no parentheses)', () => {
      expect(orgListFilter('acme')).toBe('name==*acme*;name!=System,displayName==*acme*;name!=System');
    });
    it('drops FIQL operators from the text so a search cannot change the filter', () => {
      expect(orgListFilter('a;b,c==d*(e)')).toBe('name==*abcde*;name!=System,displayName==*abcde*;name!=System');
    });
  });
});
