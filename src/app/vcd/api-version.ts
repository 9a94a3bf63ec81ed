/*
 * API version negotiation: VCD lists the versions it serves at GET /api/versions; the plug-in
 * speaks the highest one that both sides support (39.0 on VCD 10.6).
 */
import { HttpBackend, HttpClient, HttpHeaders } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable, map, shareReplay } from 'rxjs';
import { VCD_SESSION } from './container-hooks';
import { UnsupportedApiVersionError } from './errors';

/** Versions this plug-in is written and tested against, oldest first (VCD 10.4 – 10.6). */
export const SUPPORTED_API_VERSIONS: readonly string[] = ['37.0', '38.0', '38.1', '39.0'];

export interface VersionInfo {
  readonly version: string;
  readonly deprecated?: boolean;
}

function compareVersions(a: string, b: string): number {
  const [aMajor = 0, aMinor = 0] = a.split('.').map(Number);
  const [bMajor = 0, bMinor = 0] = b.split('.').map(Number);
  return aMajor - bMajor || aMinor - bMinor;
}

/** The highest version offered by the server that the plug-in supports, or undefined. */
export function negotiateApiVersion(
  offered: readonly VersionInfo[],
  supported: readonly string[] = SUPPORTED_API_VERSIONS,
): string | undefined {
  return offered
    .map((info) => info.version)
    .filter((version) => supported.includes(version))
    .sort(compareVersions)
    .at(-1);
}

/** Reads the `versionInfo` list of VCD's JSON answer, tolerating missing fields. */
export function parseVersions(body: unknown): VersionInfo[] {
  const list = (body as { versionInfo?: unknown } | null)?.versionInfo;
  if (!Array.isArray(list)) {
    return [];
  }
  return list.flatMap((entry: unknown) => {
    const version = (entry as { version?: unknown } | null)?.version;
    return typeof version === 'string' ? [{ version, deprecated: (entry as { deprecated?: unknown }).deprecated === true }] : [];
  });
}

@Injectable()
export class ApiVersionService {
  // HttpBackend skips the interceptors: the version request must not wait for itself.
  private readonly http = new HttpClient(inject(HttpBackend));
  private readonly session = inject(VCD_SESSION);

  /** Asked once per plug-in load; every API call waits for it. */
  readonly version$: Observable<string> = this.http
    .get<unknown>(`${this.session.apiRootUrl}/api/versions`, {
      headers: new HttpHeaders({ Accept: 'application/*+json' }),
    })
    .pipe(
      map((body) => {
        const offered = parseVersions(body);
        const chosen = negotiateApiVersion(offered);
        if (!chosen) {
          throw new UnsupportedApiVersionError(
            offered.map((info) => info.version),
            SUPPORTED_API_VERSIONS,
          );
        }
        return chosen;
      }),
      shareReplay({ bufferSize: 1, refCount: false }),
    );
}
