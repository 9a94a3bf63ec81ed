/*
 * Container Registry Settings and the registry check, in Chromium, against the sandbox's VCD
 * and its real registry.
 */
import { copyFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { Portal } from './support/portal';
import { VcdApi } from './support/vcd-api';

let api: VcdApi;

// Every test starts from the sandbox's registry URL, whatever the previous one saved.
test.beforeEach(async ({ request }) => {
  api = new VcdApi(request);
  await api.logInAsSystemAdministrator();
  await api.setRegistryUrl(api.info.containerRegistryUrl);
});

test.describe('Container Registry Settings', () => {
  test('fixes a pasted https://…/tkg/ URL in one click, saves it, and VCD stores exactly that', async ({ page }) => {
    const portal = new Portal(page);
    await portal.logInAs('sysadmin');
    const plugin = await portal.openCseAirgap();
    const registryHostPort = api.info.containerRegistryUrl.split('/')[0];
    await plugin.urlInput().fill(`https://${registryHostPort}/private/tkg/`);
    await expect(plugin.urlError('scheme')).toContainText('Remove the scheme');
    await expect(plugin.urlError('trailingSlash')).toBeVisible();
    await expect(plugin.urlError('derivedSuffix')).toContainText('/tkg');
    await expect(plugin.saveButton()).toBeDisabled();

    await plugin.urlFix('scheme').click();
    await expect(plugin.urlInput()).toHaveValue(`${registryHostPort}/private`);
    await expect(plugin.derived()).toContainText(`${registryHostPort}/private/tkg`);
    await expect(plugin.derived()).toContainText(`${registryHostPort}/private/tanzu_cli/plugins/plugin-inventory:latest`);
    await plugin.saveButton().click();
    await expect(plugin.saved()).toBeVisible();
    await expect(plugin.registryUrl()).toHaveText(`${registryHostPort}/private`);

    const stored = await api.vcdKeConfig();
    expect(stored.entity.entity.profiles[0]?.['containerRegistryUrl']).toBe(`${registryHostPort}/private`);
  });

  test('never overwrites a concurrent change: 412 → the change is shown → re-apply keeps both', async ({ page }) => {
    const portal = new Portal(page);
    await portal.logInAs('sysadmin');
    const plugin = await portal.openCseAirgap();
    const registryHostPort = api.info.containerRegistryUrl.split('/')[0];
    await plugin.urlInput().fill(`${registryHostPort}/mirror`);

    await api.changeVcdKeConfig((entity) => {
      const k8s = entity.entity.profiles[0]?.['K8Config'] as { mhc: { maxUnhealthyNodes: number } };
      k8s.mhc.maxUnhealthyNodes = 42;
    });

    await plugin.saveButton().click();
    await expect(plugin.conflict()).toBeVisible();
    await expect(plugin.conflict()).toContainText('profiles[0].K8Config.mhc.maxUnhealthyNodes');
    await plugin.conflictReapply().click();
    await expect(plugin.saved()).toBeVisible();

    const stored = await api.vcdKeConfig();
    const profile = stored.entity.entity.profiles[0] as { containerRegistryUrl: string; K8Config: { mhc: { maxUnhealthyNodes: number } } };
    expect(profile.containerRegistryUrl).toBe(`${registryHostPort}/mirror`);
    expect(profile.K8Config.mhc.maxUnhealthyNodes).toBe(42);
  });

  test('after someone changes the GitHub token and a proxy password, the conflict panel says "changed (hidden)" and re-apply works', async ({
    page,
  }) => {
    const token = `ghp_e2e${Date.now()}SECRETsecretSECRET`;
    const proxyPassword = `pw-${Date.now()}-hidden`;
    const portal = new Portal(page);
    await portal.logInAs('sysadmin');
    const plugin = await portal.openCseAirgap();
    const registryHostPort = api.info.containerRegistryUrl.split('/')[0];
    await plugin.urlInput().fill(`${registryHostPort}/mirror`);

    await api.changeVcdKeConfig((entity) => {
      const profile = entity.entity.profiles[0] as Record<string, Record<string, unknown>>;
      profile['githubConfig'] = { githubPersonalAccessToken: token };
      const bootstrap = (profile['bootstrapClusterConfig'] ??= {}) as Record<string, unknown>;
      bootstrap['proxyConfig'] = {
        ...(bootstrap['proxyConfig'] as object),
        httpProxy: `http://ops:${proxyPassword}@proxy.corp.local:3128`,
      };
    });

    await plugin.saveButton().click();
    await expect(plugin.conflict()).toBeVisible();
    const tokenRow = plugin.conflict().locator('tr', { hasText: 'profiles[0].githubConfig.githubPersonalAccessToken' });
    await expect(tokenRow).toContainText('changed (hidden)');
    await expect(plugin.conflict()).toContainText('http://***@proxy.corp.local:3128');
    const html = await page.content();
    expect(html).not.toContain(token);
    expect(html).not.toContain(proxyPassword);

    await plugin.conflictReapply().click();
    await expect(plugin.saved()).toBeVisible();
    const stored = await api.vcdKeConfig();
    const profile = stored.entity.entity.profiles[0] as {
      containerRegistryUrl: string;
      githubConfig: { githubPersonalAccessToken: string };
    };
    expect(profile.containerRegistryUrl).toBe(`${registryHostPort}/mirror`);
    expect(profile.githubConfig.githubPersonalAccessToken).toBe(token);
  });

  test('disables Save with the reason for a provider without the Modify right', async ({ page }) => {
    const portal = new Portal(page);
    await portal.logInAs('cse-viewer');
    const plugin = await portal.openCseAirgap();
    await expect(plugin.saveDisabledReason()).toContainText('vmware:VCDKEConfig: Modify');
    await expect(plugin.saveButton()).toBeDisabled();
  });
});

test.describe('Registry check', () => {
  test('creates the VCD access and the storage, then passes every step against the real registry', async ({ page }) => {
    const plugin = await new Portal(page).openAirgapAs('sysadmin');
    const check = plugin.registryCheck();
    await check.ensureVcdAccess();
    await check.ensureStorage();
    const started = Date.now();
    await check.run();
    await check.expectAllStepsPassed();
    console.log(`registry check against the sandbox registry: ${Date.now() - started} ms`);
    await expect(check.chain()).toContainText('CSE Airgap Sandbox Root CA');
    await expect(check.kept()).toBeVisible();
    await page.screenshot({ path: 'test-results/registry-check.png', fullPage: true });
    if (process.env['SCREENSHOTS']) copyFileSync('test-results/registry-check.png', 'docs/sandbox-registry-check.png');

    await page.reload();
    await plugin.openTab('airgap');
    await expect(check.lastCheck()).toBeVisible();
    await check.expectAllStepsPassed();
  });

  test('reports a stopped registry as a connection error and skips the rest', async ({ page }) => {
    const plugin = await new Portal(page).openAirgapAs('sysadmin');
    const check = plugin.registryCheck();
    await check.ensureVcdAccess();
    await api.stopRegistry();
    try {
      await check.run();
      await expect(check.step('connection')).toHaveAttribute('data-verdict', 'failed');
      await expect(check.step('connection')).toContainText('cannot connect');
      await expect(check.step('project')).toHaveAttribute('data-verdict', 'skipped');
    } finally {
      await api.startRegistry();
    }
  });

  test('says precisely that a private project cannot be pulled anonymously', async ({ page }) => {
    const registryHostPort = api.info.containerRegistryUrl.split('/')[0];
    await api.setRegistryUrl(`${registryHostPort}/private`);
    const plugin = await new Portal(page).openAirgapAs('sysadmin');
    const check = plugin.registryCheck();
    await check.ensureVcdAccess();
    await check.run();
    await expect(check.step('registryApi')).toHaveAttribute('data-verdict', 'passed');
    await expect(check.step('project')).toHaveAttribute('data-verdict', 'failed');
    await expect(check.step('project')).toContainText('Project private is private');
  });

  test('explains each step in French', async ({ page }) => {
    const plugin = await new Portal(page).openAirgapAs('sysadmin', 'fr');
    const check = plugin.registryCheck();
    await check.ensureVcdAccess();
    await check.run();
    await check.expectAllStepsPassed();
    await expect(check.step('project')).toContainText('existe et est public');
  });
});
