/* The cloudapi shapes the plug-in reads and writes, typed as VCD documents them. */

export interface EntityReference {
  readonly name: string;
  readonly id: string;
}

/** VCD's paging envelope for cloudapi collections. */
export interface Page<T> {
  readonly resultTotal: number;
  readonly pageCount: number;
  readonly page: number;
  readonly pageSize: number;
  readonly values: readonly T[];
}

export interface PageQuery {
  readonly filter?: string;
  readonly page?: number;
  readonly pageSize?: number;
  readonly sortAsc?: string;
  readonly sortDesc?: string;
}

export interface EntityTypeRef {
  readonly vendor: string;
  readonly nss: string;
  readonly version: string;
}

export type EntityState = 'PRE_CREATED' | 'RESOLVED' | 'RESOLUTION_ERROR' | 'IN_DELETION';

/** A Runtime Defined Entity. `entity` is the type-specific document. */
export interface DefinedEntity<T> {
  readonly id: string;
  readonly entityType: string;
  readonly name: string;
  readonly externalId?: string | null;
  readonly entity: T;
  readonly state?: EntityState;
  readonly owner?: EntityReference;
  readonly org?: EntityReference;
}

/** A document together with the ETag VCD sent with it; writes must send it back as If-Match. */
export interface Versioned<T> {
  readonly value: T;
  readonly etag: string;
}

export interface TestConnectionRequest {
  readonly host: string;
  readonly port: number;
  readonly secure: boolean;
  /** Seconds. */
  readonly timeout: number;
  readonly hostnameVerificationAlgorithm: 'HTTPS' | 'LDAPS';
}

export type ConnectionResultCode =
  | 'SUCCESS'
  | 'ERROR_CANNOT_RESOLVE_IP'
  | 'ERROR_CANNOT_CONNECT'
  | 'ERROR_SSL_ERROR'
  | 'ERROR_UNTRUSTED_CERTIFICATE'
  | 'ERROR_CANNOT_VERIFY_HOSTNAME';

export interface TestConnectionProbe {
  readonly result?: string;
  readonly resolvedIp?: string | null;
  readonly canConnect: boolean;
  readonly sslHandshake: boolean;
  readonly connectionResult: ConnectionResultCode | string;
  readonly sslResult?: ConnectionResultCode | string | null;
  /** PEM, leaf first, as VCD returns it. */
  readonly certificateChain?: string | null;
}

export interface TestConnectionResult {
  readonly targetProbe: TestConnectionProbe;
  readonly proxyProbe?: TestConnectionProbe | null;
}

export interface CurrentSession {
  readonly id: string;
  readonly user: EntityReference;
  readonly org: EntityReference;
  readonly roles: readonly string[];
}
