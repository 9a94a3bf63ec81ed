// cloudapi/extensions/ui: UI plug-in registrations, their bundle upload and tenant publication.
// Verified (VCD API reference "Ui Plugins"/"Ui Plugin Resource"/"Ui Plugin Tenants", go-vcloud-director's
// govcd/ui_plugin.go and types.UIPluginMetadata, vcd-ext-sdk's deployer): the paths; UiPluginMetadata's
// fields (pluginName, vendor, description, version, license, link, tenant_scoped, provider_scoped,
// enabled) and the response's id, plugin_status, resourcePath; GET …/ui answers a plain array;
// POST …/{id}/plugin {fileName, size} answers the upload URL in
// `Link: <…/transfer/<uuid>/<file>>;rel="upload:default";type="application/octet-stream"`; the zip is
// PUT there; publish/unpublish take `[{name, id}]` and answer EntityReferences; GET …/tenants is
// paged; new plug-ins are published to no tenant; only System administrators manage them.
// Assumed (not documented): POST …/ui answers 201; a duplicate vendor/name/version is a 400; an upload
// whose byte count differs from the announced size, or that is no plug-in zip, is refused with 400
// and leaves the registration `unavailable` — unless it already had a bundle, which keeps serving
// (a new POST …/plugin on a `ready` plug-in is accepted and the old bundle is swapped only when the
// new one is complete and valid); PUT changes every field but vendor and pluginName; publishAll
// publishes to every organization that exists now; an unknown id is a 403, as elsewhere in this
// stand-in (real VCD answers a 500 NullPointerException, go-vcloud-director notes).
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { LoadedPlugin } from '../../plugin-store.js';
import { AuthedContext, Principal, Reply, ref } from '../core/context.js';
import { VcdError, badRequest, forbidden } from '../core/errors.js';
import { isJsonObject, type JsonObject, type UiPluginRecord, type VcdState } from '../core/model.js';
import { paginate } from '../core/paging.js';
import type { UiPluginBundles } from './ui-plugin-bundles.js';
import { requireSystemAdministrator } from '../entities/entity-types.js';

export const UI_PLUGIN_RIGHT = 'UI Plugins: Define, Upload, Modify, Delete, Associate or Disassociate';
const MAX_BUNDLE_BYTES = 100 * 1024 * 1024;
const REQUIRED_TEXT = ['pluginName', 'vendor', 'version', 'license', 'link'] as const;

/** What a portal shows: enabled, ready, in scope and, for a tenant, published to its org. */
export function pluginsForPortal(state: VcdState, principal: Principal, bundles: UiPluginBundles): LoadedPlugin[] {
  const asProvider = principal.isProvider && principal.operatingOrg.id === state.systemOrgId;
  return (state.uiPlugins ?? [])
    .filter((plugin) => plugin.enabled && plugin.status === 'ready')
    .filter((plugin) => (asProvider ? plugin.providerScoped : plugin.tenantScoped && plugin.tenantIds.includes(principal.operatingOrg.id)))
    .map((plugin) => bundles.get(plugin.id))
    .filter((bundle): bundle is LoadedPlugin => bundle !== undefined);
}

/** Every ready bundle, whoever may see it (the portal's file server; URLs carry a content hash). */
export function readyBundles(state: VcdState, bundles: UiPluginBundles): LoadedPlugin[] {
  return (state.uiPlugins ?? [])
    .filter((plugin) => plugin.status === 'ready')
    .map((plugin) => bundles.get(plugin.id))
    .filter((bundle): bundle is LoadedPlugin => bundle !== undefined);
}

export class UiPlugins {
  constructor(private readonly bundles: UiPluginBundles) {}

  list(ctx: AuthedContext): Reply {
    this.allow(ctx);
    return { status: 200, body: (ctx.state.get().uiPlugins ?? []).map((plugin) => pluginJson(plugin)) };
  }

  get(ctx: AuthedContext): Reply {
    this.allow(ctx);
    return { status: 200, body: pluginJson(findPlugin(ctx.state.get(), ctx.params[0] ?? '')) };
  }

  async register(ctx: AuthedContext): Promise<Reply> {
    this.allow(ctx);
    const metadata = parseMetadata(await ctx.readJson());
    const record: UiPluginRecord = {
      id: `urn:vcloud:uiPlugin:${randomUUID()}`,
      ...metadata,
      status: 'unavailable',
      pendingUpload: null,
      tenantIds: [],
    };
    await ctx.state.update((draft) => {
      const existing = (draft.uiPlugins ??= []).find(
        (plugin) => plugin.vendor === record.vendor && plugin.pluginName === record.pluginName && plugin.version === record.version,
      );
      if (existing) {
        throw badRequest(
          `A UI plugin with vendor ${record.vendor}, name ${record.pluginName} and version ${record.version} already exists.`,
        );
      }
      draft.uiPlugins.push(record);
    });
    return { status: 201, body: pluginJson(record) };
  }

  async update(ctx: AuthedContext): Promise<Reply> {
    this.allow(ctx);
    const id = ctx.params[0] ?? '';
    const metadata = parseMetadata(await ctx.readJson());
    const updated = await ctx.state.update((draft) => {
      const plugin = findPlugin(draft, id);
      if (metadata.vendor !== plugin.vendor || metadata.pluginName !== plugin.pluginName) {
        throw badRequest('The vendor and pluginName of a UI plugin cannot change.');
      }
      Object.assign(plugin, metadata);
      return { ...plugin };
    });
    return { status: 200, body: pluginJson(updated) };
  }

  async unregister(ctx: AuthedContext): Promise<Reply> {
    this.allow(ctx);
    const id = ctx.params[0] ?? '';
    await ctx.state.update((draft) => {
      findPlugin(draft, id);
      draft.uiPlugins = (draft.uiPlugins ?? []).filter((plugin) => plugin.id !== id);
    });
    await this.bundles.remove(id);
    return { status: 204 };
  }

  /** POST …/{id}/plugin {fileName, size}: 204 and the transfer URL in the Link header. */
  async announceUpload(ctx: AuthedContext): Promise<Reply> {
    this.allow(ctx);
    const id = ctx.params[0] ?? '';
    const body = await ctx.readJson();
    if (!isJsonObject(body)) throw badRequest('The request body must be an UploadSpec {fileName, size}.');
    const { fileName, size } = body;
    if (typeof fileName !== 'string' || !/^[\w.-]+$/.test(fileName))
      throw badRequest('fileName is required (letters, digits, ".", "-", "_").');
    if (typeof size !== 'number' || !Number.isInteger(size) || size <= 0 || size > MAX_BUNDLE_BYTES) {
      throw badRequest(`size must be the file's byte count, between 1 and ${MAX_BUNDLE_BYTES}.`);
    }
    const transferId = randomUUID();
    await ctx.state.update((draft) => {
      findPlugin(draft, id).pendingUpload = { transferId, fileName, size };
    });
    const link = `<${ctx.origin}/transfer/${transferId}/${fileName}>;rel="upload:default";type="application/octet-stream"`;
    return { status: 204, headers: { Link: link } };
  }

  /** PUT /transfer/{transferId}/{fileName}: the bytes announced by POST …/plugin. */
  async receiveUpload(ctx: AuthedContext): Promise<Reply> {
    const [transferId = ''] = ctx.params;
    const plugin = (ctx.state.get().uiPlugins ?? []).find((candidate) => candidate.pendingUpload?.transferId === transferId);
    if (!plugin?.pendingUpload) throw new VcdError(404, `No upload is expected at /transfer/${transferId}.`);
    this.allow(ctx);
    const { size } = plugin.pendingUpload;
    const received = await readBody(ctx.req, size, ctx.bodyLimit);
    const fail = async (message: string): Promise<never> => {
      await ctx.state.update((draft) => {
        const target = findPlugin(draft, plugin.id);
        target.pendingUpload = null;
        if (!this.bundles.get(plugin.id)) target.status = 'unavailable';
      });
      throw badRequest(message);
    };
    if (received.length !== size) {
      return fail(`The upload of ${plugin.pendingUpload.fileName} ended after ${received.length} bytes, but ${size} bytes were announced.`);
    }
    try {
      await this.bundles.put(plugin.id, received);
    } catch (error) {
      return fail(`The uploaded file is not a UI plugin: ${error instanceof Error ? error.message : String(error)}.`);
    }
    await ctx.state.update((draft) => {
      const target = findPlugin(draft, plugin.id);
      target.pendingUpload = null;
      target.status = 'ready';
    });
    return { status: 200 };
  }

  async deleteBundle(ctx: AuthedContext): Promise<Reply> {
    this.allow(ctx);
    const id = ctx.params[0] ?? '';
    await ctx.state.update((draft) => {
      const plugin = findPlugin(draft, id);
      plugin.status = 'unavailable';
      plugin.pendingUpload = null;
    });
    await this.bundles.remove(id);
    return { status: 204 };
  }

  listTenants(ctx: AuthedContext): Reply {
    this.allow(ctx);
    const state = ctx.state.get();
    const plugin = findPlugin(state, ctx.params[0] ?? '');
    const page = paginate(tenantRefs(state, plugin.tenantIds), ctx.url, ['name', 'id']);
    return { status: 200, body: page.body, headers: page.headers };
  }

  async publish(ctx: AuthedContext, how: 'publish' | 'unpublish' | 'publishAll' | 'unpublishAll'): Promise<Reply> {
    this.allow(ctx);
    const id = ctx.params[0] ?? '';
    const state = ctx.state.get();
    const tenants = state.orgs.filter((org) => org.id !== state.systemOrgId);
    let orgIds: string[] = tenants.map((org) => org.id);
    if (how === 'publish' || how === 'unpublish') {
      const body = await ctx.readJson();
      if (!Array.isArray(body)) throw badRequest('The request body must be a list of organization references [{name, id}].');
      orgIds = body.map((entry: unknown) => {
        const org = isJsonObject(entry) ? tenants.find((candidate) => candidate.id === entry['id']) : undefined;
        if (!org) throw badRequest(`Not a tenant organization reference: ${JSON.stringify(entry)}.`);
        return org.id;
      });
    }
    const published = await ctx.state.update((draft) => {
      const plugin = findPlugin(draft, id);
      const current = new Set(plugin.tenantIds);
      for (const orgId of orgIds) {
        if (how.startsWith('publish')) current.add(orgId);
        else current.delete(orgId);
      }
      plugin.tenantIds = draft.orgs.filter((org) => current.has(org.id)).map((org) => org.id);
      return plugin.tenantIds;
    });
    return { status: 200, body: { values: tenantRefs(ctx.state.get(), how.startsWith('publish') ? orgIds : published) } };
  }

  private allow(ctx: AuthedContext): void {
    requireSystemAdministrator(ctx.principal, 'extensions/ui');
  }
}

function findPlugin(state: VcdState, id: string): UiPluginRecord {
  const plugin = (state.uiPlugins ?? []).find((candidate) => candidate.id === id);
  if (!plugin) throw forbidden(id, UI_PLUGIN_RIGHT);
  return plugin;
}

function tenantRefs(state: VcdState, orgIds: readonly string[]): JsonObject[] {
  return state.orgs.filter((org) => orgIds.includes(org.id)).map((org) => ref(org));
}

function parseMetadata(body: unknown): Omit<UiPluginRecord, 'id' | 'status' | 'pendingUpload' | 'tenantIds'> {
  if (!isJsonObject(body)) throw badRequest('The request body must be UiPluginMetadata.');
  for (const field of REQUIRED_TEXT) {
    const value = body[field];
    if (typeof value !== 'string' || value.trim() === '') throw badRequest(`${field} is required.`);
  }
  if (!/^\d+\.\d+\.\d+([-+].*)?$/.test(String(body['version']))) throw badRequest('version must follow major.minor.patch.');
  const flag = (name: string): boolean => body[name] === true;
  return {
    pluginName: String(body['pluginName']),
    vendor: String(body['vendor']),
    description: typeof body['description'] === 'string' ? body['description'] : '',
    version: String(body['version']),
    license: String(body['license']),
    link: String(body['link']),
    tenantScoped: flag('tenant_scoped'),
    providerScoped: flag('provider_scoped'),
    enabled: flag('enabled'),
  };
}

function pluginJson(plugin: UiPluginRecord): JsonObject {
  return {
    id: plugin.id,
    pluginName: plugin.pluginName,
    vendor: plugin.vendor,
    description: plugin.description,
    version: plugin.version,
    license: plugin.license,
    link: plugin.link,
    tenant_scoped: plugin.tenantScoped,
    provider_scoped: plugin.providerScoped,
    enabled: plugin.enabled,
    plugin_status: plugin.status,
    resourcePath: plugin.status === 'ready' ? `plugins/${plugin.id.slice(plugin.id.lastIndexOf(':') + 1)}` : null,
  };
}

/** Reads at most `limit` bytes (a sandbox fault may cut the body shorter, like a proxy that drops it). */
async function readBody(req: IncomingMessage, announced: number, cutAfter: number | undefined): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let size = 0;
  const limit = Math.min(cutAfter ?? Infinity, announced + 1);
  for await (const chunk of req) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    if (size < limit) chunks.push(buffer.subarray(0, Math.max(0, limit - size)));
    size += buffer.length;
  }
  return new Uint8Array(Buffer.concat(chunks));
}
