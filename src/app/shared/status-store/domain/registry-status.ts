/*
 * The plug-in's own Runtime Defined Entity type: where check results and access paths live, in
 * VCD, with VCD's access control (DESIGN §7). One entity per registry: 'system', or one per org.
 */
import { AccessPath } from '../../../registry/domain/access-path';
import { RegistryCheckRecord } from '../../../registry/domain/registry-check';
import schema from './registry-status.schema.json';

export const STATUS_VENDOR = 'cseairgap';
export const STATUS_NSS = 'registryStatus';
export const STATUS_VERSION = '1.0.0';
export const STATUS_TYPE_REF = { vendor: STATUS_VENDOR, nss: STATUS_NSS, version: STATUS_VERSION } as const;
export const STATUS_INTERFACE_ID = `urn:vcloud:interface:${STATUS_VENDOR}:${STATUS_NSS}:${STATUS_VERSION}`;
export const STATUS_TYPE_ID = `urn:vcloud:type:${STATUS_VENDOR}:${STATUS_NSS}:${STATUS_VERSION}`;
export const SYSTEM_STATUS_NAME = 'system';

export interface RegistryStatus {
  readonly scope: 'system' | 'organization';
  readonly orgId?: string;
  readonly registryBase?: string;
  readonly accessPath?: AccessPath;
  readonly lastRegistryCheck?: RegistryCheckRecord;
  readonly lastDependencyCheck?: Readonly<Record<string, unknown>>;
}

/** Exactly what the one-time setup creates; shown to the system administrator before it runs. */
export const STATUS_SETUP_PLAN = {
  interface: {
    name: 'CSE Airgap registry status',
    vendor: STATUS_VENDOR,
    nss: STATUS_NSS,
    version: STATUS_VERSION,
    readonly: false,
  },
  entityType: {
    name: 'CSE Airgap registry status',
    description: 'Registry checks and access paths of the CSE Airgap plug-in. No secrets: shared read-only with tenants.',
    vendor: STATUS_VENDOR,
    nss: STATUS_NSS,
    version: STATUS_VERSION,
    interfaces: [STATUS_INTERFACE_ID],
    schema: schema as Record<string, unknown>,
    readonly: false,
  },
} as const;
