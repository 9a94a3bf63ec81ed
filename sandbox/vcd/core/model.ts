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
  description: string;
  rights: string[]; // right names, e.g. "vmware:VCDKEConfig: View"; empty for a global role's copy
  /** A tenant role that is a published global role's copy takes that global role's rights. */
  globalRoleId?: string | null;
}

/**
 * What rights bundles and global roles share: a set of rights and the tenants it is published to
 * (`publishAll`, or explicitly `tenantIds`). VCD's RightsBundle and GlobalRole models.
 */
export interface PublishableRecord {
  id: string; // urn:vcloud:rightsBundle:<uuid> or urn:vcloud:globalRole:<uuid>
  name: string;
  description: string;
  bundleKey: string;
  readOnly: boolean;
  publishAll: boolean;
  tenantIds: string[]; // orgs it is published to explicitly
  rights: string[]; // right names
}

/** A right as VCD lists it (`{name, id}`); roles refer to rights by name, the API by id. */
export interface RightRecord {
  id: string; // urn:vcloud:right:<uuid>
  name: string;
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

export interface DefinedInterfaceRecord {
  id: string; // urn:vcloud:interface:<vendor>:<nss>:<version>
  name: string;
  vendor: string;
  nss: string;
  version: string;
  readonly: boolean;
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
  /** The task of `POST entityTypes/{id}` that stays running until the entity is first resolved. */
  creationTaskId?: string | null;
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

/** An API extension reached over HTTPS (`/ext-api`), VCD 10.4.3+ (API 37.3). */
export interface ExternalEndpointRecord {
  id: string; // urn:vcloud:extensionEndpoint:<vendor>:<name>:<version>
  name: string;
  vendor: string;
  version: string;
  enabled: boolean;
  description: string | null;
  rootUrl: string;
  /**
   * VCD 10.5+ (ExternalEndpoint.authorizationEnabled); absent in a state saved before, and null when
   * the creator did not say. Only `false` keeps the caller's Authorization header behind (ext-api.ts).
   */
  authorizationEnabled?: boolean | null;
}

export type UrlScope = 'EXT_API' | 'EXT_UI_PROVIDER' | 'EXT_UI_TENANT';

export interface ApiFilterRecord {
  id: string; // urn:vcloud:apiFilter:<uuid>
  externalSystemId: string;
  urlPattern: string;
  urlScope: UrlScope;
}

export type TaskStatus = 'running' | 'success' | 'error' | 'aborted';

/** A task of the legacy API (`GET /api/task/{uuid}`), as an async cloudapi call returns one. */
export interface TaskRecord {
  id: string; // uuid (the URN is urn:vcloud:task:<uuid>)
  operationName: string;
  operation: string;
  status: TaskStatus;
  progress: number;
  startTime: string;
  endTime: string | null;
  owner: { id: string; name: string; type: string };
  userId: string;
  orgId: string;
  error: { minorErrorCode: string; message: string } | null;
}

/** A UI plug-in registration (`/cloudapi/extensions/ui`); its zip lives in the bundle store, by id. */
export interface UiPluginRecord {
  id: string; // urn:vcloud:uiPlugin:<uuid>
  pluginName: string;
  vendor: string;
  description: string;
  version: string;
  license: string;
  link: string;
  tenantScoped: boolean;
  providerScoped: boolean;
  enabled: boolean;
  /** `unavailable` until a bundle is uploaded and valid; `ready` once it is. */
  status: 'unavailable' | 'ready';
  /** The upload that POST …/plugin announced, until its PUT arrives. */
  pendingUpload: { transferId: string; fileName: string; size: number } | null;
  /** Organizations the plug-in is explicitly published to. */
  tenantIds: string[];
}

/** An API token: a long-lived OAuth refresh token a user created for scripts. */
export interface ApiTokenRecord {
  id: string; // urn:vcloud:token:<uuid>; the uuid is the OAuth client_id
  name: string;
  userId: string;
  /** SHA-256 (hex) of the refresh token, set once it was handed out; never the token itself. */
  refreshTokenSha256: string | null;
}

export const STATE_FORMAT_VERSION = 3;

export interface VcdState {
  formatVersion: typeof STATE_FORMAT_VERSION;
  site: Ref;
  systemOrgId: string;
  orgs: OrgRecord[];
  rights: RightRecord[];
  /** A tenant's role can only use rights of a bundle published to its org (VCD's rights bundles). */
  rightsBundles: PublishableRecord[];
  globalRoles: PublishableRecord[];
  roles: RoleRecord[];
  users: UserRecord[];
  interfaces: DefinedInterfaceRecord[];
  entityTypes: EntityTypeRecord[];
  entities: EntityRecord[];
  accessControls: AccessControlRecord[];
  trustedCertificates: TrustedCertificateRecord[];
  externalEndpoints: ExternalEndpointRecord[];
  apiFilters: ApiFilterRecord[];
  tasks: TaskRecord[];
  /** `cloudapi/extensions/ui` registrations (absent in a state saved before they existed: none). */
  uiPlugins?: UiPluginRecord[];
  /** API tokens (`/oauth/provider/register` + `/token`), by the SHA-256 of their refresh token. */
  apiTokens?: ApiTokenRecord[];
}

export const VCDKECONFIG_TYPE_ID = 'urn:vcloud:type:vmware:VCDKEConfig:1.1.0';
export const SYSTEM_ADMINISTRATOR_ROLE = 'System Administrator';

/**
 * The rights VCD creates with a defined entity type, as real VCD names them (terraform-provider-vcd's
 * CSE 4.x guides list them for vmware:VCDKEConfig and vmware:capvcdCluster): note "Full Access" and
 * "Administrator Full access", not the "Edit"/"Full Control" of the vcd-ext-sdk prose.
 */
export const TYPE_RIGHT_SUFFIXES = ['View', 'Modify', 'Full Access', 'Administrator View', 'Administrator Full access'] as const;
export type TypeRightSuffix = (typeof TYPE_RIGHT_SUFFIXES)[number];

export function typeRightNames(vendor: string, nss: string): string[] {
  return TYPE_RIGHT_SUFFIXES.map((suffix) => `${vendor}:${nss}: ${suffix}`);
}

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
