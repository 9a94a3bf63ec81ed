/*
 * "Check now" for one finding, with the configuration in force now: the image it names at the
 * path CSE would pull it from, or the registry it could not reach or trust. Says whether a
 * cluster created now would get past that point.
 */
import { Injectable, inject } from '@angular/core';
import { Observable, catchError, concat, map, of, toArray } from 'rxjs';
import { RegistrySettings } from '../../shared/cse-config';
import { Finding, ImageRecheckOutcome, RecheckVerdict, RegistryRecheckOutcome, imageVerdict, registryVerdict } from '../domain';
import { IMAGE_RECHECK } from './image-recheck';
import { RegistryRecheck } from './registry-recheck';

export type FindingCheckState =
  | { readonly status: 'running' }
  | {
      readonly status: 'done';
      readonly verdict: RecheckVerdict;
      readonly image?: ImageRecheckOutcome;
      readonly registry?: RegistryRecheckOutcome;
    }
  /** The check itself failed (VCD refused, the page lost its session…). */
  | { readonly status: 'failed' };

@Injectable()
export class ClusterChecks {
  private readonly images = inject(IMAGE_RECHECK);
  private readonly registry = inject(RegistryRecheck);

  /** Emits 'running', then the outcome; nothing for a finding the plug-in cannot check. */
  checkFinding(finding: Finding, settings: RegistrySettings, cancel: Observable<unknown>): Observable<FindingCheckState> {
    const running = of<FindingCheckState>({ status: 'running' });
    if (finding.check === 'image' && finding.image) {
      const destination = finding.image.expected ?? finding.image.failing;
      return concat(
        running,
        this.images.check([{ destination, ...(finding.image.source ? { source: finding.image.source } : {}) }], cancel).pipe(
          toArray(),
          map((outcomes): FindingCheckState => {
            const outcome = outcomes.find((candidate) => candidate.reference === destination) ?? outcomes[0];
            return outcome ? { status: 'done', verdict: imageVerdict(outcome), image: outcome } : { status: 'failed' };
          }),
          catchError(() => of<FindingCheckState>({ status: 'failed' })),
        ),
      );
    }
    if (finding.check === 'registry') {
      const concern = finding.kind === 'untrustedCertificate' ? 'certificate' : 'reach';
      return concat(
        running,
        this.registry.check(settings.containerRegistryUrl, settings.nodeCertificates, cancel).pipe(
          map((outcome): FindingCheckState => ({ status: 'done', verdict: registryVerdict(outcome, concern), registry: outcome })),
          catchError(() => of<FindingCheckState>({ status: 'failed' })),
        ),
      );
    }
    return of();
  }
}
