/*
 * "Check now", as data: what re-checking an image or the registry found, and whether a cluster
 * created now would get past the point where this one stopped.
 */

/** One image looked up again at the path CSE would pull it from now. */
export type ImageRecheckOutcome =
  | { readonly status: 'present'; readonly reference: string }
  | { readonly status: 'missing'; readonly reference: string; readonly nearMiss?: string; readonly existingTags?: readonly string[] }
  | { readonly status: 'repositoryMissing'; readonly reference: string }
  | { readonly status: 'notPullable'; readonly reference: string }
  | { readonly status: 'error'; readonly reference: string; readonly failure: string };

/** The registry checked again from VCD, and the node CA list proven against what it served. */
export interface RegistryRecheckOutcome {
  readonly base: string;
  /** VCD reached the registry over TLS (testConnection). */
  readonly reachable: boolean;
  /** The CAs CSE gives the nodes make the served chain trusted; null when no chain came back. */
  readonly trustedByNodes: boolean | null;
  /** The registry's API answered through the plug-in's access path. */
  readonly apiAnswered: boolean;
}

export type RecheckVerdict =
  /** A cluster created now would get past this step. */
  | 'wouldPass'
  /** It would stop here again. */
  | 'stillFailing'
  /** The check itself could not tell (registry down for the plug-in, a timeout…). */
  | 'unknown';

export function imageVerdict(outcome: ImageRecheckOutcome): RecheckVerdict {
  switch (outcome.status) {
    case 'present':
      return 'wouldPass';
    case 'missing':
    case 'repositoryMissing':
    case 'notPullable':
      return 'stillFailing';
    default:
      return 'unknown';
  }
}

export function registryVerdict(outcome: RegistryRecheckOutcome, concern: 'certificate' | 'reach'): RecheckVerdict {
  if (!outcome.reachable) return 'stillFailing';
  if (concern === 'reach') return outcome.apiAnswered ? 'wouldPass' : 'unknown';
  if (outcome.trustedByNodes === null) return 'unknown';
  return outcome.trustedByNodes ? 'wouldPass' : 'stillFailing';
}
