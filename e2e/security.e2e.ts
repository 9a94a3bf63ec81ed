/*
 * Reaching the registry through VCD leaks and opens nothing. VCD lets every user of every
 * organization call an `/ext-api` path a filter matches, so the plug-in's filters match only the
 * requests its checks make, and its requests carry nothing of a VCD session to the registry. The
 * sandbox's /ext-api takes the worst case of what VCD forwards (the caller's cookies, tenant
 * context, and Authorization unless the endpoint says authorizationEnabled: false), and its
 * registry records every header it receives: what is asserted here is what the registry saw.
 */
import { Page, expect, test } from '@playwright/test';
import { Portal } from './support/portal';
import { VcdApi } from './support/vcd-api';

const TKR = 'v1.27.5---vmware.1-tkg.1';
const NO_FILTER = /No API filter matches/;

test.describe.configure({ mode: 'serial' });

/** Every VCD session token the page sends to /ext-api (VCD authenticates with it): none may reach the registry. */
function collectVcdTokens(page: Page, tokens: Set<string>): void {
  page.on('request', (request) => {
    if (!new URL(request.url()).pathname.startsWith('/ext-api/')) return;
    const token = /^Bearer (.+)$/.exec(request.headers()['authorization'] ?? '')?.[1];
    if (token) tokens.add(token);
  });
}

async function sessionJwt(page: Page): Promise<string> {
  return page.evaluate(() => sessionStorage.getItem('sandbox.vcd.jwt') ?? '');
}

test.describe('Reaching the registry through VCD', () => {
  let prefix = '';

  test.beforeEach(async ({ request }) => {
    const api = new VcdApi(request);
    await api.logInAsSystemAdministrator();
    await api.setRegistryUrl(api.info.containerRegistryUrl);
    await request.delete(new URL('/sandbox/registry/faults', api.info.portalUrl).toString());
  });

  test('the provider sets up narrow filters only, after a plan that says who can call them', async ({ page, request }) => {
    const plugin = await new Portal(page).openAirgapAs('sysadmin');
    const check = plugin.registryCheck();
    await check.ensureVcdAccess();
    prefix = await check.extApiPrefix();
    await page.locator('[data-test="ext-api-details"] summary').click();
    const exposure = page.locator('[data-test="ext-api-details"] [data-test="ext-api-exposure"]');
    await expect(exposure).toContainText('every VCD user of every organization');
    await expect(exposure).toContainText('anonymous read requests only (GET, HEAD)');
    await expect(exposure).toContainText('Not image layers, not private projects');
    await expect(page.locator('[data-test="ext-api-details"] [data-test="ext-api-filter-harborPing"]')).toContainText('GET /api/v2.0/ping');

    const api = new VcdApi(request);
    await api.logInAsSystemAdministrator();
    const endpoints = (await api.get('/cloudapi/1.0.0/externalEndpoints?filter=vendor==cseairgap&pageSize=128')).body['values'] as {
      id: string;
      rootUrl: string;
      authorizationEnabled: boolean | null;
    }[];
    const ours = endpoints.filter((endpoint) => endpoint.rootUrl === `https://${api.info.containerRegistryUrl.split('/')[0]}`);
    expect(ours.map((endpoint) => endpoint.authorizationEnabled)).toEqual([false]);
    const filters = (await api.get(`/cloudapi/1.0.0/apiFilters?filter=externalSystem.id==${ours[0]?.id ?? ''}&pageSize=128`)).body[
      'values'
    ] as { urlMatcher: { urlPattern: string } }[];
    const patterns = filters.map((filter) => filter.urlMatcher.urlPattern);
    console.log(`API filters created for ${prefix}:\n${patterns.join('\n')}`);
    expect(patterns).toHaveLength(10);
    for (const pattern of patterns) expect(pattern).toMatch(new RegExp(`^/${prefix}/\\(\\?=.+\\$\\)\\.\\*$`));
    expect(patterns).not.toContain(`/${prefix}/.*`);
  });

  test('a tenant user without any right gets VCD’s "no filter matches" for every path outside the plan', async ({ request }) => {
    const user = new VcdApi(request);
    await user.logIn('acme-user@acme');
    const outside: [string, string][] = [
      ['GET', '/api/v2.0/users'],
      ['GET', '/api/v2.0/users/current'],
      ['GET', '/api/v2.0/projects'],
      ['GET', '/api/v2.0/projects/private/members'],
      ['POST', '/c/login'],
      ['GET', '/service/token?service=harbor-registry&scope=registry:catalog:*'],
      ['GET', '/v2/_catalog'],
      ['GET', '/v2/cse/tkg/kube-proxy/blobs/sha256:0000000000000000000000000000000000000000000000000000000000000000'],
      ['POST', '/v2/cse/tkg/kube-proxy/blobs/uploads/'],
      ['DELETE', '/api/v2.0/projects/cse/repositories/tkg%252Fkube-proxy'],
      ['GET', '/'],
    ];
    for (const [method, path] of outside) {
      const answer = await user.extApi(`/${prefix}${path}`, method);
      expect(answer.status, `${method} ${path}`).toBe(404);
      expect(answer.text, `${method} ${path}`).toMatch(NO_FILTER);
    }
    // What the plan lists answers, as it would to anyone anonymously.
    expect(await user.extApi(`/${prefix}/api/v2.0/ping`)).toEqual({ status: 200, text: 'Pong' });
  });

  test('a system check, an organization check and a tenant re-run send the registry no VCD token, cookie or tenant context', async ({
    page,
    request,
  }) => {
    test.setTimeout(180_000);
    const api = new VcdApi(request);
    await api.logInAsSystemAdministrator();
    await api.clearRegistryRequests();
    const vcdTokens = new Set<string>();
    collectVcdTokens(page, vcdTokens);
    const portal = new Portal(page);

    // The system registry: registry check, then dependency check, on the Airgap tab.
    const plugin = await portal.openAirgapAs('sysadmin');
    vcdTokens.add(await sessionJwt(page));
    const check = plugin.registryCheck();
    await check.setUpAndRun();
    await check.expectAllStepsPassed();
    await plugin.keepOnlyTkr(TKR);
    await page.locator('[data-test="dependencies-check"]').click();
    await expect(page.locator('[data-test="dependencies-progress"]')).toHaveAttribute('data-state', 'done', { timeout: 60_000 });

    // acme's organization check (against the system registry), and its re-run allowed.
    await plugin.openTab('organizations');
    const organizations = plugin.organizations();
    await organizations.ensureTenantAccess();
    await organizations.search('acme');
    await organizations.checkNow('acme');
    if ((await organizations.row('acme').locator('[data-test="cell-recheck"]').innerText()).trim() !== 'Yes') {
      await organizations.rowAction('acme', 'toggle-recheck');
      await expect(organizations.row('acme').locator('[data-test="cell-recheck"]')).toHaveText('Yes');
    }

    // acme's administrator re-runs the dependency check himself.
    await portal.logInAs('acme-admin');
    vcdTokens.add(await sessionJwt(page));
    await portal.openStatusPage();
    await page.locator('[data-test="tenant-rerun"]').click();
    await expect(page.locator('[data-test="tenant-rerun-done"]')).toBeVisible({ timeout: 60_000 });

    const received = await api.registryRequests();
    console.log(`the registry received ${received.length} requests; VCD sessions that called /ext-api: ${vcdTokens.size}`);
    expect(vcdTokens.size).toBeGreaterThanOrEqual(2);
    expect(received.length).toBeGreaterThan(10);
    expect(received.some((entry) => entry.path.startsWith('/api/v2.0/projects/cse/repositories/'))).toBeTruthy();
    for (const { method, path, headers } of received) {
      for (const [name, value] of headers) {
        const where = `${method} ${path}: ${name}`;
        expect(['cookie', 'x-vcloud-authorization', 'x-vmware-vcloud-tenant-context'], where).not.toContain(name.toLowerCase());
        for (const token of vcdTokens) expect(value.includes(token), `${where} carries a VCD session token`).toBeFalsy();
      }
    }
  });
});
