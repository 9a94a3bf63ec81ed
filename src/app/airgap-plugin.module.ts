/*
 * The module VCD loads (manifest.json `module`). The host mounts it at the manifest's route and
 * provides the container hooks; everything else the plug-in needs is provided here.
 */
import { NgModule, inject } from '@angular/core';
import { RouterModule } from '@angular/router';
import { I18nModule, TranslationService } from '@vcd/i18n';
import { providePresenceCheckers } from './dependencies/data/presence-checkers';
import { ExternalEndpointService } from './registry/data/external-endpoint.service';
import { RegistryCheckRunner } from './registry/data/registry-check-runner';
import { RegistryHttp } from './registry/data/registry-http';
import { RegistryCheckState } from './registry/data/registry-check.state';
import { CseConfigRepository } from './shared/cse-config';
import { RegistryStatusRepository } from './shared/status-store/data/registry-status.repository';
import { providePluginLocale } from './shared/i18n/plugin-locale';
import { containerHooks, provideVcdHost } from './vcd';
import { PluginHomeComponent } from './plugin-home.component';
import { OrganizationsService } from './organizations/data/organizations.service';
import { OrgCheckService } from './organizations/data/org-check.service';
import { TenantAccessService } from './organizations/data/tenant-access.service';

@NgModule({
  imports: [
    // Reads `${EXTENSION_ASSET_URL}/../i18n.json`; the locale is the host's LOCALE_ID (see providePluginLocale).
    I18nModule.forChild(containerHooks().EXTENSION_ASSET_URL as never, true),
    RouterModule.forChild([
      { path: '', component: PluginHomeComponent },
      // Bookmarkable: the provider's Organizations tab. A tenant who opens it is told it is not his.
      { path: 'organizations', component: PluginHomeComponent, data: { tab: 'organizations' } },
    ]),
  ],
  providers: [
    providePluginLocale(),
    provideVcdHost(),
    CseConfigRepository,
    RegistryHttp,
    RegistryCheckRunner,
    ExternalEndpointService,
    RegistryStatusRepository,
    RegistryCheckState,
    providePresenceCheckers(),
    OrganizationsService,
    OrgCheckService,
    TenantAccessService,
  ],
})
export class AirgapPluginModule {
  constructor() {
    inject(TranslationService).registerTranslations();
  }
}
