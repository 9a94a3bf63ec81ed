/*
 * The container hooks VCD's plug-in runtime exposes through SystemJS as '@vcd/common'
 * (older hosts: '@vcd-ui/common'). @vcd/sdk reads them the same way; we keep its names.
 */
import { InjectionToken, ProviderToken } from '@angular/core';

/** What the host's AuthTokenHolderService offers: a JWT (bearer) and/or a legacy session token. */
export interface AuthTokenHolder {
  readonly jwt?: string | null;
  readonly token?: string | null;
}

export type SessionScope = 'service-provider' | 'tenant';

export interface VcdCommonModule {
  readonly API_ROOT_URL: ProviderToken<string>;
  readonly SESSION_SCOPE: ProviderToken<SessionScope>;
  readonly SESSION_ORGANIZATION: ProviderToken<string>;
  readonly SESSION_ORG_ID: ProviderToken<string>;
  readonly EXTENSION_ASSET_URL: ProviderToken<string>;
  readonly EXTENSION_ROUTE: ProviderToken<string>;
  readonly AuthTokenHolderService: ProviderToken<AuthTokenHolder>;
}

interface SystemJsLike {
  readonly registry: { get(name: string): unknown };
}

const MODULE_NAMES = ['@vcd/common', '@vcd-ui/common'] as const;
const REQUIRED: readonly (keyof VcdCommonModule)[] = [
  'API_ROOT_URL',
  'SESSION_SCOPE',
  'SESSION_ORGANIZATION',
  'SESSION_ORG_ID',
  'EXTENSION_ASSET_URL',
  'EXTENSION_ROUTE',
  'AuthTokenHolderService',
];

/** Thrown when the page that loaded the plug-in is not a VCD portal (or a host that mimics one). */
export class MissingContainerHooksError extends Error {
  constructor(readonly missing: readonly string[]) {
    super(`The VCD container hooks are missing: ${missing.join(', ')}`);
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** Finds the hooks module in a SystemJS registry; pure apart from reading the registry. */
export function readContainerHooks(system: SystemJsLike | undefined): VcdCommonModule {
  if (!system) {
    throw new MissingContainerHooksError(['System']);
  }
  for (const name of MODULE_NAMES) {
    const candidate = system.registry.get(name);
    if (isRecord(candidate)) {
      const missing = REQUIRED.filter((key) => candidate[key] === undefined);
      if (missing.length > 0) {
        throw new MissingContainerHooksError(missing.map((key) => `${name}.${key}`));
      }
      return candidate as unknown as VcdCommonModule;
    }
  }
  throw new MissingContainerHooksError([...MODULE_NAMES]);
}

let cached: VcdCommonModule | undefined;

/** The hooks of the page this bundle runs in, read once. */
export function containerHooks(): VcdCommonModule {
  cached ??= readContainerHooks((globalThis as { System?: SystemJsLike }).System);
  return cached;
}

/**
 * The plug-in's own provider for the hooks, so components inject one typed object instead of
 * seven host tokens (and specs provide one value instead of seven).
 */
export interface VcdSession {
  readonly apiRootUrl: string;
  readonly scope: SessionScope;
  readonly organization: string;
  readonly orgId: string;
  readonly assetUrl: string;
}

export const VCD_SESSION = new InjectionToken<VcdSession>('cse-airgap.vcd-session');
export const AUTH_TOKEN_HOLDER = new InjectionToken<AuthTokenHolder>('cse-airgap.auth-token-holder');
