// The first state of the VCD stand-in: orgs, personas, the VCDKEConfig type and the one
// `vcdKeConfig` entity CSE 4.2.1 would have written, built from the reference template.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { addCapvcdClusters } from '../clusters/clusters-seed.js';
import { newEtag } from '../entities/etag.js';
import {
  AccessControlRecord,
  EntityRecord,
  OrgRecord,
  PublishableRecord,
  RightRecord,
  RoleRecord,
  STATE_FORMAT_VERSION,
  SYSTEM_ADMINISTRATOR_ROLE,
  UserRecord,
  VCDKECONFIG_TYPE_ID,
  VcdState,
  isJsonObject,
  typeRightNames,
} from './model.js';

/** Every persona's password: a documented sandbox convenience, never a real credential. */
export const SANDBOX_PASSWORD = 'sandbox';

export interface SandboxPersona {
  /** The login as VCD expects it in Basic auth: `user@org`. */
  login: string;
  scope: 'provider' | 'tenant';
  role: string;
}

export const SANDBOX_PERSONAS: readonly SandboxPersona[] = [
  { login: 'administrator@System', scope: 'provider', role: 'System Administrator' },
  { login: 'acme-admin@acme', scope: 'tenant', role: 'Organization Administrator' },
  { login: 'globex-admin@globex', scope: 'tenant', role: 'Organization Administrator' },
  { login: 'acme-user@acme', scope: 'tenant', role: 'vApp User' },
  { login: 'cse-viewer@System', scope: 'provider', role: 'CSE Viewer' },
];

/** Rights that are not about defined entities, named as VCD names them. */
const GENERAL_RIGHTS = ['Organization: View', 'Certificate Library: View', 'Certificate Library: Manage', 'UI Plugins: View'];

/** How many filler orgs to add by default, so that the orgs list really has more than one page. */
export const DEFAULT_FILLER_ORGS = 42;

/** The repository's copy of the reference data (reference/README.md says where it comes from). */
const referenceFile = (name: string): string => fileURLToPath(new URL(`../../../reference/${name}`, import.meta.url));
export const DEFAULT_VCDKECONFIG_TEMPLATE_PATH = referenceFile('vcdkeconfig-v4.2.json.template');
export const DEFAULT_VCDKECONFIG_SCHEMA_PATH = referenceFile('vcdkeconfig-type-schema-v1.1.0.json');

export interface SeedOptions {
  containerRegistryUrl: string;
  /** The sandbox registry CA: seeded into System's trusted certificates, as a provider would. */
  caPem: string;
  /** Defaults to the repository's reference/vcdkeconfig-v4.2.json.template. */
  vcdKeConfigTemplatePath?: string;
  /** Filler orgs `tenant-01`… besides acme and globex (default 42), numbered to the width of the count (at least 2). */
  fillerOrgs?: number;
  /** CSE's cluster type and a few clusters in acme and globex (clusters-seed.ts), plus `filler` more. Off when absent. */
  clusters?: { readonly filler?: number };
}

export function seedVcdState(opts: SeedOptions): VcdState {
  const system = org('System', 'System Organization');
  const acme = org('acme', 'ACME Corporation');
  const globex = org('globex', 'Globex Corporation');
  const generated = fillerOrgs(opts.fillerOrgs ?? DEFAULT_FILLER_ORGS);

  // The System Administrator holds every right, the five of each entity type included.
  const vcdKeConfigRights = typeRightNames('vmware', 'VCDKEConfig');
  const sysAdminRole = role(SYSTEM_ADMINISTRATOR_ROLE, [...GENERAL_RIGHTS, ...vcdKeConfigRights], 'Every right of the system.');
  // The tenant roles are global roles published to every tenant; each tenant's role is their copy.
  // In VCD the View right on VCDKEConfig comes with CSE's "Kubernetes Clusters Rights Bundle"; here
  // the Default Rights Bundle carries it, so that one bundle holds every tenant right.
  const orgAdminGlobal = publishable('globalRole', 'Organization Administrator', [
    'Organization: View',
    'Certificate Library: View',
    'vmware:VCDKEConfig: View',
  ]);
  const vappUserGlobal = publishable('globalRole', 'vApp User', ['Organization: View']);
  const globalRoles = [orgAdminGlobal, vappUserGlobal];
  const orgAdminRole = copyOf(orgAdminGlobal);
  const vappUserRole = copyOf(vappUserGlobal);
  const defaultBundle = publishable('rightsBundle', 'Default Rights Bundle', [
    ...new Set([...GENERAL_RIGHTS, ...globalRoles.flatMap((global) => global.rights)]),
  ]);
  // A provider role that may read CSE's settings and nothing more: writes must fail with 403.
  const cseViewerRole = role('CSE Viewer', ['vmware:VCDKEConfig: View'], 'Provider role that can only view VCDKEConfig.');
  const roles = [sysAdminRole, orgAdminRole, vappUserRole, cseViewerRole];

  const administrator = user('administrator', system, sysAdminRole);
  const cseViewer = user('cse-viewer', system, cseViewerRole);
  const users = [
    administrator,
    user('acme-admin', acme, orgAdminRole),
    user('globex-admin', globex, orgAdminRole),
    user('acme-user', acme, vappUserRole),
    cseViewer,
  ];

  const entity: EntityRecord = {
    id: `urn:vcloud:entity:vmware:VCDKEConfig:${randomUUID()}`,
    entityType: VCDKECONFIG_TYPE_ID,
    name: 'vcdKeConfig',
    externalId: null,
    entity: buildVcdKeConfig(opts.containerRegistryUrl, opts.vcdKeConfigTemplatePath ?? DEFAULT_VCDKECONFIG_TEMPLATE_PATH),
    state: 'RESOLVED',
    ownerId: administrator.id,
    orgId: system.id,
    etag: newEtag(),
  };

  // The owner holds FullControl (VCD grants it to the creator); acme and globex get the
  // read-only share a provider makes so that their clusters can read the CSE settings; the
  // provider viewer gets a read-only share too (his View right alone opens nothing).
  const acls: AccessControlRecord[] = [
    acl(entity, administrator.id, 'urn:vcloud:accessLevel:FullControl', system.id),
    acl(entity, acme.id, 'urn:vcloud:accessLevel:ReadOnly', system.id),
    acl(entity, globex.id, 'urn:vcloud:accessLevel:ReadOnly', system.id),
    acl(entity, cseViewer.id, 'urn:vcloud:accessLevel:ReadOnly', system.id),
  ];

  const state: VcdState = {
    formatVersion: STATE_FORMAT_VERSION,
    site: { name: 'sandbox', id: `urn:vcloud:site:${randomUUID()}` },
    systemOrgId: system.id,
    orgs: [system, acme, globex, ...generated],
    rights: rightsOf([...roles, ...globalRoles, defaultBundle]),
    rightsBundles: [defaultBundle],
    globalRoles,
    roles,
    users,
    interfaces: [
      {
        id: 'urn:vcloud:interface:vmware:VCDKEConfig:1.0.0',
        name: 'VCDKEConfig',
        vendor: 'vmware',
        nss: 'VCDKEConfig',
        version: '1.0.0',
        readonly: false,
      },
    ],
    entityTypes: [
      {
        id: VCDKECONFIG_TYPE_ID,
        vendor: 'vmware',
        nss: 'VCDKEConfig',
        version: '1.1.0',
        name: 'VCD-KE RDE Schema',
        description: '',
        interfaces: ['urn:vcloud:interface:vmware:VCDKEConfig:1.0.0'],
        schema: null,
      },
    ],
    entities: [entity],
    accessControls: acls,
    trustedCertificates: opts.caPem.includes('-----BEGIN CERTIFICATE-----')
      ? [
          {
            id: `urn:vcloud:trustedCertificate:${randomUUID()}`,
            alias: 'sandbox-registry-ca',
            certificate: opts.caPem.trim(),
            orgId: system.id,
          },
        ]
      : [],
    externalEndpoints: [],
    apiFilters: [],
    tasks: [],
  };
  if (opts.clusters) addCapvcdClusters(state, { registryBase: opts.containerRegistryUrl, fillerClusters: opts.clusters.filler ?? 0 });
  return state;
}

/** Values CSE 4.2.1 would put in the template (component versions: docs/domain.md#component-versions). */
const CSE_421_VALUES: Record<string, string | number | string[]> = {
  k8s_cluster_certificates: [],
  bootstrap_vm_certificates: [],
  capvcd_version: '1.3.0', // the template prefixes the "v"
  cpi_version: '1.6.0',
  csi_version: '1.6.0',
  rde_projector_version: '0.7.0',
  max_unhealthy_node_percentage: 100,
  node_startup_timeout: '900s',
  node_not_ready_timeout: '300s',
  node_unknown_timeout: '300s',
  syslog_host: '',
  syslog_port: '',
  no_proxy: '',
  http_proxy: '',
  https_proxy: '',
  bootstrap_vm_sizing_policy: 'TKG small',
};

/**
 * The template has placeholders inside strings, inside arrays and as bare numbers, so it is
 * not JSON until filled: substitute textually (string content escaped, arrays as JSON items,
 * numbers raw), then parse.
 */
export function buildVcdKeConfig(containerRegistryUrl: string, templatePath: string) {
  const template = readFileSync(templatePath, 'utf8');
  const values: Record<string, string | number | string[]> = { ...CSE_421_VALUES, container_registry_url: containerRegistryUrl };
  const unknown = new Set<string>();
  const text = template.replace(/\$\{(\w+)\}/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined) {
      unknown.add(name);
      return '';
    }
    if (Array.isArray(value)) return value.map((item) => JSON.stringify(item)).join(',\n');
    if (typeof value === 'number') return String(value);
    return JSON.stringify(value).slice(1, -1);
  });
  if (unknown.size > 0) throw new Error(`${templatePath}: no value for placeholder(s) ${[...unknown].join(', ')}`);
  const parsed: unknown = JSON.parse(text);
  if (!isJsonObject(parsed)) throw new Error(`${templatePath}: the filled template is not a JSON object`);
  return parsed;
}

/** `tenant-01`…`tenant-42` for 42, `tenant-0001`…`tenant-5000` for 5,000. */
function fillerOrgs(count: number): OrgRecord[] {
  if (!Number.isInteger(count) || count < 0) throw new Error(`fillerOrgs must be a whole number ≥ 0, got ${count}`);
  const width = Math.max(2, String(count).length);
  return Array.from({ length: count }, (_, i) => {
    const n = String(i + 1).padStart(width, '0');
    return org(`tenant-${n}`, `Tenant ${n}`);
  });
}

function org(name: string, displayName: string): OrgRecord {
  return { id: `urn:vcloud:org:${randomUUID()}`, name, displayName, description: '', isEnabled: true };
}

function role(name: string, rights: string[], description = ''): RoleRecord {
  return { id: `urn:vcloud:role:${randomUUID()}`, name, description, rights };
}

/** A global role or rights bundle published to every tenant. */
function publishable(kind: 'globalRole' | 'rightsBundle', name: string, rights: string[]): PublishableRecord {
  const key = name.replace(/[^A-Za-z0-9]+/g, '.').toLowerCase();
  return {
    id: `urn:vcloud:${kind}:${randomUUID()}`,
    name,
    description: '',
    bundleKey: `com.vmware.vcloud.${kind === 'globalRole' ? 'role' : 'bundle'}.${key}`,
    readOnly: false,
    publishAll: true,
    tenantIds: [],
    rights,
  };
}

/** The tenant role that is `global`'s copy: its rights are read from the global role. */
function copyOf(global: PublishableRecord): RoleRecord {
  return { ...role(global.name, []), globalRoleId: global.id };
}

/** Every right some role or bundle names, each with its own id. */
function rightsOf(holders: readonly { rights: string[] }[]): RightRecord[] {
  const names = [...new Set(holders.flatMap((candidate) => candidate.rights))].sort();
  return names.map((name) => ({ id: `urn:vcloud:right:${randomUUID()}`, name }));
}

function user(name: string, home: OrgRecord, userRole: RoleRecord): UserRecord {
  return {
    id: `urn:vcloud:user:${randomUUID()}`,
    name,
    orgId: home.id,
    roleIds: [userRole.id],
    password: SANDBOX_PASSWORD,
  };
}

function acl(
  entity: EntityRecord,
  memberId: string,
  accessLevelId: AccessControlRecord['accessLevelId'],
  tenantOrgId: string,
): AccessControlRecord {
  return {
    id: `urn:vcloud:accessControl:${randomUUID()}`,
    objectId: entity.id,
    grantType: 'MembershipAccessControlGrant',
    accessLevelId,
    memberId,
    tenantOrgId,
  };
}
