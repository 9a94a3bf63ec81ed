// Roles and their rights: GET roles/{id}, GET roles/{id}/rights (EntityReferences, paged like every
// cloudapi list) and POST roles/{id}/rights (go-vcloud-director's Role.AddRights: `{values: [{name,
// id}]}`). Assumed, as VCD documents no right for it: any user may read the roles he holds (VCD's
// own UI needs that to know what to show), a System administrator may read and change any role.
// The sandbox keeps one record per role for every org, where VCD copies global roles per tenant.
import { AuthedContext, Reply, ref } from './context.js';
import { badRequest, forbidden } from './errors.js';
import { requireSystemAdministrator } from './entity-types.js';
import { JsonObject, RightRecord, RoleRecord, VcdState, isJsonObject } from './model.js';
import { paginate } from './paging.js';

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
  const page = paginate(rightsOfRole(state, role).map(ref), ctx.url, RIGHT_FIELDS);
  return { status: 200, body: page.body, headers: page.headers };
}

/** Adds rights (by id, or by name when VCD knows it) and answers the role's rights, first page. */
export async function addRoleRights(ctx: AuthedContext): Promise<Reply> {
  requireSystemAdministrator(ctx.principal, 'roles');
  const body = await ctx.readJson();
  const wanted = parseReferences(body);
  await ctx.state.update((draft) => {
    const role = readableRole(ctx, draft);
    const names = wanted.map((reference) => {
      const right = draft.rights.find((candidate) => candidate.id === reference.id || (!reference.id && candidate.name === reference.name));
      if (!right) throw badRequest(`Unknown right: ${reference.id || reference.name}.`);
      return right.name;
    });
    role.rights = [...new Set([...role.rights, ...names])];
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

function rightsOfRole(state: VcdState, role: RoleRecord): RightRecord[] {
  return role.rights.flatMap((name) => state.rights.filter((right) => right.name === name));
}

function bundleKeyOf(role: RoleRecord): string {
  return `com.vmware.vcloud.role.${role.name.replace(/[^A-Za-z0-9]+/g, '.').toLowerCase()}`;
}

function parseReferences(body: unknown): { id: string; name: string }[] {
  const values = isJsonObject(body) ? body['values'] : undefined;
  if (!Array.isArray(values)) throw badRequest('The request body must be EntityReferences: {"values": [{"name", "id"}]}.');
  return values.map((value) => {
    const reference: JsonObject = isJsonObject(value) ? value : {};
    const { id, name } = reference;
    if (typeof id !== 'string' && typeof name !== 'string') throw badRequest('Each right needs an id (or a name).');
    return { id: typeof id === 'string' ? id : '', name: typeof name === 'string' ? name : '' };
  });
}
