/* Log in and out of the sandbox VCD the way the VCD portal does: cloudapi sessions + a JWT. */
import { Persona, SANDBOX_PASSWORD } from './personas';

export const API_VERSION = '39.0';
export type Lang = 'en' | 'fr';
const LANG_KEY = 'sandbox.lang';
const TOKEN_KEY = 'sandbox.vcd.jwt';
const JWT_COOKIE = 'vcloud_jwt';

export interface HostSession {
  readonly user: string;
  readonly org: { readonly name: string; readonly id: string };
  readonly roles: readonly string[];
  readonly provider: boolean;
  /** The session's token (the portal asks which plug-ins this session sees with it). */
  readonly jwt: string;
}

export function currentLang(): Lang {
  return localStorage.getItem(LANG_KEY) === 'fr' ? 'fr' : 'en';
}

export function switchLang(lang: Lang): void {
  localStorage.setItem(LANG_KEY, lang);
  location.reload();
}

function apiHeaders(jwt?: string): Record<string, string> {
  return {
    Accept: `application/json;version=${API_VERSION}`,
    ...(jwt ? { Authorization: `Bearer ${jwt}` } : {}),
  };
}

export async function logIn(persona: Persona): Promise<void> {
  const path = persona.provider ? '/cloudapi/1.0.0/sessions/provider' : '/cloudapi/1.0.0/sessions';
  const response = await fetch(path, {
    method: 'POST',
    headers: { ...apiHeaders(), Authorization: `Basic ${btoa(`${persona.user}@${persona.org}:${SANDBOX_PASSWORD}`)}` },
  });
  const jwt = response.headers.get('X-VMWARE-VCLOUD-ACCESS-TOKEN');
  if (!response.ok || !jwt) {
    throw new Error(`login as ${persona.user}@${persona.org} failed: HTTP ${response.status}`);
  }
  sessionStorage.setItem(TOKEN_KEY, jwt);
  // Like VCD's portal (assumed): the session JWT also lives in the vcloud_jwt cookie, which is what
  // VCD authenticates /ext-ui with. A same-origin XHR would carry it to /ext-api.
  document.cookie = `${JWT_COOKIE}=${jwt}; path=/; SameSite=Strict`;
}

export async function logOut(): Promise<void> {
  const jwt = sessionStorage.getItem(TOKEN_KEY);
  sessionStorage.removeItem(TOKEN_KEY);
  document.cookie = `${JWT_COOKIE}=; path=/; max-age=0; SameSite=Strict`;
  if (jwt) {
    await fetch('/cloudapi/1.0.0/sessions/current', { method: 'DELETE', headers: apiHeaders(jwt) }).catch(() => undefined);
  }
  location.assign('/');
}

/** The session behind the stored token, or null when there is none or it expired. */
export async function restoreSession(): Promise<HostSession | null> {
  const jwt = sessionStorage.getItem(TOKEN_KEY);
  if (!jwt) return null;
  const response = await fetch('/cloudapi/1.0.0/sessions/current', { headers: apiHeaders(jwt) });
  if (!response.ok) {
    sessionStorage.removeItem(TOKEN_KEY);
    return null;
  }
  const body = (await response.json()) as {
    user: { name: string };
    org: { name: string; id: string };
    roles?: string[];
  };
  return { user: body.user.name, org: body.org, roles: body.roles ?? [], provider: body.org.name === 'System', jwt };
}
