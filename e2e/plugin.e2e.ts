/*
 * The plug-in's real bundle, loaded from dist/plugin.zip by the sandbox portal the way VCD 10.6
 * loads it, against the sandbox's cloudapi and real registry.
 */
import { copyFileSync, mkdirSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { Portal } from './support/portal';

test.describe('CSE Airgap in the provider portal', () => {
  test('shows both tabs with the registry URL and certificate counts from vcdKeConfig', async ({ page }) => {
    const portal = new Portal(page);
    await portal.logInAs('sysadmin');
    expect(await portal.portalKind()).toBe('Provider portal');
    const plugin = await portal.openCseAirgap();
    await expect(plugin.tab('registry-settings')).toHaveText('Container Registry Settings');
    await expect(plugin.tab('airgap')).toHaveText('Airgap');
    await expect(plugin.registryUrl()).toHaveText(portal.info.containerRegistryUrl);
    await expect(plugin.bootstrapCount()).toHaveText('No certificate');
    await expect(plugin.nodeCount()).toHaveText('No certificate');
    await expect(plugin.readOnlyNote()).toHaveCount(0);

    await plugin.openTab('airgap');
    await expect(plugin.registryUrl()).toHaveText(portal.info.containerRegistryUrl);

    await plugin.openTab('registry-settings');
    const shot = 'test-results/provider-portal.png';
    await page.screenshot({ path: shot, fullPage: true });
    if (process.env['SCREENSHOTS']) {
      mkdirSync('docs', { recursive: true });
      copyFileSync(shot, 'docs/sandbox-provider.png');
    }
  });

  test('sends the bearer token and the negotiated API version on every cloudapi call', async ({ page }) => {
    const portal = new Portal(page);
    await portal.logInAs('sysadmin');
    portal.apiRequests.length = 0;
    const plugin = await portal.openCseAirgap();
    await expect(plugin.registryUrl()).toBeVisible();

    const versions = portal.apiRequests.filter((request) => new URL(request.url()).pathname === '/api/versions');
    expect(versions).toHaveLength(1);
    const calls = portal.apiRequests.filter((request) => new URL(request.url()).pathname.startsWith('/cloudapi/'));
    expect(calls.length).toBeGreaterThan(0);
    const jwt = await page.evaluate(() => sessionStorage.getItem('sandbox.vcd.jwt'));
    for (const call of calls) {
      const headers = await call.allHeaders();
      expect(headers['authorization'], call.url()).toBe(`Bearer ${jwt}`);
      expect(headers['accept'], call.url()).toBe('application/json;version=39.0');
    }
  });

  test('shows a clear alert when VCD fails, and recovers on retry', async ({ page }) => {
    const portal = new Portal(page);
    await portal.logInAs('sysadmin');
    await portal.injectFault({ pathPattern: '/cloudapi/1.0.0/entities/types/vmware/VCDKEConfig/', status: 500, times: 1 });
    try {
      const plugin = await portal.openCseAirgap();
      await expect(plugin.errorAlert()).toContainText('VCD answered with an error (HTTP 500)');
      await expect(plugin.errorAlert()).toContainText('Retry in a moment');
      await plugin.retry();
      await expect(plugin.errorAlert()).toHaveCount(0);
      await expect(plugin.registryUrl()).toHaveText(portal.info.containerRegistryUrl);
    } finally {
      await portal.clearFaults();
    }
  });

  test('renders in French when the portal language is Français', async ({ page }) => {
    const portal = new Portal(page);
    await portal.logInAs('sysadmin');
    await portal.switchLanguage('fr');
    expect(await portal.portalKind()).toBe('Portail fournisseur');
    const plugin = await portal.openCseAirgap();
    await expect(plugin.tab('registry-settings')).toHaveText('Paramètres du registre de conteneurs');
    await expect(plugin.tab('airgap')).toHaveText('Isolement réseau');
    await expect(plugin.bootstrapCount()).toHaveText('Aucun certificat');
    await expect(page.getByText('URL du registre').first()).toBeVisible();
  });
});

test.describe('CSE Airgap in the tenant portal', () => {
  test('opens the acme tenant administrator on his organization’s registry status, read-only', async ({ page }) => {
    const portal = new Portal(page);
    await portal.logInAs('acme-admin');
    expect(await portal.portalKind()).toBe('Tenant portal — acme');
    const status = await portal.openStatusPage();
    await expect(status.title()).toHaveText('Registry status — acme');
    await expect(page.locator('[data-test="tab-registry-settings"], [data-test="save"]')).toHaveCount(0);
  });

  test('tells a tenant user without the View right what to ask for', async ({ page }) => {
    const portal = new Portal(page);
    await portal.logInAs('acme-user');
    const status = await portal.openStatusPage();
    await expect(status.noRight()).toContainText('cseairgap:registryStatus: View');
  });

  test('shows the tenant view in French too', async ({ page }) => {
    const portal = new Portal(page);
    await portal.logInAs('globex-admin', 'fr');
    expect(await portal.portalKind()).toBe('Portail locataire — globex');
    const status = await portal.openStatusPage();
    await expect(status.title()).toHaveText('État du registre — globex');
  });
});
