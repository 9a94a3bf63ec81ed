/*
 * CA certificates against the sandbox's real TLS registry: the leaf is recognised as such, the
 * sandbox CA is proven to make the registry trusted, saving writes it once to both lists, and a
 * private key is refused without anything being sent.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { APIRequestContext, expect, test } from '@playwright/test';
import { Portal } from './support/portal';
import { VcdApi } from './support/vcd-api';

async function recordedRequests(request: APIRequestContext, portalUrl: string): Promise<{ method: string; path: string }[]> {
  const response = await request.get(new URL('/sandbox/requests', portalUrl).toString());
  return ((await response.json()) as { values: { method: string; path: string }[] }).values;
}

test.describe('CA certificates', () => {
  let api: VcdApi;

  test.beforeEach(async ({ request }) => {
    api = new VcdApi(request);
    await api.logInAsSystemAdministrator();
    await api.setRegistryUrl(api.info.containerRegistryUrl);
    await api.clearCertificateAuthorities();
  });

  test('tells a leaf from its CA, proves the CA makes the registry trusted, and saves it once to both lists', async ({ page }) => {
    const plugin = await new Portal(page).openAirgapAs('sysadmin');
    const check = plugin.registryCheck();
    await check.ensureVcdAccess();
    await check.run();
    const certificates = plugin.certificates();
    await expect(certificates.needsCheck()).toHaveCount(0);

    await certificates.upload(path.join(path.dirname(api.info.caFile), 'server.crt'));
    await expect(certificates.candidate('leaf')).toBeVisible();
    await expect(certificates.candidate('leaf')).toContainText('CSE needs the CA that signed it');
    await expect(certificates.candidate('leaf')).toContainText('CSE Airgap Sandbox Root CA');
    await expect(certificates.proof('nodes')).toHaveAttribute('data-trusted', 'false');
    await expect(certificates.proof('nodes')).toContainText('CSE Airgap Sandbox Root CA');

    const started = Date.now();
    await certificates.upload(api.info.caFile);
    await expect(certificates.proof('nodes')).toHaveAttribute('data-trusted', 'true');
    await expect(certificates.proof('bootstrap')).toHaveAttribute('data-trusted', 'true');
    console.log(`CA dropped → proof shown: ${Date.now() - started} ms`);
    await expect(certificates.proof('nodes')).toContainText(`make ${api.info.containerRegistryUrl.split(':')[0]} trusted`);

    await certificates.save();
    await expect(certificates.saved()).toBeVisible();
    const stored = await api.vcdKeConfig();
    const profile = stored.entity.entity.profiles[0] as {
      bootstrapClusterConfig: { certificateAuthorities: string[] };
      K8Config: { certificateAuthorities: string[] };
    };
    const ca = readFileSync(api.info.caFile, 'utf8');
    const body = (pem: string): string => pem.replace(/-----[^-]+-----|\s/g, '');
    expect(profile.bootstrapClusterConfig.certificateAuthorities.map(body)).toEqual([body(ca)]);
    expect(profile.K8Config.certificateAuthorities.map(body)).toEqual([body(ca)]);
    expect(profile.K8Config.certificateAuthorities[0]).toMatch(
      /^-----BEGIN CERTIFICATE-----\n([A-Za-z0-9+/=]{64}\n)*[A-Za-z0-9+/=]{1,64}\n-----END CERTIFICATE-----\n$/,
    );

    await plugin.openTab('registry-settings');
    await expect(plugin.bootstrapCount()).toHaveText('1 certificate');
    await expect(plugin.nodeCount()).toHaveText('1 certificate');
  });

  test('refuses a pasted private key prominently and sends nothing', async ({ page, request }) => {
    const plugin = await new Portal(page).openAirgapAs('sysadmin');
    const certificates = plugin.certificates();
    const key = readFileSync(path.join(path.dirname(api.info.caFile), 'server.key'), 'utf8');
    const before = (await recordedRequests(request, api.info.portalUrl)).length;

    await certificates.paste(key);
    await expect(certificates.privateKeyRefused()).toContainText('consider it exposed');
    await expect(certificates.pasteArea()).toHaveValue('');
    const after = await recordedRequests(request, api.info.portalUrl);
    const writes = after.slice(before).filter((entry) => entry.method !== 'GET');
    expect(writes).toEqual([]);
    await expect(certificates.saveButton()).toBeDisabled();
  });

  test('names what is wrong with a truncated certificate and with garbage, in French', async ({ page }) => {
    const plugin = await new Portal(page).openAirgapAs('sysadmin', 'fr');
    const certificates = plugin.certificates();
    const ca = readFileSync(api.info.caFile, 'utf8');
    await certificates.paste(ca.slice(0, ca.length - 40));
    await expect(certificates.rejection('truncated')).toContainText('tronquée');
    await certificates.paste('hello, this is not a certificate');
    await expect(certificates.rejection('garbage')).toContainText('Aucun certificat trouvé');
  });
});
