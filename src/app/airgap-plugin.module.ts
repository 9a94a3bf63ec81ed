/*
 * The module VCD loads (manifest.json `module`). The host mounts it at the manifest's route and
 * provides the container hooks; everything else the plug-in needs is provided here.
 */
import { NgModule, inject } from '@angular/core';
import { RouterModule } from '@angular/router';
import { SourceRegistrySetting, provideDependencyChecks } from './dependencies';
import { ExternalEndpointService, HostUsers, RegistryCheckRunner, RegistryHttp, RestartMarkService } from './registry';
import { CseConfigRepository } from './shared/cse-config';
import { BrowserSettingsStore } from './shared/browser-settings';
import { RegistryStatusRepository } from './shared/status-store';
import { TranslationService, providePluginLocale, provideTranslations } from './shared/i18n';
import { containerHooks, provideVcdHost } from './vcd';
import { PluginHomeComponent } from './plugin-home.component';
import { OrganizationsService, OrgCheckService, TenantAccessService } from './organizations';
import { provideClusters } from './clusters';
import { RegistryCheckState } from './shared/session-state';

@NgModule({
  imports: [
    RouterModule.forChild([
      { path: '', component: PluginHomeComponent },
      // Bookmarkable: the provider's Organizations tab. A tenant who opens it is told it is not his.
      { path: 'organizations', component: PluginHomeComponent, data: { tab: 'organizations' } },
      { path: 'clusters', component: PluginHomeComponent, data: { tab: 'clusters' } },
    ]),
  ],
  providers: [
    providePluginLocale(),
    // Reads `${EXTENSION_ASSET_URL}/../i18n.json`; the locale is the host's LOCALE_ID (see providePluginLocale).
    provideTranslations(containerHooks().EXTENSION_ASSET_URL),
    provideVcdHost(),
    CseConfigRepository,
    RegistryHttp,
    RegistryCheckRunner,
    ExternalEndpointService,
    HostUsers,
    RegistryStatusRepository,
    BrowserSettingsStore,
    RestartMarkService,
    SourceRegistrySetting,
    RegistryCheckState,
    provideDependencyChecks(),
    OrganizationsService,
    OrgCheckService,
    TenantAccessService,
    provideClusters(),
  ],
})
export class AirgapPluginModule {
  constructor() {
    inject(TranslationService).registerTranslations();
  }
}
