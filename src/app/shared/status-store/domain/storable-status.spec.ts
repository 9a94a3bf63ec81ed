import { CheckStepResult, RegistryCheckRecord } from '../../../registry/domain/registry-check';
import { RegistryStatus } from './registry-status';
import { storableStatus } from './storable-status';

function check(steps: CheckStepResult[]): RegistryCheckRecord {
  return {
    base: 'harbor.corp.local/cse',
    accessPath: { kind: 'extApi', prefix: 'cseairgap-harbor-corp-local' },
    checkedAt: '2026-01-01T00:00:00.000Z',
    timeoutSeconds: 10,
    steps,
    chain: [],
    verdict: 'passed',
  };
}

const connection: CheckStepResult = {
  id: 'connection',
  verdict: 'passed',
  message: { key: 'registry.check.connection.passed', params: { host: 'harbor.corp.local', port: 443 } },
};

describe('storableStatus', () => {
  const cases: { name: string; step: CheckStepResult; stored: CheckStepResult }[] = [
    { name: 'drops the resolved internal IP of the connection step', step: { ...connection, detail: '10.20.30.40' }, stored: connection },
    {
      name: "drops VCD's raw error text, which may name internal hosts",
      step: {
        id: 'connection',
        verdict: 'failed',
        message: { key: 'registry.check.connection.vcdFailed' },
        detail: 'Connection refused: /10.1.2.3:443',
      },
      stored: { id: 'connection', verdict: 'failed', message: { key: 'registry.check.connection.vcdFailed' } },
    },
    { name: 'keeps a step without detail as it is', step: connection, stored: connection },
    {
      name: 'keeps the notes of a step',
      step: { id: 'certificate', verdict: 'warning', notes: [{ key: 'registry.check.certificate.expired' }], detail: 'x' },
      stored: { id: 'certificate', verdict: 'warning', notes: [{ key: 'registry.check.certificate.expired' }] },
    },
  ];
  for (const { name, step, stored } of cases) {
    it(name, () => {
      const status: RegistryStatus = { scope: 'system', lastRegistryCheck: check([step]) };
      expect(storableStatus(status).lastRegistryCheck?.steps).toEqual([stored]);
    });
  }

  it('leaves every other field as it is', () => {
    const status: RegistryStatus = {
      scope: 'organization',
      orgId: 'urn:vcloud:org:1',
      registryBase: 'harbor.acme.local/cse',
      tenantRecheck: true,
    };
    expect(storableStatus(status)).toEqual(status);
  });

  it('does not change the status it was given (the provider still sees the detail live)', () => {
    const status: RegistryStatus = { scope: 'system', lastRegistryCheck: check([{ ...connection, detail: '10.20.30.40' }]) };
    storableStatus(status);
    expect(status.lastRegistryCheck?.steps[0]?.detail).toBe('10.20.30.40');
  });
});
