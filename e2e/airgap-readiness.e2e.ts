/*
 * "Readiness that cannot lie", tried as a new provider would, in a sandbox of its own seeded with
 * `--seed proxy`: vcdKeConfig names the registry by its alias (harbor.sandbox.test) and gives the
 * Bootstrap VM a proxy whose noProxy misses it; `--registry-address` makes VCD report an address in
 * kind's Docker network for it. The readiness summary shows the Bootstrap VM's manual check, a proxy
 * warning naming the registry host and the bridge-network warning; saving the URL brings the restart
 * notice, which this browser keeps until the provider marks the restart done; a base of 225
 * characters is refused with both lengths; and the CA Harbor serves, taken in one click, proves
 * the registry trusted without any file.
 */
import { Page, expect, test } from '@playwright/test';
import { portalOf, startOwnSandbox, stopOwnSandbox, vcdApiOf } from './support/own-sandbox';
import type { PluginPage } from './support/portal';
import type { SandboxInfo } from './support/sandbox-process';

let info: SandboxInfo | undefined;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  // The alias "resolves" into kind's Docker network for testConnection (the sandbox still connects to 127.0.0.1).
  info = await startOwnSandbox(['--seed', 'proxy', '--registry-address', '172.18.0.5']);
});

// Every test starts from the seeded registry URL, whatever a previous one saved.
test.beforeEach(async ({ request }) => {
  const api = vcdApiOf(request, own());
  await api.logInAsSystemAdministrator();
  await api.setRegistryUrl(own().containerRegistryUrl);
});

test.afterAll(async () => {
  await stopOwnSandbox(info);
});

function own(): SandboxInfo {
  if (!info) throw new Error('this file’s sandbox did not start');
  return info;
}

const readinessLine = (page: Page, id: string) => page.locator(`[data-test="readiness-line"][data-line="${id}"]`);

/** The Airgap tab with the registry checked through VCD, as a provider gets there the first time. */
async function openChecked(page: Page): Promise<PluginPage> {
  const plugin = await portalOf(page, own()).openAirgapAs('sysadmin');
  const check = plugin.registryCheck();
  await check.setUpAndRun();
  await check.expectAllStepsPassed();
  return plugin;
}

test('the seed names the registry by its alias', () => {
  expect(own().containerRegistryUrl).toMatch(/^harbor\.sandbox\.test:\d+\//);
});

test('readiness shows the Bootstrap VM line, a proxy warning naming the registry host (never the proxy password) and the bridge-network warning', async ({
  page,
}) => {
  await openChecked(page);
  await page.locator('[data-test="readiness-refresh"]').click();

  await expect(readinessLine(page, 'bootstrapVm')).toHaveAttribute('data-level', 'manual');
  await expect(readinessLine(page, 'bootstrapVm')).toContainText('Manual check: the Bootstrap VM must be able to obtain');
  await expect(readinessLine(page, 'bootstrapVm')).toContainText('kind v0.19.0');
  await expect(readinessLine(page, 'bootstrapProxy')).toHaveAttribute('data-level', 'attention');
  await expect(readinessLine(page, 'bootstrapProxy')).toContainText('through the proxy');
  await expect(readinessLine(page, 'bootstrapProxy')).toContainText('harbor.sandbox.test');
  await expect(readinessLine(page, 'bootstrapProxy')).toContainText('add it to noProxy');
  await expect(page.locator('[data-test="readiness"]')).not.toContainText('s3cret');
  await expect(readinessLine(page, 'bridgeNetworks')).toHaveAttribute('data-level', 'attention');
  await expect(readinessLine(page, 'bridgeNetworks')).toContainText('The registry resolves to 172.18.0.5, inside 172.18.0.0/16');
});

test('after saving the URL, the page says to restart the CSE server, and readiness says "restart pending" until it is marked done', async ({
  page,
}) => {
  const plugin = await openChecked(page);
  const hostPort = own().containerRegistryUrl.split('/')[0] ?? '';
  await plugin.openTab('registry-settings');
  await plugin.urlInput().fill(`${hostPort}/mirror`);
  await plugin.saveButton().click();
  await expect(plugin.saved()).toBeVisible();

  const notice = page.locator('[data-test="restart-notice"]');
  await expect(notice).toContainText(`Registry URL ${hostPort}/mirror saved.`);
  await expect(notice).toContainText('restart the CSE server (reboot its VM) before new clusters use it');
  await expect(notice).toContainText('the CSE Server VM needs to be rebooted');
  await expect(notice).toContainText('This reminder is kept in this browser, for this VCD');

  await plugin.openTab('airgap');
  const registryUrl = readinessLine(page, 'registryUrl');
  await expect(registryUrl).toHaveAttribute('data-level', 'attention');
  await expect(registryUrl).toContainText(`Registry URL ${hostPort}/mirror saved, CSE server restart pending`);

  // The mark outlives the page: open the plug-in again in this browser.
  const again = await portalOf(page, own()).openAirgapAs('sysadmin');
  await expect(readinessLine(page, 'registryUrl')).toContainText('restart pending');
  await page.locator('[data-test="readiness-restart-done"]').click();
  await expect(readinessLine(page, 'registryUrl')).not.toContainText('restart pending');
  await again.openTab('registry-settings');
  await expect(notice).toHaveCount(0);
});

test('refuses a base of 225 characters, with its length and the derived one', async ({ page }) => {
  const plugin = await portalOf(page, own()).openAirgapAs('sysadmin');
  await plugin.openTab('registry-settings');
  const base = `harbor.sandbox.test/${'a'.repeat(205)}`;
  expect(base).toHaveLength(225);
  await plugin.urlInput().fill(base);
  await expect(plugin.urlError('derivedTooLong')).toContainText(
    'This base has 225 characters: the longest repository CSE derives from it has 285, and registries refuse names over 255. Shorten the base to 195 characters or fewer.',
  );
  await expect(plugin.saveButton()).toBeDisabled();
});

test('"Use the CA Harbor serves" proves the sandbox registry trusted without any file', async ({ page, request }) => {
  const api = vcdApiOf(request, own());
  await api.logInAsSystemAdministrator();
  await api.clearCertificateAuthorities();
  const plugin = await openChecked(page);
  const certificates = plugin.certificates();
  // CSE's lists are empty: nothing makes the registry trusted yet.
  await expect(certificates.proof('nodes')).toHaveAttribute('data-trusted', 'false');

  const harborCa = page.locator('[data-test="harbor-ca"]');
  await expect(harborCa).toHaveAttribute('data-state', 'found');
  await expect(harborCa).toContainText('Harbor serves the CA');
  await expect(harborCa).toContainText('CSE Airgap Sandbox Root CA');
  await expect(harborCa).toContainText(/SHA-256 [0-9A-F]{2}(:[0-9A-F]{2}){31}/);
  await expect(page.locator('[data-test="harbor-ca-signs"]')).toBeVisible();
  await page.locator('[data-test="harbor-ca-use"]').click();

  await expect(certificates.candidate('root')).toContainText('CSE Airgap Sandbox Root CA');
  await expect(certificates.proof('nodes')).toHaveAttribute('data-trusted', 'true');
  await expect(certificates.proof('bootstrap')).toHaveAttribute('data-trusted', 'true');
});
