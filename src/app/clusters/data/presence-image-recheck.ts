/*
 * The ImageRecheck port over the dependency check's presence checkers (OCI distribution or Harbor
 * REST, the strategy the registry check chose). All of the wiring sits in this one file so it can
 * be pointed at another runner without touching the Clusters view.
 */
import { Injectable, Provider, inject } from '@angular/core';
import { EMPTY, Observable, catchError, filter, from, map, mergeMap, of, switchMap, takeUntil } from 'rxjs';
import { chooseStrategy, PresenceCheckers, CheckEvent, ImageToCheck, PresenceResult } from '../../dependencies';
import { parseImageReference } from '../../dependencies/domain';
import { accessBaseUrl } from '../../registry/domain';
import { VCD_SESSION } from '../../vcd';
import { ImageRecheckOutcome } from '../domain';
import { IMAGE_RECHECK, ImageRecheck, ImageToRecheck } from './image-recheck';
import { RegistryReachService, authorityOf } from './registry-reach';

function outcomeOf(result: PresenceResult, reference: string): ImageRecheckOutcome {
  switch (result.status) {
    case 'present':
      return { status: 'present', reference };
    case 'missing':
      return {
        status: 'missing',
        reference,
        ...(result.nearMiss ? { nearMiss: result.nearMiss } : {}),
        ...(result.existingTags ? { existingTags: result.existingTags.slice(0, 20) } : {}),
      };
    case 'repositoryMissing':
      return { status: 'repositoryMissing', reference };
    case 'notPullableAnonymously':
      return { status: 'notPullable', reference };
    default:
      return { status: 'error', reference, failure: result.failure.kind };
  }
}

@Injectable()
export class PresenceImageRecheck implements ImageRecheck {
  private readonly checkers = inject(PresenceCheckers);
  private readonly reach = inject(RegistryReachService);
  private readonly apiRootUrl = inject(VCD_SESSION).apiRootUrl;

  check(images: readonly ImageToRecheck[], cancel: Observable<unknown>): Observable<ImageRecheckOutcome> {
    const byAuthority = new Map<string, { image: ImageToCheck; reference: string }[]>();
    const referenceById = new Map<string, string>();
    const invalid: ImageRecheckOutcome[] = [];
    images.forEach((wanted, index) => {
      const parsed = parseImageReference(wanted.destination);
      if (!parsed.ok) {
        invalid.push({ status: 'error', reference: wanted.destination, failure: 'invalidReference' });
        return;
      }
      const { registry, repository, tag, digest } = parsed.image;
      const group = byAuthority.get(registry) ?? [];
      group.push({ image: { id: String(index), repository, reference: digest ?? tag ?? '' }, reference: wanted.destination });
      referenceById.set(String(index), wanted.destination);
      byAuthority.set(registry, group);
    });
    const checks = from([...byAuthority.entries()]).pipe(
      mergeMap(([authority, group]) =>
        this.reach.reach(authorityOf(authority)).pipe(
          switchMap((reach) => {
            const checker = this.checkers.forStrategy(chooseStrategy({ harbor: reach.harbor, access: reach.path.kind }));
            const project = group[0]?.image.repository.split('/')[0] ?? '';
            return checker.check(
              group.map((item) => item.image),
              { access: { baseUrl: accessBaseUrl(reach.path, this.apiRootUrl), project }, cancel },
            );
          }),
          filter((event): event is Extract<CheckEvent, { type: 'result' }> => event.type === 'result'),
          map((event) => outcomeOf(event.result, referenceById.get(event.result.image.id) ?? '')),
          catchError(() =>
            from(group.map((item): ImageRecheckOutcome => ({ status: 'error', reference: item.reference, failure: 'unreachable' }))),
          ),
        ),
      ),
    );
    return from([of(...invalid), checks]).pipe(
      mergeMap((stream) => stream),
      takeUntil(cancel),
      catchError(() => EMPTY),
    );
  }
}

export function provideImageRecheck(): Provider[] {
  return [RegistryReachService, PresenceImageRecheck, { provide: IMAGE_RECHECK, useExisting: PresenceImageRecheck }];
}
