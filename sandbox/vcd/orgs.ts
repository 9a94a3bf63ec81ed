// GET /cloudapi/1.0.0/orgs and /orgs/{id}: the provider (not acting as a tenant) sees every
// org, anyone else only the org he acts in.
import { AuthedContext, Reply, orgById, ref } from './context.js';
import { forbidden } from './errors.js';
import type { JsonObject, OrgRecord, VcdState } from './model.js';
import { paginate } from './paging.js';

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
