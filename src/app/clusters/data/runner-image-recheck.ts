/*
 * The ImageRecheck port over the dependency check's own runner (dependencies/index.ts): the same
 * strategy choice, presence checkers and row results as the Airgap tab, the organizations' checks
 * and the tenant's re-run. This file only says which registry each image is in, how the page
 * reaches it, and reads the rows back as outcomes. A re-check of a few images is not a whole
 * check: it keeps nothing, so the stored dependency check result stays as it was.
 */
import { Injectable, Provider, inject } from '@angular/core';
import { EMPTY, Observable, catchError, filter, from, mergeMap, of, switchMap, takeUntil } from 'rxjs';
import { DependencyCheckRunner, DependencyCheckUpdate } from '../../dependencies';
import { ResultRow, parseImageReference } from '../../dependencies/domain';
import { ImageRecheckOutcome } from '../domain';
import { IMAGE_RECHECK, ImageRecheck, ImageToRecheck } from './image-recheck';
import { RegistryReachService, authorityOf } from './registry-reach';

/** What a row the runner answered says about its image; nothing for a row left unanswered by a cancel. */
function outcomeOf(row: ResultRow, ending: DependencyCheckUpdate['ending']): ImageRecheckOutcome | undefined {
  const reference = row.destination;
  const params = row.detail?.params ?? {};
  switch (row.status) {
    case 'present':
      return { status: 'present', reference };
    case 'missing':
      return {
        status: 'missing',
        reference,
        ...(row.detail?.code === 'nearMiss' ? { nearMiss: String(params['tag']) } : {}),
        ...(row.detail?.code === 'existingTags' ? { existingTags: String(params['tags']).split(', ') } : {}),
      };
    case 'repositoryMissing':
      return { status: 'repositoryMissing', reference };
    case 'notPullableAnonymously':
      return { status: 'notPullable', reference };
    case 'error':
      return { status: 'error', reference, failure: row.detail?.code ?? 'unknown' };
    default:
      // Still pending when the check ended: cancelled (nothing to say) or given up (the registry did not answer).
      return ending === 'cancelled' ? undefined : { status: 'error', reference, failure: 'unreachable' };
  }
}

@Injectable()
export class RunnerImageRecheck implements ImageRecheck {
  private readonly runner = inject(DependencyCheckRunner);
  private readonly reach = inject(RegistryReachService);

  check(images: readonly ImageToRecheck[], cancel: Observable<unknown>): Observable<ImageRecheckOutcome> {
    // One run per registry; its Harbor project is the first repository's first segment, as the checkers read it.
    const byAuthority = new Map<string, { readonly project: string; readonly rows: ResultRow[] }>();
    const invalid: ImageRecheckOutcome[] = [];
    images.forEach((wanted, index) => {
      const parsed = parseImageReference(wanted.destination);
      if (!parsed.ok) {
        invalid.push({ status: 'error', reference: wanted.destination, failure: 'invalidReference' });
        return;
      }
      const { registry, repository } = parsed.image;
      const group = byAuthority.get(registry) ?? { project: repository.split('/')[0] ?? '', rows: [] };
      group.rows.push({
        id: `c${index}`,
        status: 'pending',
        source: wanted.source ?? wanted.destination,
        destination: wanted.destination,
        // Only the Airgap tab's bars read the group; nothing of a re-check is kept or drawn as bars.
        group: 'other',
      });
      byAuthority.set(registry, group);
    });
    const checks = from([...byAuthority.entries()]).pipe(
      mergeMap(([authority, { project, rows }]) =>
        this.reach.reach(authorityOf(authority)).pipe(
          switchMap((reach) =>
            this.runner.run({
              rows,
              registry: { value: authority, project },
              access: reach.path,
              harbor: reach.harbor,
              context: { tkrs: [] },
              cancel,
              keep: { kind: 'nothing' },
            }),
          ),
          filter((update) => update.ending !== undefined),
          mergeMap((update) => update.rows.flatMap((row) => outcomeOf(row, update.ending) ?? [])),
          catchError(() =>
            from(rows.map((row): ImageRecheckOutcome => ({ status: 'error', reference: row.destination, failure: 'unreachable' }))),
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
  return [RegistryReachService, RunnerImageRecheck, { provide: IMAGE_RECHECK, useExisting: RunnerImageRecheck }];
}
