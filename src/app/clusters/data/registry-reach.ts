/*
 * How the page reaches a registry's HTTP API for a re-check: the registry check this page ran,
 * else the one VCD keeps (system status entity), else VCD's /ext-api with the plug-in's prefix for
 * that host. Whether it is Harbor decides the presence strategy; when nothing says, one ping asks.
 */
import { Injectable, inject } from '@angular/core';
import { Observable, catchError, map, of, switchMap } from 'rxjs';
import { RegistryHttp, ExternalEndpointService } from '../../registry';
import { AccessPath, externalEndpointPlan, judgeHarbor } from '../../registry/domain';
import { RegistryStatusRepository } from '../../shared/status-store';
import { SYSTEM_STATUS_NAME } from '../../shared/status-store/domain';
import { RegistryCheckState } from '../../shared/session-state';

export interface RegistryReach {
  readonly path: AccessPath;
  readonly harbor: boolean;
}

/** host[:port] of a base (host[:port][/path]). */
export function authorityOf(base: string): string {
  return base.split('/')[0] ?? base;
}

function splitAuthority(authority: string): { host: string; port?: number } {
  const match = /^(\[[^\]]+\]|[^:]+)(?::(\d{1,5}))?$/.exec(authority);
  if (!match?.[1]) return { host: authority };
  return { host: match[1], ...(match[2] ? { port: Number(match[2]) } : {}) };
}

@Injectable()
export class RegistryReachService {
  private readonly checkState = inject(RegistryCheckState);
  private readonly statusStore = inject(RegistryStatusRepository);
  private readonly registryHttp = inject(RegistryHttp);
  private readonly endpoints = inject(ExternalEndpointService);

  /** How to reach the registry that serves `base` (host[:port][/path]). */
  reach(base: string): Observable<RegistryReach> {
    const authority = authorityOf(base);
    const live = this.checkState.record();
    const reach = this.checkState.reach();
    if (reach && live && authorityOf(live.base) === authority) return of(reach);
    return this.statusStore.find(SYSTEM_STATUS_NAME).pipe(
      catchError(() => of(undefined)),
      switchMap((found) => {
        const stored = found?.entity.entity;
        const check = stored?.lastRegistryCheck;
        if (stored?.accessPath && check && authorityOf(check.base) === authority) {
          return of({ path: stored.accessPath, harbor: check.harborVersion !== undefined });
        }
        const { host, port } = splitAuthority(authority);
        return this.endpoints.accessPathFor(externalEndpointPlan(host.replace(/^\[|\]$/g, ''), port)).pipe(
          switchMap((path: AccessPath) =>
            this.registryHttp.get(path, '/api/v2.0/ping').pipe(
              map((answer): RegistryReach => ({ path, harbor: judgeHarbor({ ...answer }, undefined).verdict === 'passed' })),
              catchError(() => of<RegistryReach>({ path, harbor: false })),
            ),
          ),
        );
      }),
    );
  }
}

export { splitAuthority };
