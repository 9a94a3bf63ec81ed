// Deploys a UI plug-in zip to a VCD: install, upgrade in place, publish, unpublish, uninstall.
//
// Upgrade in place, and why in this order: a registration's publications belong to its id, so the
// id is kept and only the bundle and the version metadata change. The new bundle is uploaded to the
// existing registration first; VCD keeps serving the old one until the new upload is complete and
// valid (what the sandbox does; assumed for VCD). Should VCD refuse a second bundle (400 while one is
// `ready`; VMware's vcd-ext-samples manager deletes the old bundle first, which suggests older VCDs
// do), the command says so, removes the old bundle and uploads again: the plug-in is then unavailable
// until the new bundle is ready, and a failure from there on is reported with the way back
// (redeploy the previous zip with --force). The version metadata is written only once the new
// bundle is ready, so a failed upload leaves the registration exactly as it was. A fresh install that
// fails after registering removes its registration again: nothing is left half-installed.
import path from 'node:path';
import { createHttp, type HttpSend } from './http.js';
import { compareVersions, readPluginZip, type PluginZip } from './plugin-zip.js';
import * as vcd from './steps.js';
import { StepError, VcdClient } from './vcd-client.js';

export type Publication = 'all' | readonly string[];

export interface DeployOptions {
  readonly vcd: URL;
  readonly zip: string;
  readonly credentials:
    | { readonly kind: 'apiToken'; readonly token: string }
    | { readonly kind: 'password'; readonly user: string; readonly password: string };
  readonly publish?: Publication;
  readonly unpublish?: Publication;
  readonly uninstall?: boolean;
  /** Allows a downgrade, and uploads the same version again. */
  readonly force?: boolean;
  readonly extraCaPem?: string;
  readonly timing?: { timeoutMs: number; intervalMs: number; unavailableGraceMs: number };
  /** For tests: the transport. */
  readonly http?: HttpSend;
}

export interface DeployReport {
  readonly id: string | null;
  readonly version: string | null;
  readonly status: string | null;
  readonly publications: number;
}

export interface Output {
  log(line: string): void;
  error(line: string): void;
}

const DEFAULT_TIMING = { timeoutMs: 120_000, intervalMs: 1_000, unavailableGraceMs: 5_000 };

export async function deploy(options: DeployOptions, out: Output): Promise<DeployReport> {
  const ok = (step: string, detail = ''): void => out.log(`✓ ${step}${detail ? `: ${detail}` : ''}`);
  let zip: PluginZip;
  try {
    zip = await readPluginZip(options.zip);
  } catch (error) {
    throw new StepError('read the plug-in', 0, null, error instanceof Error ? error.message : String(error));
  }
  const { metadata } = zip;
  ok(
    'read the plug-in',
    `${metadata.pluginName} ${metadata.version} by ${metadata.vendor}${zip.productVersions.length ? ` for VCD ${zip.productVersions.join(', ')}` : ''}, ${zip.bytes.byteLength} bytes (${options.zip})`,
  );

  const client = new VcdClient(options.vcd, options.http ?? createHttp(options.extraCaPem ? { extraCaPem: options.extraCaPem } : {}));
  ok('negotiate the API version', await vcd.negotiateApiVersion(client));
  if (options.credentials.kind === 'apiToken') {
    await vcd.logInWithApiToken(client, options.credentials.token);
    ok('log in with the API token');
  } else {
    await vcd.logInWithPassword(client, options.credentials.user, options.credentials.password);
    ok(`log in as ${options.credentials.user}`);
  }
  try {
    return await deployAsLoggedIn(client, zip, options, ok, out);
  } finally {
    await vcd.logOut(client);
  }
}

async function deployAsLoggedIn(
  client: VcdClient,
  zip: PluginZip,
  options: DeployOptions,
  ok: (step: string, detail?: string) => void,
  out: Output,
): Promise<DeployReport> {
  const { metadata } = zip;
  const found = await vcd.findRegistrations(client, metadata);
  // Several registrations of one plug-in (the portal allows one per version): work on the newest.
  found.sort((a, b) => compareVersions(b.version, a.version));
  const current = found[0];
  ok('find the registration', current ? `${current.id}, version ${current.version} (${current.plugin_status ?? 'unknown'})` : 'none');
  if (found.length > 1)
    out.log(`  note: ${found.length} registrations of ${metadata.vendor}/${metadata.pluginName}; using the newest, ${current?.id}`);

  if (options.uninstall) return uninstall(client, current, ok);

  // Everything that can be refused is checked before anything changes.
  const toPublish =
    options.publish === undefined || options.publish === 'all' ? options.publish : await vcd.resolveOrgs(client, options.publish);
  const toUnpublish =
    options.unpublish === undefined || options.unpublish === 'all' ? options.unpublish : await vcd.resolveOrgs(client, options.unpublish);

  // --unpublish alone withdraws the installed plug-in: it uploads nothing, whatever the zip's version.
  const unpublishOnly = options.unpublish !== undefined && options.publish === undefined && !options.force;
  let id: string;
  if (unpublishOnly) {
    if (!current) throw new StepError('find the registration', 0, null, `${metadata.pluginName} is not installed: nothing to unpublish`);
    id = current.id;
  } else if (!current) {
    id = await install(client, zip, options, ok);
  } else {
    id = current.id;
    const order = compareVersions(metadata.version, current.version);
    if (order < 0 && !options.force) {
      throw new StepError(
        'compare the versions',
        0,
        null,
        `${current.version} is installed and ${metadata.version} is older; add --force to downgrade`,
      );
    }
    if (order === 0 && current.plugin_status === 'ready' && !options.force) {
      ok('compare the versions', `${metadata.version} is already installed; nothing to upload (--force uploads it again)`);
    } else {
      await upgrade(client, zip, current, options, ok, out);
    }
  }

  if (toPublish !== undefined) {
    await vcd.changePublication(client, id, 'publish', toPublish);
    ok(toPublish === 'all' ? 'publish to all tenants' : `publish to ${toPublish.map((org) => org.name).join(', ')}`);
  }
  if (toUnpublish !== undefined) {
    await vcd.changePublication(client, id, 'unpublish', toUnpublish);
    ok(toUnpublish === 'all' ? 'unpublish from all tenants' : `unpublish from ${toUnpublish.map((org) => org.name).join(', ')}`);
  }
  const final = await vcd.readRegistration(client, id);
  const tenants = await vcd.publishedTenants(client, id);
  if (tenants.length === 0 && final.tenant_scoped)
    out.log('  note: published to no tenant (VCD publishes new plug-ins to none); use --publish all or --publish <org>,…');
  return { id, version: final.version, status: final.plugin_status ?? null, publications: tenants.length };
}

async function install(
  client: VcdClient,
  zip: PluginZip,
  options: DeployOptions,
  ok: (step: string, detail?: string) => void,
): Promise<string> {
  const registration = await vcd.register(client, zip.metadata);
  ok('register', registration.id);
  try {
    await uploadAndWait(client, registration.id, zip, options, ok);
    return registration.id;
  } catch (error) {
    // Never leave a registration without a working bundle behind.
    await vcd.unregister(client, registration.id).then(
      () => ok('roll back', `removed the new registration ${registration.id}; nothing is installed`),
      () => undefined,
    );
    throw error;
  }
}

async function upgrade(
  client: VcdClient,
  zip: PluginZip,
  current: vcd.Registration,
  options: DeployOptions,
  ok: (step: string, detail?: string) => void,
  out: Output,
): Promise<void> {
  const before = await vcd.publishedTenants(client, current.id);
  ok('read the publications', `${before.length} organization${before.length === 1 ? '' : 's'}`);
  await uploadAndWait(client, current.id, zip, options, ok, current.plugin_status === 'ready' ? out : undefined);
  // Keep what the provider chose (enabled); take the rest from the new manifest.
  const updated = await vcd.updateMetadata(client, current.id, { ...zip.metadata, enabled: current.enabled });
  ok('update the version metadata', `${current.version} → ${updated.version ?? zip.metadata.version}`);
  const after = await vcd.publishedTenants(client, current.id);
  const lost = before.filter((org) => !after.some((kept) => kept.id === org.id));
  if (lost.length > 0) await vcd.changePublication(client, current.id, 'publish', lost);
  ok('keep the publications', `${before.length} kept${lost.length > 0 ? ` (${lost.length} published again)` : ''}`);
}

/** Announce, PUT, wait. `replacing`: the registration has a working bundle that VCD may refuse to replace. */
async function uploadAndWait(
  client: VcdClient,
  id: string,
  zip: PluginZip,
  options: DeployOptions,
  ok: (step: string, detail?: string) => void,
  replacing?: Output,
): Promise<void> {
  const fileName = path.basename(zip.file);
  let link: string;
  try {
    link = await vcd.announceUpload(client, id, fileName, zip.bytes.byteLength);
  } catch (error) {
    if (!(replacing && error instanceof StepError && error.status === 400)) throw error;
    replacing.log(
      `  note: VCD refuses a second bundle (${error.detail}); removing the old one first — the plug-in is unavailable until the new one is ready`,
    );
    await vcd.removeBundle(client, id);
    ok('remove the old bundle');
    link = await vcd.announceUpload(client, id, fileName, zip.bytes.byteLength);
  }
  ok('announce the upload', `${fileName}, ${zip.bytes.byteLength} bytes`);
  await vcd.uploadBundle(client, link, zip.bytes);
  ok('upload the bundle');
  const ready = await vcd.waitUntilReady(client, id, options.timing ?? DEFAULT_TIMING);
  ok('wait until ready', ready.plugin_status ?? 'ready');
}

async function uninstall(
  client: VcdClient,
  current: vcd.Registration | undefined,
  ok: (step: string, detail?: string) => void,
): Promise<DeployReport> {
  if (!current) {
    ok('uninstall', 'not installed; nothing to do');
    return { id: null, version: null, status: null, publications: 0 };
  }
  if (current.plugin_status === 'ready') {
    await vcd.removeBundle(client, current.id);
    ok('remove the bundle');
  }
  await vcd.unregister(client, current.id);
  ok('unregister', current.id);
  return { id: null, version: null, status: 'uninstalled', publications: 0 };
}

/** After a failure: what is installed now, so the user sees that the previous version still runs. */
/** Prints what is installed now; true when a registration exists (a version to go back to). */
export async function describeInstalled(options: DeployOptions, out: Output): Promise<boolean> {
  try {
    const zip = await readPluginZip(options.zip);
    const client = new VcdClient(options.vcd, options.http ?? createHttp(options.extraCaPem ? { extraCaPem: options.extraCaPem } : {}));
    await vcd.negotiateApiVersion(client);
    if (options.credentials.kind === 'apiToken') await vcd.logInWithApiToken(client, options.credentials.token);
    else await vcd.logInWithPassword(client, options.credentials.user, options.credentials.password);
    try {
      const [current] = (await vcd.findRegistrations(client, zip.metadata)).sort((a, b) => compareVersions(b.version, a.version));
      if (!current) {
        out.error(`Installed now: no ${zip.metadata.pluginName} registration.`);
        return false;
      }
      const tenants = await vcd.publishedTenants(client, current.id);
      out.error(
        `Installed now: ${current.pluginName} ${current.version} (${current.id}), status ${current.plugin_status ?? 'unknown'}, published to ${tenants.length} organization${tenants.length === 1 ? '' : 's'}.`,
      );
      return true;
    } finally {
      await vcd.logOut(client);
    }
  } catch {
    // The failure itself was reported; this is only a courtesy.
    return false;
  }
}
