/* The container hooks module ('@vcd/common') as the sandbox host provides it to plug-ins. */
import { Injectable, InjectionToken } from '@angular/core';

export const API_ROOT_URL = new InjectionToken<string>('API_ROOT_URL');
export const SESSION_SCOPE = new InjectionToken<string>('SESSION_SCOPE');
export const SESSION_ORGANIZATION = new InjectionToken<string>('SESSION_ORGANIZATION');
export const SESSION_ORG_ID = new InjectionToken<string>('SESSION_ORG_ID');
export const EXTENSION_ASSET_URL = new InjectionToken<string>('EXTENSION_ASSET_URL');
export const EXTENSION_ROUTE = new InjectionToken<string>('EXTENSION_ROUTE');
export const FLEX_APP_URL = new InjectionToken<string>('FLEX_APP_URL');
export const SDK_MODE = new InjectionToken<string>('SDK_MODE');

const TOKEN_KEY = 'sandbox.vcd.jwt';

/** Like VCD's: the current session's JWT, read on every call (the portal renews it). */
@Injectable({ providedIn: 'root' })
export class AuthTokenHolderService {
  get jwt(): string | null {
    return sessionStorage.getItem(TOKEN_KEY);
  }
  /** VCD's legacy x-vcloud-authorization token; the sandbox only issues JWTs. */
  get token(): string | null {
    return null;
  }
  set(jwt: string | null): void {
    if (jwt) sessionStorage.setItem(TOKEN_KEY, jwt);
    else sessionStorage.removeItem(TOKEN_KEY);
  }
}

export const vcdCommonNamespace = {
  API_ROOT_URL,
  SESSION_SCOPE,
  SESSION_ORGANIZATION,
  SESSION_ORG_ID,
  EXTENSION_ASSET_URL,
  EXTENSION_ROUTE,
  FLEX_APP_URL,
  SDK_MODE,
  AuthTokenHolderService,
};
