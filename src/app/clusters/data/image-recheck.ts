/*
 * "Check now" for images: look up again just the images a cluster's findings name, at the path
 * CSE would pull them from now. The Clusters view depends on this port only; the adapter over the
 * dependency check's runner lives in runner-image-recheck.ts.
 */
import { InjectionToken } from '@angular/core';
import { Observable } from 'rxjs';
import { ImageRecheckOutcome } from '../domain';

export interface ImageToRecheck {
  /** The source image, as the dependency check lists it (for the record). */
  readonly source?: string;
  /** Where it must be now: host[:port]/path:tag (or @digest). */
  readonly destination: string;
}

export interface ImageRecheck {
  /** One outcome per image, as each answer arrives; completes when done or when `cancel` emits. */
  check(images: readonly ImageToRecheck[], cancel: Observable<unknown>): Observable<ImageRecheckOutcome>;
}

export const IMAGE_RECHECK = new InjectionToken<ImageRecheck>('cse-airgap.clusters.image-recheck');
