/* Everything the plug-in module provides to talk to its VCD host. */
import { EnvironmentProviders, Provider, inject } from '@angular/core';
import { HttpBackend, provideHttpClient, withInterceptors } from '@angular/common/http';
import { ApiVersionService } from './api-version';
import { CloudApiClient } from './cloudapi-client';
import { SessionRights } from './session-rights';
import { AUTH_TOKEN_HOLDER, VCD_SESSION, VcdSession, containerHooks } from './container-hooks';
import { VcdHttpBackend } from './ext-api-backend';
import { vcdApiInterceptor } from './vcd-api.interceptor';
import { vcdTimeoutInterceptor } from './vcd-timeout.interceptor';

function sessionFromHooks(): VcdSession {
  const hooks = containerHooks();
  return {
    apiRootUrl: (inject(hooks.API_ROOT_URL, { optional: true }) ?? '').replace(/\/+$/, ''),
    scope: inject(hooks.SESSION_SCOPE),
    organization: inject(hooks.SESSION_ORGANIZATION),
    orgId: inject(hooks.SESSION_ORG_ID),
    assetUrl: inject(hooks.EXTENSION_ASSET_URL),
  };
}

export function provideVcdHost(): (Provider | EnvironmentProviders)[] {
  return [
    { provide: VCD_SESSION, useFactory: sessionFromHooks },
    { provide: AUTH_TOKEN_HOLDER, useFactory: () => inject(containerHooks().AuthTokenHolderService) },
    provideHttpClient(withInterceptors([vcdTimeoutInterceptor, vcdApiInterceptor])),
    // After provideHttpClient, so that it replaces the XHR backend: /ext-api requests leave without cookies.
    { provide: HttpBackend, useClass: VcdHttpBackend },
    ApiVersionService,
    CloudApiClient,
    SessionRights,
  ];
}
