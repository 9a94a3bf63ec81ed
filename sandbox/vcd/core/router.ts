// The VCD stand-in as one request handler: /api/versions, the cloudapi subset the plug-in
// uses, the /ext-api proxy and the /sandbox/ test aids. Order per request, as VCD filters it:
// log → injected fault → route → API version (406) → token (401) → endpoint. /ext-api has no
// API version (the endpoint's API is not VCD's) but the same log, faults and token check.
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { StateStore } from '../../lib/state.js';
import { createAccessControl, deleteAccessControl, getAccessControl, listAccessControls } from '../entities/access-controls.js';
import { createApiFilter, deleteApiFilter, getApiFilter, listApiFilters, updateApiFilter } from '../extensions/api-filters.js';
import { Sessions } from '../sessions/auth.js';
import type { AuthedContext, PublicContext, Reply } from './context.js';
import { Entities } from '../entities/entities.js';
import { EntityLifecycle } from '../entities/entity-lifecycle.js';
import { EntityTypes } from '../entities/entity-types.js';
import { VcdError, errorBody, minorErrorCodeFor } from './errors.js';
import { forwardExtApi } from '../extensions/ext-api.js';
import {
  createExternalEndpoint,
  deleteExternalEndpoint,
  getExternalEndpoint,
  listExternalEndpoints,
  updateExternalEndpoint,
} from '../extensions/external-endpoints.js';
import { Faults, RequestLog } from './faults.js';
import { GENERAL_SETTINGS_PATH, getGeneralSettings } from '../orgs/general-settings.js';
import { jsonBodyReader, originOf, sendReply } from './http-io.js';
import type { VcdState } from './model.js';
import { deleteOrg, getOrg, listOrgs, updateOrg } from '../orgs/orgs.js';
import { Publishables } from '../extensions/publishables.js';
import { getRight, listRights } from '../sessions/rights.js';
import { addRoleRights, getRole, listRoleRights } from '../sessions/roles.js';
import { EntitySchemas } from '../entities/schemas.js';
import { getTask } from '../entities/tasks.js';
import { ApiTokens } from '../sessions/api-tokens.js';
import { UiPluginBundles } from '../extensions/ui-plugin-bundles.js';
import { UiPlugins, pluginsForPortal, readyBundles } from '../extensions/ui-plugins.js';
import { testConnection } from '../connections/test-connection.js';
import {
  createTrustedCertificate,
  deleteTrustedCertificate,
  getTrustedCertificate,
  listTrustedCertificates,
} from '../connections/trusted-certificates.js';
import { acceptsJson, negotiateVersion, versionsJson, versionsXml } from './versions.js';

export interface VcdApiOptions {
  /** The stand-in's state, first built by `seedVcdState(...)`. */
  state: StateStore<VcdState>;
  /** reference/vcdkeconfig-type-schema-v1.1.0.json: the schema VCDKEConfig entities are validated with. */
  vcdKeConfigSchemaPath: string;
  /** Where uploaded UI plug-in zips are kept (a throw-away folder when not given). */
  uiPluginBundles?: UiPluginBundles;
}

export type VcdApiHandler = (req: IncomingMessage, res: ServerResponse) => Promise<boolean>;

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';
type Route =
  | { method: Method; path: RegExp; access: 'public'; versioned: boolean; handle: (ctx: PublicContext) => Reply | Promise<Reply> }
  | { method: Method; path: RegExp; access: 'session'; versioned?: boolean; handle: (ctx: AuthedContext) => Reply | Promise<Reply> };

const ID = '([^/]+)';
const CLOUDAPI = '/cloudapi/1\\.0\\.0';
const path = (pattern: string): RegExp => new RegExp(`^${pattern}$`);

/**
 * Returns a handler that answers /api/…, /cloudapi/… and /sandbox/{requests,faults} and
 * resolves to false for anything else, so the caller can chain it with its own routes.
 */
export function createVcdApi(opts: VcdApiOptions): VcdApiHandler {
  const sessions = new Sessions();
  const schemas = EntitySchemas.load(opts.vcdKeConfigSchemaPath);
  const entities = new Entities(schemas);
  const types = new EntityTypes(schemas);
  const lifecycle = new EntityLifecycle(schemas);
  const log = new RequestLog();
  const faults = new Faults();
  const bundles = opts.uiPluginBundles ?? UiPluginBundles.temporary();
  const uiPlugins = new UiPlugins(bundles);
  const apiTokens = new ApiTokens(sessions);
  const UI = '/cloudapi/extensions/ui';

  const session = (method: Method, pattern: string, handle: (ctx: AuthedContext) => Reply | Promise<Reply>): Route => ({
    method,
    path: path(pattern),
    access: 'session',
    handle,
  });
  const routes: Route[] = [
    {
      method: 'GET',
      path: path('/api/versions'),
      access: 'public',
      versioned: false,
      handle: (ctx) =>
        acceptsJson(ctx.req.headers.accept)
          ? { status: 200, body: versionsJson(ctx.origin) }
          : { status: 200, raw: { contentType: 'application/*+xml', text: versionsXml(ctx.origin) } },
    },
    {
      method: 'POST',
      path: path(`${CLOUDAPI}/sessions`),
      access: 'public',
      versioned: true,
      handle: (ctx) => sessions.login(ctx, 'tenant'),
    },
    {
      method: 'POST',
      path: path(`${CLOUDAPI}/sessions/provider`),
      access: 'public',
      versioned: true,
      handle: (ctx) => sessions.login(ctx, 'provider'),
    },
    session('GET', `${CLOUDAPI}/sessions/current`, (ctx) => sessions.currentSession(ctx)),
    session('DELETE', `${CLOUDAPI}/sessions/current`, (ctx) => sessions.logout(ctx)),
    session('GET', `${CLOUDAPI}/orgs`, listOrgs),
    session('GET', `${CLOUDAPI}/orgs/${ID}`, getOrg),
    session('PUT', `${CLOUDAPI}/orgs/${ID}`, updateOrg),
    session('DELETE', `${CLOUDAPI}/orgs/${ID}`, deleteOrg),
    session('GET', `${CLOUDAPI}/rights`, listRights),
    session('GET', `${CLOUDAPI}/rights/${ID}`, getRight),
    ...(['rightsBundles', 'globalRoles'] as const).flatMap((collection) => {
      const items = new Publishables(collection);
      const base = `${CLOUDAPI}/${collection}`;
      return [
        session('GET', base, (ctx) => items.list(ctx)),
        session('GET', `${base}/${ID}`, (ctx) => items.get(ctx)),
        session('GET', `${base}/${ID}/rights`, (ctx) => items.listRights(ctx)),
        session('POST', `${base}/${ID}/rights`, (ctx) => items.setRights(ctx, false)),
        session('PUT', `${base}/${ID}/rights`, (ctx) => items.setRights(ctx, true)),
        session('GET', `${base}/${ID}/tenants`, (ctx) => items.listTenants(ctx)),
        session('POST', `${base}/${ID}/tenants/publish`, (ctx) => items.publish(ctx, true)),
        session('POST', `${base}/${ID}/tenants/unpublish`, (ctx) => items.publish(ctx, false)),
        session('POST', `${base}/${ID}/tenants/publishAll`, (ctx) => items.publishAll(ctx, true)),
        session('POST', `${base}/${ID}/tenants/unpublishAll`, (ctx) => items.publishAll(ctx, false)),
      ];
    }),
    session('GET', `${CLOUDAPI}/roles/${ID}`, getRole),
    session('GET', `${CLOUDAPI}/roles/${ID}/rights`, listRoleRights),
    session('POST', `${CLOUDAPI}/roles/${ID}/rights`, addRoleRights),
    session('GET', `${CLOUDAPI}/interfaces`, (ctx) => types.listInterfaces(ctx)),
    session('POST', `${CLOUDAPI}/interfaces`, (ctx) => types.createInterface(ctx)),
    session('GET', `${CLOUDAPI}/interfaces/${ID}`, (ctx) => types.getInterface(ctx)),
    session('GET', `${CLOUDAPI}/entityTypes`, (ctx) => types.listTypes(ctx)),
    session('POST', `${CLOUDAPI}/entityTypes`, (ctx) => types.createType(ctx)),
    session('GET', `${CLOUDAPI}/entityTypes/${ID}`, (ctx) => types.getType(ctx)),
    session('POST', `${CLOUDAPI}/entityTypes/${ID}`, (ctx) => lifecycle.create(ctx)),
    session('GET', `${CLOUDAPI}/entities/types/${ID}/${ID}/${ID}`, (ctx) => entities.listOfType(ctx)),
    session('GET', `${CLOUDAPI}/entities/${ID}`, (ctx) => entities.get(ctx)),
    session('PUT', `${CLOUDAPI}/entities/${ID}`, (ctx) => entities.put(ctx)),
    session('DELETE', `${CLOUDAPI}/entities/${ID}`, (ctx) => lifecycle.delete(ctx)),
    session('POST', `${CLOUDAPI}/entities/${ID}/resolve`, (ctx) => lifecycle.resolve(ctx)),
    session('GET', `${CLOUDAPI}/entities/${ID}/accessControls`, listAccessControls),
    session('POST', `${CLOUDAPI}/entities/${ID}/accessControls`, createAccessControl),
    session('GET', `${CLOUDAPI}/entities/${ID}/accessControls/${ID}`, getAccessControl),
    session('DELETE', `${CLOUDAPI}/entities/${ID}/accessControls/${ID}`, deleteAccessControl),
    session('POST', `${CLOUDAPI}/testConnection`, testConnection),
    session('GET', `${CLOUDAPI}/ssl/trustedCertificates`, listTrustedCertificates),
    session('POST', `${CLOUDAPI}/ssl/trustedCertificates`, createTrustedCertificate),
    session('GET', `${CLOUDAPI}/ssl/trustedCertificates/${ID}`, getTrustedCertificate),
    session('DELETE', `${CLOUDAPI}/ssl/trustedCertificates/${ID}`, deleteTrustedCertificate),
    session('GET', `${CLOUDAPI}/externalEndpoints`, listExternalEndpoints),
    session('POST', `${CLOUDAPI}/externalEndpoints`, createExternalEndpoint),
    session('GET', `${CLOUDAPI}/externalEndpoints/${ID}`, getExternalEndpoint),
    session('PUT', `${CLOUDAPI}/externalEndpoints/${ID}`, updateExternalEndpoint),
    session('DELETE', `${CLOUDAPI}/externalEndpoints/${ID}`, deleteExternalEndpoint),
    session('GET', `${CLOUDAPI}/apiFilters`, listApiFilters),
    session('POST', `${CLOUDAPI}/apiFilters`, createApiFilter),
    session('GET', `${CLOUDAPI}/apiFilters/${ID}`, getApiFilter),
    session('PUT', `${CLOUDAPI}/apiFilters/${ID}`, updateApiFilter),
    session('DELETE', `${CLOUDAPI}/apiFilters/${ID}`, deleteApiFilter),
    session('GET', `/api/task/${ID}`, getTask),
    session('GET', GENERAL_SETTINGS_PATH, getGeneralSettings),
    session('GET', UI, (ctx) => uiPlugins.list(ctx)),
    session('POST', UI, (ctx) => uiPlugins.register(ctx)),
    session('GET', `${UI}/${ID}`, (ctx) => uiPlugins.get(ctx)),
    session('PUT', `${UI}/${ID}`, (ctx) => uiPlugins.update(ctx)),
    session('DELETE', `${UI}/${ID}`, (ctx) => uiPlugins.unregister(ctx)),
    session('POST', `${UI}/${ID}/plugin`, (ctx) => uiPlugins.announceUpload(ctx)),
    session('DELETE', `${UI}/${ID}/plugin`, (ctx) => uiPlugins.deleteBundle(ctx)),
    session('GET', `${UI}/${ID}/tenants`, (ctx) => uiPlugins.listTenants(ctx)),
    session('POST', `${UI}/${ID}/tenants/publish`, (ctx) => uiPlugins.publish(ctx, 'publish')),
    session('POST', `${UI}/${ID}/tenants/unpublish`, (ctx) => uiPlugins.publish(ctx, 'unpublish')),
    session('POST', `${UI}/${ID}/tenants/publishAll`, (ctx) => uiPlugins.publish(ctx, 'publishAll')),
    session('POST', `${UI}/${ID}/tenants/unpublishAll`, (ctx) => uiPlugins.publish(ctx, 'unpublishAll')),
    // The transfer service and OAuth are not cloudapi: no API version in Accept (go-vcloud-director sends none).
    {
      method: 'PUT',
      path: path(`/transfer/${ID}/${ID}`),
      access: 'session',
      versioned: false,
      handle: (ctx) => uiPlugins.receiveUpload(ctx),
    },
    {
      method: 'POST',
      path: path('/oauth/provider/register'),
      access: 'session',
      versioned: false,
      handle: (ctx) => apiTokens.register(ctx),
    },
    { method: 'POST', path: path('/oauth/provider/token'), access: 'public', versioned: false, handle: (ctx) => apiTokens.token(ctx) },
    session('DELETE', `${CLOUDAPI}/tokens/${ID}`, (ctx) => apiTokens.revoke(ctx)),
  ];

  const control = (method: Method, pattern: string, handle: (ctx: PublicContext) => Reply | Promise<Reply>): Route => ({
    method,
    path: path(pattern),
    access: 'public',
    versioned: false,
    handle,
  });
  const sandboxRoutes: Route[] = [
    control('GET', '/sandbox/requests', () => ({ status: 200, body: { values: log.list() } })),
    control('DELETE', '/sandbox/requests', () => (log.clear(), { status: 204 })),
    control('GET', '/sandbox/faults', () => ({ status: 200, body: { values: faults.list() } })),
    control('POST', '/sandbox/faults', async (ctx) => ({ status: 201, body: faults.add(await ctx.readJson()) })),
    control('DELETE', '/sandbox/faults', () => (faults.clear(), { status: 204 })),
    // With a session: the plug-ins that session's portal shows; without: every ready bundle.
    control('GET', '/sandbox/plugins', async (ctx) => {
      const state = opts.state.get();
      const served = ctx.req.headers.authorization
        ? pluginsForPortal(state, await sessions.authenticate(state, ctx.req.headers), bundles)
        : readyBundles(state, bundles);
      const body = served.map(({ id, baseUrl, manifest, error }) => ({ id, baseUrl, manifest, ...(error ? { error } : {}) }));
      return { status: 200, body, headers: { 'Cache-Control': 'no-store', Vary: 'Authorization' } };
    }),
  ];

  return async (req, res) => {
    const origin = originOf(req);
    const url = new URL(req.url ?? '/', origin);
    // go-vcloud-director builds endpoints with a trailing slash ("testConnection/"); VCD accepts both.
    const pathname = url.pathname.length > 1 ? url.pathname.replace(/\/$/, '') : url.pathname;
    const isExtApi = /^\/ext-api(\/|$)/.test(pathname);
    const isApi = isExtApi || /^\/(api|cloudapi|transfer|oauth)(\/|$)/.test(pathname);
    const isSandbox = sandboxRoutes.some((route) => route.path.test(pathname));
    if (!isApi && !isSandbox) return false;

    const requestId = randomUUID();
    res.setHeader('X-VMWARE-VCLOUD-REQUEST-ID', requestId);
    let apiVersion: string | undefined;
    let bodyLimit: number | undefined;
    try {
      if (isApi) {
        const entry = log.record(req);
        res.once('finish', () => (entry.status = res.statusCode));
        const fault = faults.take(req.method ?? 'GET', pathname);
        if (fault && fault.delayMs > 0 && !(await heldFor(res, fault.delayMs))) return true;
        if (fault && fault.truncateBody !== null) bodyLimit = fault.truncateBody;
        else if (fault && fault.status > 0) {
          const body =
            fault.body ?? errorBody(requestId, minorErrorCodeFor(fault.status), `Fault injected by the sandbox (${fault.pathPattern}).`);
          sendReply(res, { status: fault.status, body }, undefined);
          return true;
        }
      }

      if (isExtApi) {
        await sessions.authenticate(opts.state.get(), req.headers);
        await forwardExtApi(opts.state, req, res);
        return true;
      }

      const candidates = (isApi ? routes : sandboxRoutes).filter((route) => route.path.test(pathname));
      if (candidates.length === 0) throw new VcdError(404, `No resource at ${pathname}.`);
      const route = candidates.find((candidate) => candidate.method === req.method);
      if (!route) throw new VcdError(405, `${req.method ?? ''} is not supported on ${pathname}.`);

      const params = (route.path.exec(pathname) ?? []).slice(1).map(decodeParam);
      if (route.versioned ?? route.access === 'session') apiVersion = negotiateVersion(req.headers.accept);
      const base: PublicContext = {
        req,
        url,
        origin,
        requestId,
        apiVersion,
        state: opts.state,
        params,
        readJson: jsonBodyReader(req),
        bodyLimit,
      };
      const reply =
        route.access === 'public'
          ? await route.handle(base)
          : await route.handle({ ...base, principal: await sessions.authenticate(opts.state.get(), req.headers) });
      sendReply(res, reply, apiVersion);
    } catch (error) {
      if (!(error instanceof VcdError)) console.error(`[vcd] ${req.method ?? ''} ${req.url ?? ''} failed:`, error);
      const status = error instanceof VcdError ? error.status : 500;
      const code = error instanceof VcdError ? error.minorErrorCode : 'INTERNAL_SERVER_ERROR';
      const message = error instanceof Error ? error.message : String(error);
      sendReply(res, { status, body: errorBody(requestId, code, message) }, apiVersion);
    }
    return true;
  };
}

/** Waits `ms`; false when the client gave up meanwhile (the request is then dropped, as a hung VCD would). */
function heldFor(res: ServerResponse, ms: number): Promise<boolean> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      res.off('close', gaveUp);
      resolve(true);
    }, ms);
    const gaveUp = (): void => {
      clearTimeout(timer);
      resolve(false);
    };
    res.once('close', gaveUp);
  });
}

function decodeParam(param: string): string {
  try {
    return decodeURIComponent(param);
  } catch {
    throw new VcdError(400, `Malformed path parameter: ${param}`);
  }
}
