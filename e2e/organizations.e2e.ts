/*
 * Private registries per organization: the provider assigns acme a private Harbor project and
 * checks it; acme's administrator then sees exactly those results (English and French), globex's
 * administrator sees only his own organization, a tenant user without the right is told what to
 * ask for, and VCD itself (the sandbox's ACLs) refuses a tenant's read of another org's entity.
 */
import { copyFileSync, mkdirSync } from 'node:fs';
import { Page, expect, test } from '@playwright/test';
import { OrganizationsPanel, Portal, TenantStatusPage } from './support/portal';
import { VcdApi } from './support/vcd-api';

/** Full-page screenshot in test-results/, copied to docs/ for the README with SCREENSHOTS=1. */
async function screenshot(page: Page, name: string): Promise<void> {
  const shot = `test-results/${name}.png`;
  await page.screenshot({ path: shot, fullPage: true });
  if (process.env['SCREENSHOTS']) {
    mkdirSync('docs', { recursive: true });
    copyFileSync(shot, `docs/${name}.png`);
  }
}

/** The seeded registry's project that is not public: a private registry with a visible problem. */
const privateBase = (containerRegistryUrl: string): string => `${containerRegistryUrl.split('/')[0]}/private`;

async function openOrganizations(page: Page): Promise<OrganizationsPanel> {
  const portal = new Portal(page);
  const plugin = await portal.openAirgapAs('sysadmin');
  const check = plugin.registryCheck();
  await check.ensureVcdAccess();
  await check.ensureStorage();
  await plugin.openTab('organizations');
  const organizations = plugin.organizations();
  await organizations.ensureTenantAccess();
  return organizations;
}

test.describe.configure({ mode: 'serial' });

test.describe('Organizations tab and the tenant status page', () => {
  let base = '';
  let counts = { present: '', missing: '' };

  test('the provider assigns acme a private project and checks it', async ({ page }) => {
    const organizations = await openOrganizations(page);
    base = privateBase(new Portal(page).info.containerRegistryUrl);
    await expect(organizations.grid()).toContainText('globex');
    await organizations.search('acme');
    await organizations.assign('acme', base);
    await expect(organizations.row('acme').locator('[data-test="cell-registry"]')).toHaveText(base);

    const started = Date.now();
    await organizations.checkNow('acme');
    console.log(`organization check (registry + certificates + dependencies) for acme: ${Date.now() - started} ms`);
    const row = organizations.row('acme');
    await expect(row.locator('[data-test="cell-last-check"]')).toContainText('Failed'); // the project is not public
    await expect(row.locator('[data-test="cell-images"]')).toContainText(/\d+ present, \d+ missing/);
    const text = await row.locator('[data-test="cell-images"]').innerText();
    const match = /(\d+) present, (\d+) missing/.exec(text);
    counts = { present: match?.[1] ?? '', missing: match?.[2] ?? '' };
    expect(Number(counts.missing)).toBeGreaterThan(0);
    await organizations.search('');
    await screenshot(page, 'sandbox-organizations');
  });

  test('acme’s administrator sees exactly those results, in English and in French', async ({ page }) => {
    const portal = new Portal(page);
    await portal.logInAs('acme-admin');
    const status = await portal.openStatusPage();
    await expect(status.title()).toHaveText('Registry status — acme');
    await expect(status.base()).toHaveText(base);
    await expect(status.step('project')).toHaveAttribute('data-verdict', 'failed');
    await expect(status.step('registryApi')).toHaveAttribute('data-verdict', 'passed');
    await expect(status.summaryCount('present')).toHaveText(counts.present);
    await expect(page.locator('[data-test="tenant-rerun-absent"]')).toBeVisible();
    await screenshot(page, 'sandbox-tenant-status');
    // No provider control on the tenant page.
    await expect(page.locator('[data-test="tab-organizations"], [data-test="run-check"], [data-test="save"]')).toHaveCount(0);

    await portal.switchLanguage('fr');
    const french = await portal.openStatusPage();
    await expect(french.title()).toHaveText('État du registre — acme');
    await expect(french.base()).toHaveText(base);
    await expect(french.summaryCount('present')).toHaveText(counts.present);
    await expect(page.getByText('Lecture seule').first()).toBeVisible();
  });

  test('once the provider allows it, acme’s administrator re-runs the dependency check himself, through /ext-api', async ({ page }) => {
    const organizations = await openOrganizations(page);
    await organizations.search('acme');
    await organizations.rowAction('acme', 'toggle-recheck');
    await expect(organizations.notice()).toContainText('may now re-run');
    await expect(organizations.row('acme').locator('[data-test="cell-recheck"]')).toHaveText('Yes');

    const portal = new Portal(page);
    await portal.logInAs('acme-admin');
    const status = await portal.openStatusPage();
    const writes: string[] = [];
    page.on('request', (request) => {
      if (request.method() !== 'GET' && new URL(request.url()).pathname.startsWith('/cloudapi/')) writes.push(request.url());
    });
    const extApi = page.waitForRequest((request) => new URL(request.url()).pathname.startsWith('/ext-api/'));
    await page.locator('[data-test="tenant-rerun"]').click();
    await extApi;
    await expect(page.locator('[data-test="tenant-rerun-done"]')).toBeVisible({ timeout: 30_000 });
    await expect(status.summaryCount('present')).toHaveText(counts.present);
    expect(writes).toEqual([]);
  });

  test('globex’s administrator sees only his own organization', async ({ page }) => {
    const portal = new Portal(page);
    await portal.logInAs('globex-admin');
    const status = await portal.openStatusPage();
    await expect(status.title()).toHaveText('Registry status — globex');
    await expect(status.notShared()).toBeVisible();
    await expect(page.locator('body')).not.toContainText(base);
  });

  test('a tenant user without the right is told what to ask for', async ({ page }) => {
    const portal = new Portal(page);
    await portal.logInAs('acme-user');
    const status = await portal.openStatusPage();
    await expect(status.noRight()).toContainText('cseairgap:registryStatus: View');
    await expect(status.base()).toHaveCount(0);
  });

  test('a tenant who opens the provider’s Organizations address is told it is not his page', async ({ page }) => {
    const portal = new Portal(page);
    await portal.logInAs('acme-admin');
    await portal.openStatusPage();
    await page.goto(`${page.url().replace(/\/$/, '')}/organizations`);
    const status = new TenantStatusPage(page);
    await expect(status.providerOnly()).toBeVisible();
    await expect(status.base()).toHaveText(base);
    await expect(page.locator('[data-test="orgs-grid"]')).toHaveCount(0);
  });

  test('VCD refuses globex’s direct read of acme’s entity, and acme may read but not write it', async ({ request }) => {
    const provider = new VcdApi(request);
    await provider.logInAsSystemAdministrator();
    const orgs = await provider.get('/cloudapi/1.0.0/orgs?filter=name==acme');
    const [acmeOrg] = (orgs.body['values'] ?? []) as { id: string }[];
    const name = `org-${(acmeOrg?.id ?? '').replace('urn:vcloud:org:', '')}`;
    const list = await provider.get(`/cloudapi/1.0.0/entities/types/cseairgap/registryStatus/1.0.0?filter=name==${name}`);
    const [acme] = (list.body['values'] ?? []) as { id: string }[];
    expect(acme, JSON.stringify(list.body)).toBeDefined();
    const acmeId = acme?.id ?? '';

    const globex = new VcdApi(request);
    await globex.logIn('globex-admin@globex');
    expect([403, 404]).toContain((await globex.get(`/cloudapi/1.0.0/entities/${acmeId}`)).status);
    const globexList = await globex.get('/cloudapi/1.0.0/entities/types/cseairgap/registryStatus/1.0.0');
    expect(JSON.stringify(globexList.body)).not.toContain(acmeId);

    const acmeAdmin = new VcdApi(request);
    await acmeAdmin.logIn('acme-admin@acme');
    const read = await acmeAdmin.get(`/cloudapi/1.0.0/entities/${acmeId}`);
    expect(read.status).toBe(200);
    const changed = { ...read.body, entity: { ...(read.body['entity'] as object), registryBase: 'evil.example.com/x' } };
    expect(await acmeAdmin.put(`/cloudapi/1.0.0/entities/${acmeId}`, changed, read.etag)).toBe(403);
    const systemEntities = await acmeAdmin.get('/cloudapi/1.0.0/entities/types/cseairgap/registryStatus/1.0.0?filter=name==system');
    expect(systemEntities.body['values']).toEqual([]);
  });

  test('assigning a registry to an organization deleted meanwhile says so and leaves nothing behind', async ({ page, request }) => {
    const organizations = await openOrganizations(page);
    await organizations.search('tenant-42');
    const provider = new VcdApi(request);
    await provider.logInAsSystemAdministrator();
    await provider.deleteOrg('tenant-42');

    await organizations.rowAction('tenant-42', 'assign');
    await page.locator('[data-test="assign-url"]').fill(base);
    await page.locator('[data-test="assign-save"]').click();
    await expect(organizations.notice()).toContainText('tenant-42 no longer exists');
    await expect(organizations.row('tenant-42')).toHaveCount(0);
    const left = await provider.get('/cloudapi/1.0.0/entities/types/cseairgap/registryStatus/1.0.0?pageSize=128');
    expect(JSON.stringify(left.body)).not.toContain('tenant-42');
  });

  test('the provider removes the assignment: the entity and its share go, acme is told so', async ({ page }) => {
    const organizations = await openOrganizations(page);
    await organizations.search('acme');
    await organizations.rowAction('acme', 'remove');
    await page.locator('[data-test="remove-confirm"]').click();
    await expect(organizations.notice()).toContainText('uses the system registry again');
    await expect(organizations.row('acme').locator('[data-test="cell-registry"]')).toHaveText('Uses the system registry');

    const portal = new Portal(page);
    await portal.logInAs('acme-admin');
    const status = await portal.openStatusPage();
    await expect(status.notShared()).toBeVisible();
  });
});
