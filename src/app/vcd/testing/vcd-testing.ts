/* Test doubles for the host contract: a session, a token holder and the real interceptor chain. */
import { EnvironmentProviders, Provider } from '@angular/core';
import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ApiVersionService } from '../api-version';
import { CloudApiClient } from '../cloudapi-client';
import { SessionRights } from '../session-rights';
import { AUTH_TOKEN_HOLDER, AuthTokenHolder, VCD_SESSION, VcdSession } from '../container-hooks';
import { vcdApiInterceptor } from '../vcd-api.interceptor';
import { vcdTimeoutInterceptor } from '../vcd-timeout.interceptor';

export const PROVIDER_SESSION: VcdSession = {
  apiRootUrl: 'https://vcd.example.com',
  scope: 'service-provider',
  organization: 'System',
  orgId: 'urn:vcloud:org:a93c9db9-7471-3192-8d09-a8f7eeda85f9',
  assetUrl: '/plugins/cse-airgap/assets',
};

export const TENANT_SESSION: VcdSession = { ...PROVIDER_SESSION, scope: 'tenant', organization: 'acme', orgId: 'urn:vcloud:org:acme' };

export function provideVcdTesting(
  session: VcdSession = PROVIDER_SESSION,
  tokens: AuthTokenHolder = { jwt: 'test-jwt' },
): (Provider | EnvironmentProviders)[] {
  return [
    { provide: VCD_SESSION, useValue: session },
    { provide: AUTH_TOKEN_HOLDER, useValue: tokens },
    provideHttpClient(withInterceptors([vcdTimeoutInterceptor, vcdApiInterceptor])),
    provideHttpClientTesting(),
    ApiVersionService,
    CloudApiClient,
    SessionRights,
  ];
}

/** Answers the one version negotiation request the interceptor makes first. */
export function answerVersions(http: HttpTestingController, versions: string[] = ['37.0', '38.0', '39.0']): void {
  http
    .expectOne((request) => request.url.endsWith('/api/versions'))
    .flush({ versionInfo: versions.map((version) => ({ version, deprecated: false })) });
}

/** Answers the session and role-rights requests SessionRights makes, granting `rights`. */
export function answerRights(http: HttpTestingController, rights: string[]): void {
  http
    .expectOne((request) => request.url.endsWith('/cloudapi/1.0.0/sessions/current'))
    .flush({
      id: 's',
      user: { name: 'u', id: 'u' },
      org: { name: 'System', id: 'o' },
      roles: ['r'],
      roleRefs: [{ name: 'r', id: 'urn:vcloud:role:r' }],
    });
  http
    .expectOne((request) => request.url.endsWith('/roles/urn:vcloud:role:r/rights'))
    .flush({ resultTotal: rights.length, pageCount: 1, page: 1, pageSize: 128, values: rights.map((name) => ({ name, id: name })) });
}
