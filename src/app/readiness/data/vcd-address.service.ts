/*
 * The address VCD's public host resolves to, as the VCD cell's own resolver answers it
 * (testConnection's resolvedIp): the CSE docs ask that it lie outside Docker's bridge networks.
 * An IP literal needs no lookup; a failure reads as "unknown", never as an address.
 */
import { Injectable, inject } from '@angular/core';
import { Observable, catchError, map, of } from 'rxjs';
import { CloudApiClient } from '../../vcd';

const LOOKUP_TIMEOUT_SECONDS = 5;

@Injectable()
export class VcdAddressService {
  private readonly cloudApi = inject(CloudApiClient);

  resolve(publicUrl: string | undefined): Observable<string | undefined> {
    let url: URL;
    try {
      url = new URL(publicUrl ?? '');
    } catch {
      return of(undefined);
    }
    const host = url.hostname.replace(/^\[|\]$/g, '');
    if (/^[0-9.]+$/.test(host) || host.includes(':')) return of(host);
    const port = url.port ? Number(url.port) : url.protocol === 'http:' ? 80 : 443;
    return this.cloudApi
      .testConnection({
        host,
        port,
        secure: url.protocol === 'https:',
        timeout: LOOKUP_TIMEOUT_SECONDS,
        hostnameVerificationAlgorithm: 'HTTPS',
      })
      .pipe(
        map((result) => result.targetProbe.resolvedIp ?? undefined),
        catchError(() => of(undefined)),
      );
  }
}
