// Who may do what with a defined entity, after VCD's documented model ("Access Control of
// Runtime Defined Entities", cloud-director-extension-standard-library docs): a type right
// (`<vendor>:<nss>: View / Modify / Full Access`) AND an ACL of at least that level, or an
// Administrator right (`Administrator View / Administrator Full access`) over the entities of the
// caller's own org. A System-org user's Administrator rights reach every org ("in all
// organizations"); the System Administrator role holds every type's rights, so it sees everything,
// while another provider role (cse-viewer) gets only what its rights and ACLs give.
import type { Principal } from '../core/context.js';
import type { AccessLevelId, EntityRecord, TypeRightSuffix, VcdState } from '../core/model.js';

export enum Level {
  None = 0,
  ReadOnly = 1,
  ReadWrite = 2,
  FullControl = 3,
}

const LEVEL_OF_ACL: Record<AccessLevelId, Level> = {
  'urn:vcloud:accessLevel:ReadOnly': Level.ReadOnly,
  'urn:vcloud:accessLevel:ReadWrite': Level.ReadWrite,
  'urn:vcloud:accessLevel:FullControl': Level.FullControl,
};

/** The type right an operation at `level` needs (named in VCD's 403 message). */
export const RIGHT_FOR_LEVEL: Record<Level, TypeRightSuffix> = {
  [Level.None]: 'View',
  [Level.ReadOnly]: 'View',
  [Level.ReadWrite]: 'Modify',
  [Level.FullControl]: 'Full Access',
};

/** `urn:vcloud:type:vmware:VCDKEConfig:1.1.0` → `vmware:VCDKEConfig`, the prefix of the type's rights. */
export function rightPrefixOf(entityTypeId: string): string {
  const [, , , vendor = '', nss = ''] = entityTypeId.split(':');
  return `${vendor}:${nss}`;
}

export function hasTypeRight(principal: Principal, entityTypeId: string, suffix: TypeRightSuffix): boolean {
  return principal.rights.has(`${rightPrefixOf(entityTypeId)}: ${suffix}`);
}

export function entityAccess(state: VcdState, principal: Principal, entity: EntityRecord): Level {
  const has = (suffix: TypeRightSuffix): boolean => hasTypeRight(principal, entity.entityType, suffix);
  const acls = state.accessControls.filter((acl) => acl.objectId === entity.id);
  const acting = principal.operatingOrg;

  // A provider acting as a tenant works on that tenant's entities and those shared with it.
  const inAdminScope = principal.isProvider
    ? acting.id === state.systemOrgId || entity.orgId === acting.id || acls.some((acl) => acl.memberId === acting.id)
    : entity.orgId === principal.org.id;
  const adminLevel = !inAdminScope
    ? Level.None
    : has('Administrator Full access')
      ? Level.FullControl
      : has('Administrator View')
        ? Level.ReadOnly
        : Level.None;

  const rightLevel = has('Full Access') ? Level.FullControl : has('Modify') ? Level.ReadWrite : has('View') ? Level.ReadOnly : Level.None;
  const members = new Set([principal.user.id, principal.org.id, ...principal.roles.map((role) => role.id)]);
  const aclLevel = Math.max(
    entity.ownerId === principal.user.id ? Level.FullControl : Level.None,
    ...acls.filter((acl) => members.has(acl.memberId)).map((acl) => LEVEL_OF_ACL[acl.accessLevelId]),
  );
  return Math.max(Math.min(rightLevel, aclLevel), adminLevel);
}
