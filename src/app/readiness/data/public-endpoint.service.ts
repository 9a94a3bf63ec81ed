/*
 * VCD's public REST API address (Administration → Settings → Public Addresses), which the
 * Bootstrap VM and the cluster components (CAPVCD, CPI, CSI) call back. VCD exposes it to a
 * system administrator only, in the general system settings of its legacy API:
 * GET /api/admin/extension/settings/general → GeneralSettings.restApiBaseUri (API 39.0 included).
 * A tenant, or a provider without that right, cannot read it: the line becomes a manual check.
 */
import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable, catchError, map, of } from 'rxjs';
import type { PublicEndpointFacts } from '../../shared/status-store/domain';
import { VCD_SESSION } from '../../vcd';

/** The part of VCD's GeneralSettings (application/vnd.vmware.admin.generalSettings+json) read here. */
export interface GeneralSettingsAddresses {
  readonly restApiBaseUri?: string | null;
  readonly restApiBaseHttpUri?: string | null;
  readonly tenantPortalExternalAddress?: string | null;
}

export const GENERAL_SETTINGS_PATH = '/api/admin/extension/settings/general';

@Injectable()
export class PublicEndpointService {
  private readonly http = inject(HttpClient);
  private readonly session = inject(VCD_SESSION);

  /** Never fails: whatever keeps the address from us makes it 'unreadable'. */
  read(now: () => Date = () => new Date()): Observable<PublicEndpointFacts> {
    const unreadable = (): PublicEndpointFacts => ({ checkedAt: now().toISOString(), state: 'unreadable' });
    // The settings are provider-only: a tenant's request would only earn a 403.
    if (this.session.scope === 'tenant') return of(unreadable());
    return this.http.get<GeneralSettingsAddresses>(`${this.session.apiRootUrl}${GENERAL_SETTINGS_PATH}`).pipe(
      map((settings): PublicEndpointFacts => publicEndpointFacts(settings, now())),
      catchError(() => of(unreadable())),
    );
  }
}

/** 'configured' with the public REST API address (https) when one is set, else 'missing'. */
export function publicEndpointFacts(settings: GeneralSettingsAddresses | null, now: Date): PublicEndpointFacts {
  const url = settings?.restApiBaseUri?.trim();
  return url ? { checkedAt: now.toISOString(), state: 'configured', url } : { checkedAt: now.toISOString(), state: 'missing' };
}
