import { DependencyCheckRecord, ResultRow, RowStatus, toRecord, ComponentGroup } from '../../dependencies/domain';
import { CheckStepId, CheckStepResult, RegistryCheckRecord } from '../../registry/domain/registry-check';
import { StepVerdict } from '../../registry/domain/connection-verdict';
import type { CertificateSnapshot } from '../../shared/status-store/domain/registry-status';
import { ReadinessInput, ReadinessLine, ReadinessLineId, readinessLines, readinessVerdict } from './readiness';

const BASE = 'harbor.corp.local/cse';
const NOW = new Date('2026-03-01T12:00:00Z');
const CHECKED_AT = '2026-03-01T10:00:00.000Z';

function check(
  verdicts: Partial<Record<CheckStepId, StepVerdict>>,
  base = BASE,
  messages: Partial<Record<CheckStepId, string>> = {},
): RegistryCheckRecord {
  const steps: CheckStepResult[] = (['connection', 'certificate', 'registryApi', 'harbor', 'project'] as const).map((id) => ({
    id,
    verdict: verdicts[id] ?? 'passed',
    ...(messages[id] ? { message: { key: messages[id] ?? '', params: { project: 'cse' } } } : {}),
  }));
  return {
    base,
    accessPath: { kind: 'extApi', prefix: 'harbor' },
    checkedAt: CHECKED_AT,
    timeoutSeconds: 10,
    steps,
    chain: [],
    verdict: 'passed',
  };
}

function dependencies(
  rows: readonly [RowStatus, ComponentGroup][],
  outcome: DependencyCheckRecord['outcome'] = 'done',
  base = BASE,
): DependencyCheckRecord {
  const resultRows: ResultRow[] = rows.map(([status, group], index) => ({
    id: `r${index}`,
    status,
    group,
    source: `s${index}`,
    destination: `d${index}`,
  }));
  return toRecord({ checkedAt: CHECKED_AT, base, tkrs: [], outcome, elapsedMs: 1 }, resultRows);
}

function snapshot(change: Partial<CertificateSnapshot> = {}): CertificateSnapshot {
  return {
    checkedAt: CHECKED_AT,
    nodes: [{ subject: 'CN=Corp Root', notAfter: '2030-01-01T00:00:00.000Z', sha256Fingerprint: 'AB' }],
    bootstrapCount: 1,
    nodesProven: true,
    bootstrapProven: true,
    ...change,
  };
}

const READY_INPUT: ReadinessInput = {
  registryBase: BASE,
  publicEndpoint: { checkedAt: CHECKED_AT, state: 'configured', url: 'https://vcd.corp.local' },
  registryCheck: check({}),
  certificates: snapshot(),
  dependencyCheck: dependencies([
    ['present', 'capvcd'],
    ['present', 'tkg'],
    ['present', 'tanzuCli'],
  ]),
  now: NOW,
};

function lineOf(id: ReadinessLineId, change: Partial<ReadinessInput>): ReadinessLine {
  const found = readinessLines({ ...READY_INPUT, ...change }).find((line) => line.id === id);
  if (!found) throw new Error(`no ${id} line`);
  return found;
}

describe('readinessLines', () => {
  it('gives one ready line per prerequisite, in the procedure order, each with its section', () => {
    const lines = readinessLines(READY_INPUT);
    expect(lines.map((line) => [line.id, line.level, line.section])).toEqual([
      ['publicEndpoint', 'ready', 'publicEndpoint'],
      ['registryUrl', 'ready', 'settings'],
      ['registryReachable', 'ready', 'registryCheck'],
      ['projectPublic', 'ready', 'registryCheck'],
      ['certificates', 'ready', 'certificates'],
      ['dependencies', 'ready', 'dependencies'],
      ['pluginInventory', 'ready', 'dependencies'],
    ]);
    expect(lines.every((line) => line.message.key.startsWith(`readiness.${line.id}.`))).toBeTrue();
  });

  it('dates each line with the record it comes from', () => {
    const lines = readinessLines(READY_INPUT);
    expect(lines.find((line) => line.id === 'registryUrl')?.checkedAt).toBe(NOW.toISOString());
    expect(lines.filter((line) => line.id !== 'registryUrl').every((line) => line.checkedAt === CHECKED_AT)).toBeTrue();
  });

  describe('publicEndpoint', () => {
    const cases: [ReadinessInput['publicEndpoint'], string, string][] = [
      [{ checkedAt: CHECKED_AT, state: 'configured', url: 'https://vcd.corp.local' }, 'ready', 'readiness.publicEndpoint.configured'],
      [{ checkedAt: CHECKED_AT, state: 'missing' }, 'blocked', 'readiness.publicEndpoint.missing'],
      [{ checkedAt: CHECKED_AT, state: 'unreadable' }, 'manual', 'readiness.publicEndpoint.unreadable'],
      [undefined, 'unknown', 'readiness.publicEndpoint.never'],
    ];
    for (const [facts, level, key] of cases) {
      it(`is ${level} when the public address is ${facts?.state ?? 'not read'}`, () => {
        const line = lineOf('publicEndpoint', { publicEndpoint: facts });
        expect([line.level, line.message.key]).toEqual([level, key]);
      });
    }

    it('shows the configured URL', () => {
      expect(lineOf('publicEndpoint', {}).message.params).toEqual({ url: 'https://vcd.corp.local' });
    });
  });

  describe('registryUrl', () => {
    const cases: [string | undefined, string, string][] = [
      [BASE, 'ready', 'valid'],
      ['https://harbor.corp.local/cse', 'blocked', 'invalid'],
      ['', 'blocked', 'empty'],
      [undefined, 'blocked', 'empty'],
      ['projects.registry.vmware.com', 'attention', 'defaultPublic'],
    ];
    for (const [base, level, key] of cases) {
      it(`is ${level} (${key}) for ${JSON.stringify(base)}`, () => {
        const line = lineOf('registryUrl', { registryBase: base });
        expect([line.level, line.message.key]).toEqual([level, `readiness.registryUrl.${key}`]);
      });
    }
  });

  describe('registryReachable', () => {
    const cases: [Partial<Record<CheckStepId, StepVerdict>>, string, string][] = [
      [{}, 'ready', 'ready'],
      [{ harbor: 'warning', project: 'failed' }, 'ready', 'ready'],
      [{ certificate: 'warning' }, 'attention', 'warning.certificate'],
      [{ connection: 'failed', certificate: 'skipped' }, 'blocked', 'failed.connection'],
      [{ registryApi: 'failed', certificate: 'warning' }, 'blocked', 'failed.registryApi'],
      [{ certificate: 'skipped' }, 'unknown', 'incomplete'],
    ];
    for (const [verdicts, level, key] of cases) {
      it(`is ${level} (${key}) for ${JSON.stringify(verdicts)}`, () => {
        const line = lineOf('registryReachable', { registryCheck: check(verdicts) });
        expect([line.level, line.message.key]).toEqual([level, `readiness.registryReachable.${key}`]);
      });
    }

    it('is unknown when the registry was never checked', () => {
      const line = lineOf('registryReachable', { registryCheck: undefined });
      expect([line.level, line.message.key, line.checkedAt]).toEqual(['unknown', 'readiness.registryReachable.never', undefined]);
    });

    it('does not count a check made for another registry URL, and says which', () => {
      const line = lineOf('registryReachable', { registryCheck: check({}, 'old.corp.local/cse') });
      expect(line.level).toBe('unknown');
      expect(line.message).toEqual({ key: 'readiness.registryReachable.otherBase', params: { base: 'old.corp.local/cse' } });
      expect(lineOf('projectPublic', { registryCheck: check({}, 'old.corp.local/cse') }).message.key).toBe(
        'readiness.projectPublic.otherBase',
      );
    });
  });

  describe('projectPublic', () => {
    const cases: [StepVerdict, string | undefined, string, string][] = [
      ['passed', 'registry.check.project.passed', 'ready', 'public'],
      ['failed', 'registry.check.project.private', 'blocked', 'private'],
      ['failed', 'registry.check.project.missing', 'blocked', 'missing'],
      ['failed', 'registry.check.http.serverError', 'blocked', 'failed'],
      ['warning', 'registry.check.project.none', 'attention', 'noProject'],
      ['skipped', 'registry.check.project.notHarbor', 'unknown', 'notChecked'],
    ];
    for (const [verdict, stepKey, level, key] of cases) {
      it(`is ${level} (${key}) when the project step ${verdict} with ${stepKey ?? 'no message'}`, () => {
        const registryCheck = check({ project: verdict }, BASE, stepKey ? { project: stepKey } : {});
        const line = lineOf('projectPublic', { registryCheck });
        expect([line.level, line.message.key]).toEqual([level, `readiness.projectPublic.${key}`]);
      });
    }

    it('names the project', () => {
      const registryCheck = check({ project: 'failed' }, BASE, { project: 'registry.check.project.private' });
      expect(lineOf('projectPublic', { registryCheck }).message.params).toEqual({ project: 'cse' });
    });
  });

  describe('certificates', () => {
    const soon = new Date(NOW.getTime() + 10 * 86_400_000).toISOString();
    const cases: [string, Partial<CertificateSnapshot>, string, string, Record<string, string | number>?][] = [
      ['no node CA', { nodes: [] }, 'blocked', 'empty', { list: 'nodes' }],
      ['no CA at all', { nodes: [], bootstrapCount: 0 }, 'blocked', 'empty', { list: 'both' }],
      [
        'a Bootstrap list that does not make the registry trusted',
        { bootstrapProven: false },
        'blocked',
        'notProven',
        { list: 'bootstrap' },
      ],
      ['no served chain to prove against', { nodesProven: null, bootstrapProven: null }, 'attention', 'noChain'],
      [
        'an expired node CA',
        { nodes: [{ subject: 'CN=Old', notAfter: '2025-01-01T00:00:00.000Z', sha256Fingerprint: 'CD' }] },
        'blocked',
        'expired',
        { subject: 'CN=Old', date: '2025-01-01' },
      ],
      [
        'a node CA expiring within 30 days',
        { nodes: [{ subject: 'CN=Soon', notAfter: soon, sha256Fingerprint: 'EF' }] },
        'attention',
        'expiresSoon',
        { subject: 'CN=Soon', days: 10, date: soon.slice(0, 10) },
      ],
      ['both lists proven', {}, 'ready', 'proven', { nodes: 1, bootstrap: 1 }],
    ];
    for (const [name, change, level, key, params] of cases) {
      it(`is ${level} with ${name}`, () => {
        const line = lineOf('certificates', { certificates: snapshot(change) });
        expect([line.level, line.message.key]).toEqual([level, `readiness.certificates.${key}`]);
        if (params) expect(line.message.params).toEqual(params);
      });
    }

    it('is unknown without a snapshot', () => {
      expect(lineOf('certificates', { certificates: undefined }).level).toBe('unknown');
    });
  });

  describe('dependencies and the plugin inventory', () => {
    it('blocks with the number of gaps, leaving the plugin inventory to its own line', () => {
      const record = dependencies([
        ['present', 'capvcd'],
        ['missing', 'tkg'],
        ['notPullableAnonymously', 'cpi'],
        ['missing', 'tanzuCli'],
      ]);
      const deps = lineOf('dependencies', { dependencyCheck: record });
      expect(deps.level).toBe('blocked');
      expect(deps.message).toEqual({ key: 'readiness.dependencies.gaps', params: { present: 1, total: 3, count: 2 } });
      const inventory = lineOf('pluginInventory', { dependencyCheck: record });
      expect([inventory.level, inventory.message.key]).toEqual(['blocked', 'readiness.pluginInventory.missing']);
    });

    it('asks for attention after a cancelled or partial check without gaps', () => {
      for (const outcome of ['cancelled', 'partial'] as const) {
        const record = dependencies(
          [
            ['present', 'capvcd'],
            ['pending', 'tkg'],
          ],
          outcome,
        );
        const line = lineOf('dependencies', { dependencyCheck: record });
        expect([line.level, line.message.key]).toEqual(['attention', 'readiness.dependencies.incomplete']);
      }
    });

    it('leaves the plugin inventory unknown when the catalog checked did not list it', () => {
      const line = lineOf('pluginInventory', { dependencyCheck: dependencies([['present', 'capvcd']]) });
      expect([line.level, line.message.key]).toEqual(['unknown', 'readiness.pluginInventory.notInCatalog']);
    });

    it('does not count a dependency check made for another base', () => {
      const record = dependencies([['present', 'capvcd']], 'done', 'other.corp.local/cse');
      for (const id of ['dependencies', 'pluginInventory'] as const) {
        const line = lineOf(id, { dependencyCheck: record });
        expect([line.level, line.message.key]).toEqual(['unknown', `readiness.${id}.otherBase`]);
      }
    });

    it('is unknown when no dependency check ran', () => {
      expect(lineOf('dependencies', { dependencyCheck: undefined }).message.key).toBe('readiness.dependencies.never');
    });
  });
});

describe('readinessVerdict', () => {
  it('says ready when every line is green', () => {
    expect(readinessVerdict(readinessLines(READY_INPUT))).toEqual({ level: 'ready', message: { key: 'readiness.verdict.ready' } });
  });

  it('counts the manual checks of an otherwise ready registry', () => {
    const lines = readinessLines({ ...READY_INPUT, publicEndpoint: { checkedAt: CHECKED_AT, state: 'unreadable' } });
    expect(readinessVerdict(lines).message).toEqual({ key: 'readiness.verdict.readyWithManual', params: { count: 1 } });
  });

  it('counts unchecked lines as needing attention', () => {
    const lines = readinessLines({ ...READY_INPUT, registryCheck: undefined, certificates: snapshot({ nodesProven: null }) });
    expect(readinessVerdict(lines)).toEqual({ level: 'attention', message: { key: 'readiness.verdict.attention', params: { count: 3 } } });
  });

  it('puts blockers first', () => {
    const lines = readinessLines({ ...READY_INPUT, registryBase: 'https://x', registryCheck: undefined });
    expect(readinessVerdict(lines)).toEqual({ level: 'blocked', message: { key: 'readiness.verdict.blocked', params: { count: 1 } } });
  });
});
