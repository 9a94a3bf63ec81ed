/*
 * Which organizations have a private registry on one origin: what a removal of VCD's access to
 * that origin breaks, said before it happens. Reads the plug-in's status entities, filtered by
 * VCD on the base's host (`entity.registryBase==<host>*`) and then by exact origin here, a few
 * pages at most.
 */
import { Injectable, inject } from '@angular/core';
import { Observable, catchError, defer, firstValueFrom, of } from 'rxjs';
import { CloudApiClient, MAX_PAGE_SIZE } from '../../vcd';
import { RegistryStatus, STATUS_TYPE_REF } from '../../shared/status-store/domain';
import { canonicalOrigin } from '../domain/endpoint-naming';
import { ExternalEndpointPlan } from '../domain/endpoint-plan';
import { validateRegistryUrl } from '../domain/registry-url';

export interface HostUsage {
  /** Organization names, sorted; undefined when VCD could not tell (no storage yet, no right). */
  readonly orgNames?: readonly string[];
  /** More entities matched than were read. */
  readonly isTruncated: boolean;
}

export const HOST_USAGE_MAX_PAGES = 4;

@Injectable()
export class HostUsers {
  private readonly cloudApi = inject(CloudApiClient);

  organizationsUsing(plan: ExternalEndpointPlan): Observable<HostUsage> {
    return defer(() => this.read(plan)).pipe(catchError(() => of<HostUsage>({ isTruncated: false })));
  }

  private async read(plan: ExternalEndpointPlan): Promise<HostUsage> {
    const hostname = plan.origin.slice(0, plan.origin.lastIndexOf(':'));
    const names = new Set<string>();
    let isTruncated = false;
    for (let page = 1; page <= HOST_USAGE_MAX_PAGES; page++) {
      const result = await firstValueFrom(
        this.cloudApi.listEntitiesByType<RegistryStatus>(STATUS_TYPE_REF, {
          filter: `entity.registryBase==${hostname}*`,
          page,
          pageSize: MAX_PAGE_SIZE,
        }),
      );
      for (const { entity } of result.values) {
        if (entity.scope === 'organization' && entity.registryBase && originOf(entity.registryBase) === plan.origin) {
          names.add(entity.orgName ?? entity.orgId ?? '');
        }
      }
      if (result.page >= result.pageCount) break;
      isTruncated = page === HOST_USAGE_MAX_PAGES;
    }
    return { orgNames: [...names].sort(), isTruncated };
  }
}

function originOf(base: string): string | undefined {
  const validation = validateRegistryUrl(base);
  return validation.valid ? canonicalOrigin(validation.parsed.host, validation.parsed.port) : undefined;
}
