import { TestConnectionProbe } from '../../vcd';
import { connectionVerdict } from './connection-verdict';

function probe(connectionResult: string, sslResult?: string | null, sslHandshake = sslResult === 'SUCCESS'): TestConnectionProbe {
  return { canConnect: connectionResult === 'SUCCESS', sslHandshake, connectionResult, sslResult: sslResult ?? null };
}

describe('connectionVerdict', () => {
  const cases: { probe: TestConnectionProbe; verdict: string; key: string; code: string }[] = [
    { probe: probe('SUCCESS', 'SUCCESS'), verdict: 'passed', key: 'registry.check.connection.success', code: 'SUCCESS' },
    {
      probe: probe('ERROR_CANNOT_RESOLVE_IP'),
      verdict: 'failed',
      key: 'registry.check.connection.cannotResolve',
      code: 'ERROR_CANNOT_RESOLVE_IP',
    },
    {
      probe: probe('ERROR_CANNOT_CONNECT'),
      verdict: 'failed',
      key: 'registry.check.connection.cannotConnect',
      code: 'ERROR_CANNOT_CONNECT',
    },
    { probe: probe('SUCCESS', 'ERROR_SSL_ERROR'), verdict: 'failed', key: 'registry.check.connection.sslError', code: 'ERROR_SSL_ERROR' },
    {
      probe: probe('SUCCESS', 'ERROR_UNTRUSTED_CERTIFICATE'),
      verdict: 'failed',
      key: 'registry.check.connection.untrusted',
      code: 'ERROR_UNTRUSTED_CERTIFICATE',
    },
    {
      probe: probe('SUCCESS', 'ERROR_CANNOT_VERIFY_HOSTNAME'),
      verdict: 'failed',
      key: 'registry.check.connection.hostname',
      code: 'ERROR_CANNOT_VERIFY_HOSTNAME',
    },
    {
      probe: probe('ERROR_CANNOT_CONNECT', 'ERROR_UNTRUSTED_CERTIFICATE'),
      verdict: 'failed',
      key: 'registry.check.connection.cannotConnect',
      code: 'ERROR_CANNOT_CONNECT',
    },
    { probe: probe('ERROR_NEW_IN_VCD_11'), verdict: 'failed', key: 'registry.check.connection.unknown', code: 'ERROR_NEW_IN_VCD_11' },
    { probe: probe('SUCCESS', null, true), verdict: 'passed', key: 'registry.check.connection.success', code: 'SUCCESS' },
    { probe: probe('SUCCESS', null, false), verdict: 'failed', key: 'registry.check.connection.sslError', code: 'ERROR_SSL_ERROR' },
  ];
  for (const { probe: given, verdict, key, code } of cases) {
    it(`maps ${given.connectionResult}/${given.sslResult ?? 'no TLS result'} to ${verdict} (${key.split('.').at(-1)})`, () => {
      expect(connectionVerdict(given)).toEqual({ verdict: verdict as never, messageKey: key, code });
    });
  }
});
