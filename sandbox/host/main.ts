/*
 * The sandbox portal: an Angular 17.1.2 JIT host that loads plug-ins like VCD 10.6 does.
 * Order matters: zone.js and the JIT compiler first, then the shared modules go into SystemJS,
 * then the portal boots; plug-in bundles are only imported when their route is opened.
 */
import 'zone.js';
import '@angular/compiler';
import { registerLocaleData } from '@angular/common';
import { provideHttpClient } from '@angular/common/http';
import localeFr from '@angular/common/locales/fr';
import { LOCALE_ID } from '@angular/core';
import { bootstrapApplication } from '@angular/platform-browser';
import { provideAnimations } from '@angular/platform-browser/animations';
import { Routes, provideRouter } from '@angular/router';
import { HOST_CONTEXT, HostContext } from './host-context';
import { LoginComponent } from './login.component';
import { listPlugins, pluginRoute } from './plugins';
import { HomeComponent, PortalComponent } from './portal.component';
import { currentLang, restoreSession } from './session';
import { registerHostModules } from './system-registry';
import { API_ROOT_URL, SESSION_ORG_ID, SESSION_ORGANIZATION, SESSION_SCOPE } from './vcd-common';

async function boot(): Promise<void> {
  registerHostModules();
  registerLocaleData(localeFr);
  const lang = currentLang();
  // Like VCD, hand plug-ins a full locale with a region: they must cope with 'fr-FR'.
  const localeId = lang === 'fr' ? 'fr-FR' : 'en-US';
  document.documentElement.lang = lang;
  const session = await restoreSession();
  if (!session) {
    await bootstrapApplication(LoginComponent, { providers: [{ provide: LOCALE_ID, useValue: localeId }] });
    return;
  }
  const base = session.provider ? 'provider' : `tenant/${session.org.name}`;
  const scope = session.provider ? 'service-provider' : 'tenant';
  const plugins = (await listPlugins(session.jwt)).filter((plugin) => plugin.manifest.scope.includes(scope));
  const context: HostContext = { session, lang, plugins, base: `/${base}` };
  const routes: Routes = [
    ...plugins.filter((plugin) => !plugin.error).map((plugin) => pluginRoute(base, plugin)),
    { path: base, component: HomeComponent },
    { path: '**', redirectTo: base },
  ];
  await bootstrapApplication(PortalComponent, {
    providers: [
      provideRouter(routes),
      provideHttpClient(),
      provideAnimations(),
      { provide: LOCALE_ID, useValue: localeId },
      { provide: HOST_CONTEXT, useValue: context },
      { provide: API_ROOT_URL, useValue: '' },
      { provide: SESSION_SCOPE, useValue: scope },
      { provide: SESSION_ORGANIZATION, useValue: session.org.name },
      { provide: SESSION_ORG_ID, useValue: session.org.id },
    ],
  });
}

boot().catch((error: unknown) => {
  document.body.textContent = `The sandbox portal failed to start: ${String(error)}`;
  console.error(error);
});
