// Rights bundles and global roles (cloudapi 1.0.0 "Rights Bundles" and "Global Roles"): the same
// operations on two collections, each a set of rights published to tenants.
//   GET {c}, GET {c}/{id}, GET|POST|PUT {c}/{id}/rights, GET {c}/{id}/tenants,
//   POST {c}/{id}/tenants/publish|unpublish (EntityReferences of orgs), …/publishAll|unpublishAll.
// Reading takes a provider (System org) user, writing the System Administrator role (403, VCD's
// body, otherwise; assumed: VCD ties them to "Rights Bundle: View/Edit"-like provider rights).
// POST …/rights adds, PUT replaces; both answer the rights, first page. The publish calls answer
// the explicitly published tenants (EntityReferences).
import { AuthedContext, Reply, orgById, ref } from '../core/context.js';
import { badRequest, forbidden } from '../core/errors.js';
import { requireSystemAdministrator } from '../entities/entity-types.js';
import { JsonObject, PublishableRecord, VcdState, isJsonObject } from '../core/model.js';
import { paginate } from '../core/paging.js';
import { rightNamesFrom } from '../sessions/rights.js';

export type PublishableCollection = 'rightsBundles' | 'globalRoles';

const FIELDS = ['id', 'name', 'description', 'bundleKey', 'readOnly', 'publishAll'] as const;
const REFERENCE_FIELDS = ['id', 'name'] as const;
const VIEW_RIGHT: Record<PublishableCollection, string> = { rightsBundles: 'Rights Bundle: View', globalRoles: 'Global Role: View' };

export class Publishables {
  constructor(private readonly collection: PublishableCollection) {}

  list(ctx: AuthedContext): Reply {
    this.requireReader(ctx, this.collection);
    const state = ctx.state.get();
    const page = paginate(
      this.records(state).map((item) => publishableJson(state, item)),
      ctx.url,
      FIELDS,
    );
    return { status: 200, body: page.body, headers: page.headers };
  }

  get(ctx: AuthedContext): Reply {
    const state = ctx.state.get();
    return { status: 200, body: publishableJson(state, this.find(ctx, state)) };
  }

  listRights(ctx: AuthedContext): Reply {
    const state = ctx.state.get();
    const item = this.find(ctx, state);
    const rights = item.rights.flatMap((name) => state.rights.filter((right) => right.name === name)).map(ref);
    const page = paginate(rights, ctx.url, REFERENCE_FIELDS);
    return { status: 200, body: page.body, headers: page.headers };
  }

  /** POST adds (`replace` false), PUT replaces (`replace` true). */
  async setRights(ctx: AuthedContext, replace: boolean): Promise<Reply> {
    const body = await ctx.readJson();
    await this.write(ctx, (item, draft) => {
      const names = rightNamesFrom(draft, body);
      item.rights = [...new Set(replace ? names : [...item.rights, ...names])];
    });
    return this.listRights(ctx);
  }

  listTenants(ctx: AuthedContext): Reply {
    const state = ctx.state.get();
    const page = paginate(tenantRefs(state, this.find(ctx, state)), ctx.url, REFERENCE_FIELDS);
    return { status: 200, body: page.body, headers: page.headers };
  }

  async publish(ctx: AuthedContext, publish: boolean): Promise<Reply> {
    const body = await ctx.readJson();
    return this.changeTenants(ctx, (item, draft) => {
      const orgIds = tenantIdsFrom(draft, body);
      item.tenantIds = publish ? [...new Set([...item.tenantIds, ...orgIds])] : item.tenantIds.filter((id) => !orgIds.includes(id));
    });
  }

  /** publishAll also keeps the explicit list; unpublishAll clears both (assumed). */
  publishAll(ctx: AuthedContext, publish: boolean): Promise<Reply> {
    return this.changeTenants(ctx, (item) => {
      item.publishAll = publish;
      if (!publish) item.tenantIds = [];
    });
  }

  private async changeTenants(ctx: AuthedContext, change: (item: PublishableRecord, draft: VcdState) => void): Promise<Reply> {
    const values = await this.write(ctx, (item, draft) => {
      change(item, draft);
      return tenantRefs(draft, item);
    });
    return {
      status: 200,
      body: { resultTotal: values.length, pageCount: 1, page: 1, pageSize: values.length, associations: null, values },
    };
  }

  private write<R>(ctx: AuthedContext, change: (item: PublishableRecord, draft: VcdState) => R): Promise<R> {
    requireSystemAdministrator(ctx.principal, this.collection);
    return ctx.state.update((draft) => change(this.find(ctx, draft), draft));
  }

  private find(ctx: AuthedContext, state: VcdState): PublishableRecord {
    const [id = ''] = ctx.params;
    this.requireReader(ctx, id);
    const item = this.records(state).find((candidate) => candidate.id === id);
    if (!item) throw forbidden(id, VIEW_RIGHT[this.collection]);
    return item;
  }

  private requireReader(ctx: AuthedContext, target: string): void {
    if (!ctx.principal.isProvider) throw forbidden(target, VIEW_RIGHT[this.collection]);
  }

  private records(state: VcdState): PublishableRecord[] {
    return state[this.collection];
  }
}

/** The RightsBundle / GlobalRole model: name, id, description, bundleKey, readOnly, publishAll, publishCount. */
function publishableJson(state: VcdState, item: PublishableRecord): JsonObject {
  return {
    name: item.name,
    id: item.id,
    description: item.description,
    bundleKey: item.bundleKey,
    readOnly: item.readOnly,
    publishAll: item.publishAll,
    publishCount: item.publishAll ? state.orgs.length - 1 : item.tenantIds.length,
  };
}

function tenantRefs(state: VcdState, item: PublishableRecord): JsonObject[] {
  return item.tenantIds.flatMap((id) => {
    const org = orgById(state, id);
    return org ? [ref(org)] : [];
  });
}

/** EntityReferences naming orgs (by id, or by name without an id); unknown orgs and System are a 400. */
function tenantIdsFrom(state: VcdState, body: unknown): string[] {
  const values = isJsonObject(body) ? body['values'] : undefined;
  if (!Array.isArray(values)) throw badRequest('The request body must be EntityReferences: {"values": [{"name", "id"}]}.');
  return values.map((value) => {
    const reference: JsonObject = isJsonObject(value) ? value : {};
    const { id, name } = reference;
    const org =
      typeof id === 'string' && id !== ''
        ? orgById(state, id)
        : state.orgs.find((candidate) => candidate.name === name && name !== undefined);
    if (!org) throw badRequest(`Unknown organization: ${String(typeof id === 'string' && id !== '' ? id : name)}.`);
    if (org.id === state.systemOrgId) throw badRequest('The System organization is not a tenant.');
    return org.id;
  });
}
