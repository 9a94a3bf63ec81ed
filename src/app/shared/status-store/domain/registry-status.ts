/*
 * The plug-in's own Runtime Defined Entity type: where check results and access paths live, in
 * VCD, with VCD's access control (docs/domain.md#plugin-data). One entity per registry: 'system', or one per org.
 */
import { AccessPath, RegistryCheckRecord } from './stored-records';
import schema from './registry-status.schema.json';

export const STATUS_VENDOR = 'cseairgap';
export const STATUS_NSS = 'registryStatus';
export const STATUS_VERSION = '1.0.0';
export const STATUS_TYPE_REF = { vendor: STATUS_VENDOR, nss: STATUS_NSS, version: STATUS_VERSION } as const;
export const STATUS_INTERFACE_ID = `urn:vcloud:interface:${STATUS_VENDOR}:${STATUS_NSS}:${STATUS_VERSION}`;
export const STATUS_TYPE_ID = `urn:vcloud:type:${STATUS_VENDOR}:${STATUS_NSS}:${STATUS_VERSION}`;
export const SYSTEM_STATUS_NAME = 'system';
/** The right VCD creates with the entity type: tenants need it to read their organization's status. */
export const STATUS_VIEW_RIGHT = `${STATUS_VENDOR}:${STATUS_NSS}: View`;

/** One CA certificate of a CSE list, as the status keeps it: public facts only, never the key. */
export interface TrustedCertificateFacts {
  readonly subject: string;
  readonly notAfter: string;
  readonly sha256Fingerprint: string;
}

/**
 * What the Bootstrap VM and the cluster nodes trust, taken from VCDKEConfig when the registry was
 * checked, and whether each list is proven against the chain the registry served (null: no chain).
 */
export interface CertificateSnapshot {
  readonly checkedAt: string;
  readonly nodes: readonly TrustedCertificateFacts[];
  readonly bootstrapCount: number;
  readonly nodesProven: boolean | null;
  readonly bootstrapProven: boolean | null;
}

export interface PublicEndpointFacts {
  readonly checkedAt: string;
  /** 'configured': a public REST API base URL is set; 'missing': none; 'unreadable': no API exposed it. */
  readonly state: 'configured' | 'missing' | 'unreadable';
  readonly url?: string;
}

export interface RegistryStatus {
  readonly scope: 'system' | 'organization';
  readonly orgId?: string;
  readonly orgName?: string;
  /** An organization's private registry; absent for an organization that uses the system registry. */
  readonly registryBase?: string;
  /** The registry the checks below were run against (an organization's own, or the system's). */
  readonly checkedBase?: string;
  readonly accessPath?: AccessPath;
  readonly lastRegistryCheck?: RegistryCheckRecord;
  readonly lastDependencyCheck?: Readonly<Record<string, unknown>>;
  readonly certificates?: CertificateSnapshot;
  /** VCD's public API address as the provider's check read it (the Bootstrap VM and clusters call it). */
  readonly publicEndpoint?: PublicEndpointFacts;
  /** The provider lets the organization's administrator re-run the dependency check. */
  readonly tenantRecheck?: boolean;
  readonly assignedAt?: string;
  readonly assignedBy?: string;
}

/** The entity name of an organization's status: one per organization, found by name. */
export function orgStatusName(orgId: string): string {
  return `org-${orgId.replace(/^urn:vcloud:org:/, '')}`;
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
