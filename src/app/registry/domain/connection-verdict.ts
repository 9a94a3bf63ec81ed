/*
 * What VCD's testConnection codes mean for an airgapped registry, and what to do about each.
 * The probe runs from the VCD cell, which is also where CSE's Bootstrap VM network starts from.
 */
import { TestConnectionProbe } from '../../vcd';

export type { StepVerdict } from '../../shared/status-store/domain';
import type { StepVerdict } from '../../shared/status-store/domain';

export interface VerdictMessage {
  readonly verdict: StepVerdict;
  /** i18n key under registry.check.connection */
  readonly messageKey: string;
}

const CONNECTION: Readonly<Record<string, VerdictMessage>> = {
  SUCCESS: { verdict: 'passed', messageKey: 'registry.check.connection.success' },
  ERROR_CANNOT_RESOLVE_IP: { verdict: 'failed', messageKey: 'registry.check.connection.cannotResolve' },
  ERROR_CANNOT_CONNECT: { verdict: 'failed', messageKey: 'registry.check.connection.cannotConnect' },
  ERROR_SSL_ERROR: { verdict: 'failed', messageKey: 'registry.check.connection.sslError' },
  ERROR_UNTRUSTED_CERTIFICATE: { verdict: 'failed', messageKey: 'registry.check.connection.untrusted' },
  ERROR_CANNOT_VERIFY_HOSTNAME: { verdict: 'failed', messageKey: 'registry.check.connection.hostname' },
};

const UNKNOWN: VerdictMessage = { verdict: 'failed', messageKey: 'registry.check.connection.unknown' };

/**
 * The probe's overall verdict: the connection result first (DNS, TCP), then the TLS result.
 * An unknown code (a newer VCD) fails with its raw code shown rather than passing silently.
 */
export function connectionVerdict(probe: TestConnectionProbe): VerdictMessage & { readonly code: string } {
  const connection = probe.connectionResult;
  if (connection !== 'SUCCESS') {
    return { ...(CONNECTION[connection] ?? UNKNOWN), code: connection };
  }
  const ssl = probe.sslResult ?? (probe.sslHandshake ? 'SUCCESS' : 'ERROR_SSL_ERROR');
  return { ...(CONNECTION[ssl] ?? UNKNOWN), code: ssl };
}
