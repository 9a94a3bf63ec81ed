// Roles and their rights: GET roles/{id}, GET roles/{id}/rights (EntityReferences, paged like every
// cloudapi list) and POST roles/{id}/rights (go-vcloud-director's Role.AddRights: `{values: [{name,
// id}]}`). Assumed, as VCD documents no right for it: any user may read the roles he holds (VCD's
// own UI needs that to know what to show), a System administrator may read and change any role.
// The sandbox keeps one record per role for every org, where VCD copies global roles per tenant:
// a tenant role with a `globalRoleId` is that global role's copy and holds its rights. To a tenant
// user, GET roles/{id}/rights answers what the role gives him: the rights also in a bundle
// published to his org (what VCD's UI shows as the role's usable rights; assumed for the API).
import { AuthedContext, Reply, ref } from '../core/context.js';
import { effectiveRoleRights } from './effective-rights.js';
import { forbidden } from '../core/errors.js';
import { requireSystemAdministrator } from '../entities/entity-types.js';
import { RoleRecord, VcdState } from '../core/model.js';
import { paginate } from '../core/paging.js';
import { rightNamesFrom } from './rights.js';

const RIGHT_FIELDS = ['id', 'name'] as const;

export function getRole(ctx: AuthedContext): Reply {
  const role = readableRole(ctx, ctx.state.get());
  return {
    status: 200,
    body: { id: role.id, name: role.name, description: role.description, bundleKey: bundleKeyOf(role), readOnly: true },
  };
}

export function listRoleRights(ctx: AuthedContext): Reply {
  const state = ctx.state.get();
  const role = readableRole(ctx, state);
  // A provider (System org) reads the role's rights as they are; a tenant, the ones he can use.
  const names = effectiveRoleRights(state, role, ctx.principal.org.id);
  const page = paginate(rightsNamed(state, names).map(ref), ctx.url, RIGHT_FIELDS);
  return { status: 200, body: page.body, headers: page.headers };
}

/**
 * Adds rights (by id, or by name when VCD knows it) and answers the role's rights, first page.
 * On a global role's copy the rights go to the global role (the one record every tenant shares).
 */
export async function addRoleRights(ctx: AuthedContext): Promise<Reply> {
  requireSystemAdministrator(ctx.principal, 'roles');
  const body = await ctx.readJson();
  await ctx.state.update((draft) => {
    const role = readableRole(ctx, draft);
    const names = rightNamesFrom(draft, body);
    const global = role.globalRoleId ? draft.globalRoles.find((candidate) => candidate.id === role.globalRoleId) : undefined;
    const holder = global ?? role;
    holder.rights = [...new Set([...holder.rights, ...names])];
  });
  return listRoleRights(ctx);
}

function readableRole(ctx: AuthedContext, state: VcdState): RoleRecord {
  const [id = ''] = ctx.params;
  const role = state.roles.find((candidate) => candidate.id === id);
  const holds = ctx.principal.roles.some((candidate) => candidate.id === id);
  if (!role || !(holds || ctx.principal.isSystemAdministrator)) throw forbidden(id, 'Role: View');
  return role;
}

function rightsNamed(state: VcdState, names: readonly string[]) {
  return names.flatMap((name) => state.rights.filter((right) => right.name === name));
}

function bundleKeyOf(role: RoleRecord): string {
  return `com.vmware.vcloud.role.${role.name.replace(/[^A-Za-z0-9]+/g, '.').toLowerCase()}`;
}
