// One function per VCD step of a deployment. Sources: go-vcloud-director (govcd/ui_plugin.go,
// govcd/api_token.go), the VCD API reference (Ui Plugins, Ui Plugin Resource, Ui Plugin Tenants,
// sessions) and VMware's vcd-ext-samples plug-in manager. What each call relies on that is
// verified, and what is assumed, is said next to it.
import type { UiPluginMetadata } from './plugin-zip.js';
import { StepError, type VcdClient } from './vcd-client.js';

export const UI = '/cloudapi/extensions/ui';

/** The API versions this command speaks: extensions/ui is 30.0+, API tokens 36.1+, VCD 10.6 is 39.0. */
const MIN_API = [36, 1];
const MAX_API = [39, 0];

export interface Registration extends UiPluginMetadata {
  id: string;
  plugin_status?: string | null;
}

export interface OrgRef {
  name: string;
  id: string;
}

const numbers = (version: string): number[] => version.split('.').map(Number);
const atLeast = (a: number[], b: number[]): boolean =>
  (a[0] ?? 0) > (b[0] ?? 0) || ((a[0] ?? 0) === (b[0] ?? 0) && (a[1] ?? 0) >= (b[1] ?? 0));

/** GET /api/versions (verified: JSON `versionInfo[].version`, `deprecated`): the highest version both speak. */
export async function negotiateApiVersion(client: VcdClient): Promise<string> {
  const step = 'negotiate the API version';
  const body = await client.json<{ versionInfo?: { version: string }[] }>(step, 'GET', '/api/versions', { unversioned: true });
  const offered = (body.versionInfo ?? []).map((info) => info.version).filter((version) => /^\d+\.\d+$/.test(version));
  const usable = offered.filter((version) => atLeast(numbers(version), MIN_API) && atLeast(MAX_API, numbers(version)));
  usable.sort((a, b) => (atLeast(numbers(a), numbers(b)) ? -1 : 1));
  const chosen = usable[0];
  if (!chosen)
    throw new StepError(step, 0, null, `this VCD offers API ${offered.join(', ') || '(none)'}; this command needs one of 36.1 to 39.0`);
  client.apiVersion = chosen;
  return chosen;
}

/** API token → access token: POST /oauth/provider/token, form-encoded refresh_token grant (verified, go-vcloud-director). */
export async function logInWithApiToken(client: VcdClient, apiToken: string): Promise<void> {
  const answer = await client.json<{ access_token?: string }>('log in with the API token', 'POST', '/oauth/provider/token', {
    form: { grant_type: 'refresh_token', refresh_token: apiToken },
    unversioned: true,
  });
  if (!answer.access_token) throw new StepError('log in with the API token', 0, null, 'the token endpoint answered no access_token');
  client.setAccessToken(answer.access_token);
}

/** Basic against POST /cloudapi/1.0.0/sessions/provider; the JWT comes in X-VMWARE-VCLOUD-ACCESS-TOKEN (verified). */
export async function logInWithPassword(client: VcdClient, user: string, password: string): Promise<void> {
  const step = `log in as ${user}`;
  const response = await client.call(step, 'POST', '/cloudapi/1.0.0/sessions/provider', {
    headers: { Authorization: `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}` },
  });
  const token = response.headers['x-vmware-vcloud-access-token'];
  if (!token) throw new StepError(step, 0, null, 'VCD answered no X-VMWARE-VCLOUD-ACCESS-TOKEN header');
  client.setAccessToken(token);
}

export async function logOut(client: VcdClient): Promise<void> {
  await client.call('log out', 'DELETE', '/cloudapi/1.0.0/sessions/current').catch(() => undefined);
}

/** GET …/ui answers a plain array (verified); a plug-in is identified by vendor and name, as VCD's portal does. */
export async function findRegistrations(client: VcdClient, metadata: UiPluginMetadata): Promise<Registration[]> {
  const all = await client.json<Registration[]>('find the registration', 'GET', UI);
  return all.filter((plugin) => plugin.vendor === metadata.vendor && plugin.pluginName === metadata.pluginName);
}

export async function readRegistration(client: VcdClient, id: string, step = 'read the plug-in'): Promise<Registration> {
  return client.json<Registration>(step, 'GET', `${UI}/${id}`);
}

export async function register(client: VcdClient, metadata: UiPluginMetadata): Promise<Registration> {
  return client.json<Registration>('register', 'POST', UI, { json: metadata });
}

/**
 * POST …/{id}/plugin {fileName, size} → 204 + `Link: <…/transfer/…>;rel="upload:default"` (verified),
 * then PUT the exact bytes there as application/zip (verified: vcd-ext-samples' manager; go-vcloud-director
 * adds a Content-Range, which a one-part upload does not need).
 */
export async function announceUpload(client: VcdClient, id: string, fileName: string, size: number): Promise<string> {
  const step = 'announce the upload';
  const response = await client.call(step, 'POST', `${UI}/${id}/plugin`, { json: { fileName, size } });
  const link = /<([^>]+)>\s*;\s*rel="?upload:default"?/.exec(response.headers['link'] ?? '')?.[1];
  if (!link) throw new StepError(step, 0, null, `VCD answered no upload:default link (Link: ${response.headers['link'] ?? 'none'})`);
  // Checked here already, so that nothing else happens before the refusal is reported.
  return client.ownUrl(step, link).toString();
}

export async function uploadBundle(client: VcdClient, transferUrl: string, bytes: Uint8Array): Promise<void> {
  await client.call('upload the bundle', 'PUT', transferUrl, { bytes: { data: bytes, contentType: 'application/zip' }, unversioned: true });
}

/**
 * Polls plugin_status until `ready`. `unavailable` is final only once it lasted `unavailableGraceMs`
 * (assumed: VCD may report it for a moment while it unpacks a new upload).
 */
export async function waitUntilReady(
  client: VcdClient,
  id: string,
  timing: { timeoutMs: number; intervalMs: number; unavailableGraceMs: number },
): Promise<Registration> {
  const step = 'wait until ready';
  const started = Date.now();
  let unavailableSince: number | null = null;
  for (;;) {
    const plugin = await readRegistration(client, id, step);
    if (plugin.plugin_status === 'ready') return plugin;
    const now = Date.now();
    unavailableSince = plugin.plugin_status === 'unavailable' ? (unavailableSince ?? now) : null;
    if (unavailableSince !== null && now - unavailableSince >= timing.unavailableGraceMs) {
      throw new StepError(step, 0, null, 'VCD marked the uploaded plug-in "unavailable" (it could not unpack or load the bundle)');
    }
    if (now - started >= timing.timeoutMs) {
      throw new StepError(
        step,
        0,
        null,
        `plugin_status is still "${plugin.plugin_status ?? 'unknown'}" after ${Math.round(timing.timeoutMs / 1000)} s`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, timing.intervalMs));
  }
}

/** PUT …/{id} with the whole UiPluginMetadata (verified: go-vcloud-director's Update sends every field). */
export async function updateMetadata(client: VcdClient, id: string, metadata: UiPluginMetadata): Promise<Registration> {
  return client.json<Registration>('update the version metadata', 'PUT', `${UI}/${id}`, { json: metadata });
}

export async function removeBundle(client: VcdClient, id: string): Promise<void> {
  await client.call('remove the bundle', 'DELETE', `${UI}/${id}/plugin`);
}

export async function unregister(client: VcdClient, id: string): Promise<void> {
  await client.call('unregister', 'DELETE', `${UI}/${id}`);
}

/** GET …/{id}/tenants: the organizations the plug-in is explicitly published to (verified, paged). */
export async function publishedTenants(client: VcdClient, id: string): Promise<OrgRef[]> {
  return client.all<OrgRef>('read the publications', `${UI}/${id}/tenants`);
}

/** The tenant organizations named, resolved before anything changes (every name must exist). */
export async function resolveOrgs(client: VcdClient, names: readonly string[]): Promise<OrgRef[]> {
  const step = 'find the organizations';
  const orgs = await client.all<OrgRef>(step, '/cloudapi/1.0.0/orgs');
  const missing = names.filter((name) => !orgs.some((org) => org.name.toLowerCase() === name.toLowerCase()));
  if (missing.length > 0) throw new StepError(step, 0, null, `no organization named ${missing.join(', ')}`);
  return names.map((name) => orgs.find((org) => org.name.toLowerCase() === name.toLowerCase())).filter((org): org is OrgRef => !!org);
}

/** POST …/tenants/publish|unpublish [{name, id}] or …/publishAll|unpublishAll (verified paths and bodies). */
export async function changePublication(
  client: VcdClient,
  id: string,
  how: 'publish' | 'unpublish',
  orgs: OrgRef[] | 'all',
): Promise<void> {
  const step =
    orgs === 'all' ? `${how} to all tenants` : `${how} ${how === 'publish' ? 'to' : 'from'} ${orgs.map((org) => org.name).join(', ')}`;
  if (orgs === 'all') {
    await client.call(step, 'POST', `${UI}/${id}/tenants/${how}All`);
  } else if (orgs.length > 0) {
    await client.call(step, 'POST', `${UI}/${id}/tenants/${how}`, { json: orgs.map(({ name, id: orgId }) => ({ name, id: orgId })) });
  }
}
