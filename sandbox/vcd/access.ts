// Who may do what with a defined entity, after VCD's documented model ("Access Control of
// Runtime Defined Entities", vcd-ext-sdk docs): a type right (View / Edit / Full Control:
// <vendor>:<nss>) AND an ACL of at least that level, or an Administrator right over the
// entities of the caller's own org. System users have FullControl on everything.
import type { Principal } from './context.js';
import type { AccessLevelId, EntityRecord, VcdState } from './model.js';

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

/** `urn:vcloud:type:vmware:VCDKEConfig:1.1.0` → `vmware:VCDKEConfig`, the prefix of the type's rights. */
export function rightPrefixOf(entityTypeId: string): string {
  const [, , , vendor = '', nss = ''] = entityTypeId.split(':');
  return `${vendor}:${nss}`;
}

export function entityAccess(state: VcdState, principal: Principal, entity: EntityRecord): Level {
  const acting = principal.operatingOrg;
  if (principal.isProvider) {
    // A provider acting as a tenant sees what that tenant owns or was shared, with full power.
    if (acting.id === state.systemOrgId) return Level.FullControl;
    const sharedWithActing = aclsOf(state, entity).some((acl) => acl.memberId === acting.id);
    return entity.orgId === acting.id || sharedWithActing ? Level.FullControl : Level.None;
  }

  const prefix = rightPrefixOf(entity.entityType);
  const has = (right: string): boolean => principal.rights.has(`${prefix}: ${right}`);
  const ownOrg = entity.orgId === principal.org.id;
  const adminLevel = !ownOrg
    ? Level.None
    : has('Administrator Full Control')
      ? Level.FullControl
      : has('Administrator View')
        ? Level.ReadOnly
        : Level.None;
  const rightLevel = has('Full Control') ? Level.FullControl : has('Edit') ? Level.ReadWrite : has('View') ? Level.ReadOnly : Level.None;

  const members = new Set([principal.user.id, principal.org.id, ...principal.roles.map((role) => role.id)]);
  const aclLevel = Math.max(
    entity.ownerId === principal.user.id ? Level.FullControl : Level.None,
    ...aclsOf(state, entity)
      .filter((acl) => members.has(acl.memberId))
      .map((acl) => LEVEL_OF_ACL[acl.accessLevelId]),
  );
  return Math.max(Math.min(rightLevel, aclLevel), adminLevel);
}

function aclsOf(state: VcdState, entity: EntityRecord) {
  return state.accessControls.filter((acl) => acl.objectId === entity.id);
}
