// GET /cloudapi/1.0.0/orgs and /orgs/{id}: the provider (not acting as a tenant) sees every
// org, anyone else only the org he acts in. PUT orgs/{id} and DELETE orgs/{id} (VCD API reference
// "Update Org", "Delete Org"): System administrators only.
import { AuthedContext, Reply, orgById, ref } from '../core/context.js';
import { requireSystemAdministrator } from '../entities/entity-types.js';
import { VcdError, badRequest, forbidden } from '../core/errors.js';
import { isJsonObject, type JsonObject, type OrgRecord, type VcdState } from '../core/model.js';
import { paginate } from '../core/paging.js';
import { finishTask, startTask, taskHref } from '../entities/tasks.js';

const ORG_FIELDS = ['id', 'name', 'displayName', 'description', 'isEnabled'] as const;

export function listOrgs(ctx: AuthedContext): Reply {
  const state = ctx.state.get();
  const values = visibleOrgs(ctx).map((org) => orgJson(state, org));
  const page = paginate(values, ctx.url, ORG_FIELDS);
  return { status: 200, body: page.body, headers: page.headers };
}

export function getOrg(ctx: AuthedContext): Reply {
  const [id = ''] = ctx.params;
  const org = visibleOrgs(ctx).find((candidate) => candidate.id === id);
  if (!org) throw forbidden(id, 'Organization: View');
  return { status: 200, body: orgJson(ctx.state.get(), org) };
}

/** The Org model's name pattern and lengths (VCD API reference, Org). */
const ORG_NAME = /^[a-zA-Z0-9_\-.!'(),$]+$/;

/** PUT orgs/{id}: name, displayName (both required), description, isEnabled; 200 and the Org. */
export async function updateOrg(ctx: AuthedContext): Promise<Reply> {
  requireSystemAdministrator(ctx.principal, 'orgs');
  const body = await ctx.readJson();
  const [id = ''] = ctx.params;
  const updated = await ctx.state.update((draft) => {
    const org = orgById(draft, id);
    if (!org) throw forbidden(id, 'Organization: Edit');
    if (!isJsonObject(body)) throw badRequest('The request body must be an Org JSON object.');
    const { name, displayName, description, isEnabled } = body;
    if (typeof name !== 'string' || name.length > 128 || !ORG_NAME.test(name))
      throw badRequest("name is required and must match [a-zA-Z0-9_-.!'(),$]{1,128}.");
    if (typeof displayName !== 'string' || displayName.trim() === '' || displayName.length > 128)
      throw badRequest('displayName is required.');
    if (draft.orgs.some((other) => other.id !== org.id && other.name.toLowerCase() === name.toLowerCase())) {
      throw badRequest(`An organization named ${name} already exists.`);
    }
    const isSystem = org.id === draft.systemOrgId;
    if (isSystem && (name !== org.name || isEnabled === false)) throw badRequest('The System organization cannot be renamed or disabled.');
    Object.assign(org, {
      name,
      displayName,
      description: typeof description === 'string' ? description : org.description,
      isEnabled: typeof isEnabled === 'boolean' ? isEnabled : org.isEnabled,
    });
    return orgJson(draft, org);
  });
  return { status: 200, body: updated };
}

/**
 * DELETE orgs/{id}: 202 and the task in `Location`, as VCD answers. An enabled org is refused
 * (400) unless `force=true`, which disables it first (the legacy API's "disable it first";
 * PowerCLI's Remove-Org -Force); an org that still owns defined entities needs `recursive=true`
 * or `force=true` (assumed: VCD's "objects are not removed if they are not in a state that allows
 * removal"). With the org go its users, its entities, the ACLs on them and every ACL naming the
 * org or one of its users, its trusted certificates, and its explicit publications.
 */
export async function deleteOrg(ctx: AuthedContext): Promise<Reply> {
  requireSystemAdministrator(ctx.principal, 'orgs');
  const [id = ''] = ctx.params;
  const force = ctx.url.searchParams.get('force') === 'true';
  const recursive = force || ctx.url.searchParams.get('recursive') === 'true';
  const taskId = await ctx.state.update((draft) => {
    const org = orgById(draft, id);
    if (!org) throw forbidden(id, 'Organization: Delete');
    if (org.id === draft.systemOrgId) throw badRequest('The System organization cannot be deleted.');
    if (org.isEnabled && !force)
      throw new VcdError(400, `The organization ${org.name} must be disabled before it can be deleted (or use force=true).`);
    const owned = draft.entities.filter((entity) => entity.orgId === org.id);
    if (owned.length > 0 && !recursive) {
      throw badRequest(`The organization ${org.name} still contains ${owned.length} defined entities; use recursive=true or force=true.`);
    }
    removeOrg(draft, org);
    const task = startTask(draft, {
      operationName: 'orgDelete',
      operation: `Deleting organization ${org.name} (${org.id})`,
      owner: { id: org.id, name: org.name, type: 'application/vnd.vmware.admin.organization+json' },
      userId: ctx.principal.user.id,
      orgId: ctx.principal.operatingOrg.id,
    });
    finishTask(draft, task.id, 'success');
    return task.id;
  });
  return { status: 202, headers: { Location: taskHref(ctx.origin, taskId) } };
}

function removeOrg(draft: VcdState, org: OrgRecord): void {
  const userIds = new Set(draft.users.filter((user) => user.orgId === org.id).map((user) => user.id));
  const entityIds = new Set(draft.entities.filter((entity) => entity.orgId === org.id).map((entity) => entity.id));
  draft.orgs = draft.orgs.filter((candidate) => candidate.id !== org.id);
  draft.users = draft.users.filter((user) => !userIds.has(user.id));
  draft.entities = draft.entities.filter((entity) => !entityIds.has(entity.id));
  draft.accessControls = draft.accessControls.filter(
    (acl) => acl.tenantOrgId !== org.id && acl.memberId !== org.id && !userIds.has(acl.memberId) && !entityIds.has(acl.objectId),
  );
  draft.trustedCertificates = draft.trustedCertificates.filter((certificate) => certificate.orgId !== org.id);
  draft.apiTokens = draft.apiTokens?.filter((token) => !userIds.has(token.userId));
  for (const item of [...draft.rightsBundles, ...draft.globalRoles, ...(draft.uiPlugins ?? [])]) {
    item.tenantIds = item.tenantIds.filter((tenant) => tenant !== org.id);
  }
}

function visibleOrgs(ctx: AuthedContext): OrgRecord[] {
  const state = ctx.state.get();
  const { principal } = ctx;
  if (principal.isProvider && principal.operatingOrg.id === state.systemOrgId) return state.orgs;
  return state.orgs.filter((org) => org.id === principal.operatingOrg.id);
}

/** The Org model of cloudapi 1.0.0, with counters the stand-in does not track left at zero. */
function orgJson(state: VcdState, org: OrgRecord): JsonObject {
  const system = orgById(state, state.systemOrgId);
  const isSystem = org.id === state.systemOrgId;
  return {
    id: org.id,
    name: org.name,
    displayName: org.displayName,
    description: org.description,
    isEnabled: org.isEnabled,
    orgVdcCount: 0,
    catalogCount: 0,
    vappCount: 0,
    runningVMCount: 0,
    userCount: state.users.filter((user) => user.orgId === org.id).length,
    diskCount: 0,
    managedBy: system ? ref(system) : null,
    canManageOrgs: isSystem,
    canPublish: false,
    maskedEventTaskUsername: '',
    directlyManagedOrgCount: isSystem ? state.orgs.length - 1 : 0,
  };
}
