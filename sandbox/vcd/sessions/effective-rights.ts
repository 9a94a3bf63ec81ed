// Which rights a role really gives, after VCD's rights model ("Managing Rights and Roles", VCD
// Service Provider Admin Guide): a tenant role that is a global role's copy holds that global
// role's rights, and a tenant's users can only use the rights of the rights bundles published to
// their org: effective = role rights ∩ (union of the published bundles' rights). Users of the
// System org are not limited by bundles.
import type { PublishableRecord, RoleRecord, UserRecord, VcdState } from '../core/model.js';

export function isPublishedTo(item: PublishableRecord, orgId: string): boolean {
  return item.publishAll || item.tenantIds.includes(orgId);
}

/** The rights a role names: its own, or its global role's when it is a copy of one. */
export function roleRightNames(state: VcdState, role: RoleRecord): string[] {
  if (!role.globalRoleId) return role.rights;
  return state.globalRoles.find((global) => global.id === role.globalRoleId)?.rights ?? [];
}

/** The union of the rights of every bundle published to `orgId`. */
export function publishedRightNames(state: VcdState, orgId: string): Set<string> {
  return new Set(state.rightsBundles.filter((bundle) => isPublishedTo(bundle, orgId)).flatMap((bundle) => bundle.rights));
}

/**
 * The rights `role` gives a user of `orgId`. A global role's copy gives nothing in an org the
 * global role is not published to (assumed: VCD removes the copy when it unpublishes).
 */
export function effectiveRoleRights(state: VcdState, role: RoleRecord, orgId: string): string[] {
  if (orgId === state.systemOrgId) return roleRightNames(state, role);
  const global = role.globalRoleId ? state.globalRoles.find((candidate) => candidate.id === role.globalRoleId) : undefined;
  if (role.globalRoleId && !(global && isPublishedTo(global, orgId))) return [];
  const published = publishedRightNames(state, orgId);
  return roleRightNames(state, role).filter((name) => published.has(name));
}

export function effectiveUserRights(state: VcdState, user: UserRecord): Set<string> {
  const roles = state.roles.filter((role) => user.roleIds.includes(role.id));
  return new Set(roles.flatMap((role) => effectiveRoleRights(state, role, user.orgId)));
}
