// The persisted shape of the VCD stand-in. Records keep ids, not embedded references, so that
// a rename is one change; the handlers build VCD's `{name, id}` references on the way out.

export type Json = null | boolean | number | string | Json[] | JsonObject;
export interface JsonObject {
  [key: string]: Json;
}

/** VCD's `EntityReference`: `{name, id}` with a URN id. */
export interface Ref {
  name: string;
  id: string;
}

export interface OrgRecord {
  id: string; // urn:vcloud:org:<uuid>
  name: string;
  displayName: string;
  description: string;
  isEnabled: boolean;
}

export interface RoleRecord {
  id: string; // urn:vcloud:role:<uuid>
  name: string;
  rights: string[]; // right names, e.g. "vmware:VCDKEConfig: View"
}

export interface UserRecord {
  id: string; // urn:vcloud:user:<uuid>
  name: string;
  orgId: string;
  roleIds: string[];
  /** Plain text on purpose: every sandbox persona uses the documented password `sandbox`. */
  password: string;
}

export interface EntityTypeRecord {
  id: string; // urn:vcloud:type:<vendor>:<nss>:<version>
  vendor: string;
  nss: string;
  version: string;
  name: string;
  description: string;
  interfaces: string[];
  /**
   * The JSON schema. `null` for VCDKEConfig: its schema is read from the reference file at run
   * time (VcdApiOptions.vcdKeConfigSchemaPath) so that the file stays the single source.
   */
  schema: JsonObject | null;
}

export type EntityState = 'PRE_CREATED' | 'RESOLVED' | 'RESOLUTION_ERROR';

export interface EntityRecord {
  id: string; // urn:vcloud:entity:<vendor>:<nss>:<uuid>
  entityType: string;
  name: string;
  externalId: string | null;
  entity: JsonObject;
  state: EntityState;
  ownerId: string; // user id
  orgId: string;
  /** Strong ETag value (with quotes), replaced on every write. */
  etag: string;
}

export const ACCESS_LEVELS = [
  'urn:vcloud:accessLevel:ReadOnly',
  'urn:vcloud:accessLevel:ReadWrite',
  'urn:vcloud:accessLevel:FullControl',
] as const;
export type AccessLevelId = (typeof ACCESS_LEVELS)[number];

export interface AccessControlRecord {
  id: string; // urn:vcloud:accessControl:<uuid>
  objectId: string; // the entity id
  grantType: 'MembershipAccessControlGrant';
  accessLevelId: AccessLevelId;
  memberId: string; // a user or org id
  tenantOrgId: string; // the org of the object: ACLs never cross that tenancy barrier
}

export interface TrustedCertificateRecord {
  id: string; // urn:vcloud:trustedCertificate:<uuid>
  alias: string;
  certificate: string; // PEM
  orgId: string; // whose trust store
}

export interface VcdState {
  formatVersion: 1;
  site: Ref;
  systemOrgId: string;
  orgs: OrgRecord[];
  roles: RoleRecord[];
  users: UserRecord[];
  entityTypes: EntityTypeRecord[];
  entities: EntityRecord[];
  accessControls: AccessControlRecord[];
  trustedCertificates: TrustedCertificateRecord[];
}

export const VCDKECONFIG_TYPE_ID = 'urn:vcloud:type:vmware:VCDKEConfig:1.1.0';

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
