import { InjectionToken } from '@angular/core';
import { ServedPlugin } from './plugins';
import { HostSession, Lang } from './session';

export interface HostContext {
  readonly session: HostSession;
  readonly lang: Lang;
  readonly plugins: readonly ServedPlugin[];
  /** '/provider' or '/tenant/<org>', like VCD's portal URLs. */
  readonly base: string;
}

export const HOST_CONTEXT = new InjectionToken<HostContext>('sandbox.host-context');
