/* Page objects for the sandbox portal and the plug-in: methods read as what a user does. */
import { Page, Request, expect } from '@playwright/test';
import { readSandboxInfo } from './sandbox-process';

export type PersonaId = 'sysadmin' | 'cse-viewer' | 'acme-admin' | 'globex-admin' | 'acme-user';

export class Portal {
  readonly info = readSandboxInfo();
  readonly apiRequests: Request[] = [];

  constructor(readonly page: Page) {
    page.on('request', (request) => {
      const { pathname } = new URL(request.url());
      if (pathname.startsWith('/cloudapi/') || pathname.startsWith('/api/')) this.apiRequests.push(request);
    });
  }

  /** `wait`: longer than expect's default where the portal loads on a busy sandbox. */
  async logInAs(persona: PersonaId, lang: 'en' | 'fr' = 'en', wait?: { timeout: number }): Promise<void> {
    // The storage is set on a page of the portal's origin that runs no script (the sandbox's fault
    // list, JSON), so that the portal loads once, already in the chosen language and logged out.
    await this.page.goto(new URL('/sandbox/faults', this.info.portalUrl).toString());
    await this.page.evaluate((chosen) => {
      sessionStorage.clear();
      localStorage.setItem('sandbox.lang', chosen);
    }, lang);
    await this.page.goto(this.info.portalUrl);
    await this.page.locator(`[data-test="persona-${persona}"]`).click(wait);
    await expect(this.page.locator('[data-test="current-user"]')).toBeVisible(wait);
  }

  async switchLanguage(lang: 'en' | 'fr'): Promise<void> {
    // The portal reloads in the new language: wait for that load, not the current one.
    const reloaded = this.page.waitForEvent('load');
    await this.page.locator('[data-test="lang-switch"]').selectOption(lang);
    await reloaded;
    await expect(this.page.locator('[data-test="current-user"]')).toBeVisible();
  }

  async openCseAirgap(): Promise<PluginPage> {
    await this.page.locator('[data-test="nav-cse-airgap"]').click();
    const plugin = new PluginPage(this.page);
    await expect(plugin.tab('registry-settings')).toBeVisible();
    return plugin;
  }

  /** Logs in and opens the plug-in's Airgap tab. */
  async openAirgapAs(persona: PersonaId, lang: 'en' | 'fr' = 'en'): Promise<PluginPage> {
    await this.logInAs(persona, lang);
    const plugin = await this.openCseAirgap();
    await plugin.openTab('airgap');
    return plugin;
  }

  /** Opens the plug-in as a tenant: his organization's Registry status page. */
  async openStatusPage(): Promise<TenantStatusPage> {
    await this.page.locator('[data-test="nav-cse-airgap"]').click();
    const status = new TenantStatusPage(this.page);
    await expect(status.title()).toBeVisible();
    await expect(this.page.locator('[data-test="loading"]')).toHaveCount(0);
    return status;
  }

  portalKind(): Promise<string> {
    return this.page.locator('[data-test="portal-kind"]').innerText();
  }

  async injectFault(fault: { pathPattern: string; status: number; times?: number; method?: string }): Promise<void> {
    const response = await this.page.request.post(new URL('/sandbox/faults', this.info.portalUrl).toString(), { data: fault });
    expect(response.ok()).toBeTruthy();
  }

  async clearFaults(): Promise<void> {
    await this.page.request.delete(new URL('/sandbox/faults', this.info.portalUrl).toString());
  }
}

export class PluginPage {
  constructor(readonly page: Page) {}

  /** In the Dependencies section, ticks the one Kubernetes release `tkr` and unticks every other. */
  async keepOnlyTkr(tkr: string): Promise<void> {
    const tkrs = this.page.locator('[data-test="dependencies-tkrs"] input[type="checkbox"]');
    await expect(tkrs.first()).toBeVisible();
    for (const box of await tkrs.all()) {
      if ((await box.getAttribute('data-test')) === `dependencies-tkr-${tkr}`) await box.check();
      else await box.uncheck();
    }
  }

  tab(name: 'registry-settings' | 'airgap' | 'organizations') {
    return this.page.locator(`[data-test="tab-${name}"]`);
  }

  async openTab(name: 'registry-settings' | 'airgap' | 'organizations'): Promise<void> {
    await this.tab(name).click();
  }

  organizations(): OrganizationsPanel {
    return new OrganizationsPanel(this.page);
  }

  registryUrl() {
    return this.page.locator('[data-test="registry-url"]').first();
  }
  bootstrapCount() {
    return this.page.locator('[data-test="bootstrap-certificates"] [data-test="certificate-count"]');
  }
  nodeCount() {
    return this.page.locator('[data-test="node-certificates"] [data-test="certificate-count"]');
  }
  urlInput() {
    return this.page.locator('[data-test="registry-url-input"]');
  }
  urlError(code: string) {
    return this.page.locator(`[data-test="url-error-${code}"]`);
  }
  urlFix(code: string) {
    return this.page.locator(`[data-test="url-fix-${code}"]`);
  }
  derived() {
    return this.page.locator('[data-test="derived-locations"]');
  }
  saveButton() {
    return this.page.locator('[data-test="save"]');
  }
  saved() {
    return this.page.locator('[data-test="saved"]');
  }
  saveDisabledReason() {
    return this.page.locator('[data-test="save-disabled-reason"]');
  }
  conflict() {
    return this.page.locator('[data-test="conflict"]');
  }
  conflictReapply() {
    return this.page.locator('[data-test="conflict-reapply"]');
  }
  registryCheck(): RegistryCheckPanel {
    return new RegistryCheckPanel(this.page);
  }
  certificates(): CertificatesPanel {
    return new CertificatesPanel(this.page);
  }
  errorAlert() {
    return this.page.locator('[data-test="vcd-error"]');
  }
  readOnlyNote() {
    return this.page.locator('[data-test="read-only-note"]');
  }
  missingConfigWarning() {
    return this.page.locator('[data-test="config-missing"]');
  }
  async retry(): Promise<void> {
    await this.errorAlert().getByRole('button').click();
  }
}

export class RegistryCheckPanel {
  constructor(readonly page: Page) {}

  step(id: 'connection' | 'certificate' | 'registryApi' | 'harbor' | 'project') {
    return this.page.locator(`[data-test="step-${id}"]`);
  }
  chain() {
    return this.page.locator('[data-test="served-chain"]');
  }
  kept() {
    return this.page.locator('[data-test="check-kept"]');
  }
  lastCheck() {
    return this.page.locator('[data-test="last-check"]');
  }

  /** Creates the external endpoint + API filter unless VCD already proxies this registry. */
  async ensureVcdAccess(): Promise<void> {
    const ready = this.page.locator('[data-test="ext-api-ready"]');
    const create = this.page.locator('[data-test="ext-api-create"]');
    await expect(ready.or(create)).toBeVisible();
    if (await create.isVisible()) {
      await expect(this.page.locator('[data-test="ext-api-plan"]')).toContainText('EXT_API');
      await create.click();
    }
    await expect(ready).toBeVisible();
  }

  /** The `/ext-api` prefix VCD serves the registry on, as the ready access path shows it. */
  async extApiPrefix(): Promise<string> {
    const shown = await this.page.locator('[data-test="ext-api-ready"] code').first().innerText();
    const prefix = /^\/ext-api\/([^/]+)\/$/.exec(shown.trim())?.[1];
    if (!prefix) throw new Error(`no /ext-api prefix in "${shown}"`);
    return prefix;
  }

  /** Creates the plug-in's entity type unless it exists. */
  async ensureStorage(): Promise<void> {
    const create = this.page.locator('[data-test="storage-create"]');
    if (await create.isVisible()) {
      await create.click();
      await expect(create).toHaveCount(0);
    }
  }

  /** As a provider sets the registry up once: VCD's access path, the storage, then a check. */
  async setUpAndRun(): Promise<void> {
    await this.ensureVcdAccess();
    await this.ensureStorage();
    await this.run();
  }

  async run(): Promise<void> {
    await this.page.locator('[data-test="run-check"]').click();
    await expect(this.page.locator('[data-test="run-check"]')).toBeEnabled({ timeout: 30_000 });
  }

  async expectAllStepsPassed(): Promise<void> {
    for (const id of ['connection', 'certificate', 'registryApi', 'harbor', 'project'] as const) {
      await expect(this.step(id), id).toHaveAttribute('data-verdict', 'passed');
    }
  }
}

export class CertificatesPanel {
  constructor(readonly page: Page) {}

  async upload(file: string): Promise<void> {
    await this.page.locator('[data-test="certificate-files"]').setInputFiles(file);
  }
  pasteArea() {
    return this.page.locator('[data-test="certificate-paste"]');
  }
  async paste(text: string): Promise<void> {
    await this.pasteArea().fill(text);
    await this.page.locator('[data-test="certificate-paste-read"]').click();
  }
  candidate(role: 'root' | 'intermediate' | 'leaf') {
    return this.page.locator(`[data-test="candidate-${role}"]`);
  }
  proof(target: 'bootstrap' | 'nodes') {
    return this.page.locator(`[data-test="proof-${target}"]`);
  }
  needsCheck() {
    return this.page.locator('[data-test="proof-needs-check"]');
  }
  rejection(code: string) {
    return this.page.locator(`[data-test="rejection-${code}"]`);
  }
  privateKeyRefused() {
    return this.page.locator('[data-test="private-key-refused"]');
  }
  saveButton() {
    return this.page.locator('[data-test="save-certificates"]');
  }
  async save(): Promise<void> {
    await this.saveButton().click();
  }
  saved() {
    return this.page.locator('[data-test="certificates-saved"]');
  }
}

export class OrganizationsPanel {
  constructor(readonly page: Page) {}

  grid() {
    return this.page.locator('[data-test="orgs-grid"]');
  }
  row(org: string) {
    return this.page.locator(`clr-dg-row[data-org="${org}"]`);
  }
  notice() {
    return this.page.locator('[data-test="orgs-notice"]');
  }

  /** Types in the search box and waits for the grid to show the matching organizations only. */
  async search(text: string): Promise<void> {
    await this.page.locator('[data-test="orgs-search"]').fill(text);
    if (text) await expect(this.page.locator('[data-test="orgs-range"]')).toContainText(/of 1 organization|sur 1 organisation/);
    else await expect(this.page.locator('[data-test="orgs-range"]')).not.toContainText(/of 1 organization|sur 1 organisation/);
  }

  /** Gives tenant administrators the View right (bundle + role) unless they have it. */
  async ensureTenantAccess(): Promise<void> {
    const ready = this.page.locator('[data-test="tenant-access-ready"]');
    const review = this.page.locator('[data-test="tenant-access-review"]');
    await expect(ready.or(review)).toBeVisible();
    if (await review.isVisible()) {
      await expect(this.page.locator('[data-test="tenant-access-plan"]')).toContainText('Default Rights Bundle');
      await review.click();
      await this.page.locator('[data-test="tenant-access-apply"]').click();
    }
    await expect(ready).toBeVisible();
  }

  async rowAction(org: string, action: 'assign' | 'check-one' | 'toggle-recheck' | 'remove'): Promise<void> {
    await this.row(org).locator('clr-dg-action-overflow button').first().click();
    await this.page.locator(`[data-test="${action}"]:visible`).click();
  }

  async assign(org: string, base: string): Promise<void> {
    await this.rowAction(org, 'assign');
    await this.page.locator('[data-test="assign-url"]').fill(base);
    // The dialog says how VCD reaches that host (here: already set up by the registry check).
    await expect(this.page.locator('[data-test="assign-modal"] [data-test="ext-api-ready"]')).toContainText('/ext-api/');
    await this.page.locator('[data-test="assign-save"]').click();
    await expect(this.notice()).toContainText(base);
  }

  async checkNow(org: string): Promise<void> {
    await this.rowAction(org, 'check-one');
    await expect(this.page.locator('[data-test="bulk-progress"]')).toHaveAttribute('data-finished', 'true', { timeout: 60_000 });
  }
}

export class TenantStatusPage {
  constructor(readonly page: Page) {}

  title() {
    return this.page.locator('[data-test="tenant-title"]');
  }
  base() {
    return this.page.locator('[data-test="tenant-base"]');
  }
  step(id: 'connection' | 'certificate' | 'registryApi' | 'harbor' | 'project') {
    return this.page.locator(`[data-test="tenant-step-${id}"]`);
  }
  noRight() {
    return this.page.locator('[data-test="tenant-no-right"]');
  }
  notShared() {
    return this.page.locator('[data-test="tenant-not-shared"]');
  }
  providerOnly() {
    return this.page.locator('[data-test="provider-only"]');
  }
  summaryCount(status: string) {
    return this.page.locator(`[data-test="dependencies-summary-${status}"]`);
  }
}
