/* One airgap finding on a cluster: what kind, the evidence, and what the plug-in can check or fix. */
import { EntryPlace } from './cluster-record';
import { ImageTarget } from './image-target';
import { PullCause } from './text-evidence';

export const FINDING_KINDS = [
  'imageMissing',
  'untrustedCertificate',
  'registryUnreachable',
  'vcdUnreachable',
  'proxy',
  'other',
  'unreadable',
] as const;
export type FindingKind = (typeof FINDING_KINDS)[number];

/** More precise than the kind: the message key of the finding's explanation. */
export type FindingReason =
  | PullCause
  /** CAPVCD's `time for postcustomization status [...] exceeded timeout`. */
  | 'phaseTimeout'
  /** CAPVCD's `script failed with status [n]` with no pattern we know in the reason. */
  | 'scriptFailed'
  /** A known CAPVCD name, nothing we recognise in its text. */
  | 'knownName'
  /** A name no public source lists: shown verbatim. */
  | 'unknownName'
  /** An entry that is not an object: its raw text is shown. */
  | 'unreadable';

/** What the plug-in can run again to see whether a new cluster would get past this point. */
export type FindingCheck = 'image' | 'registry';

/** Where the fix lives: the image's row in the dependency check, the CA lists, the registry check, the readiness line. */
export type FindingFix = 'dependencies' | 'certificates' | 'registryCheck' | 'publicEndpoint' | 'proxy';

/** The entry a finding came from (its name verbatim, its time). */
export interface FindingEntry extends EntryPlace {
  readonly name: string;
  readonly occurredAt?: string;
  readonly vcdResourceName?: string;
}

export interface Finding {
  readonly kind: FindingKind;
  readonly reason: FindingReason;
  readonly image?: ImageTarget;
  /** The host the failure was for: the registry's, VCD's, or the proxy's. */
  readonly host?: string;
  readonly entry: FindingEntry;
  /** The entry's text (or the raw value of an unreadable entry), capped; shown escaped. */
  readonly text?: string;
  readonly textTruncated?: boolean;
  /** The same finding recorded again (CAPVCD retries and records each attempt). */
  readonly occurrences: number;
  readonly lastAt?: string;
  /** The phase that timed out, for 'phaseTimeout'; the i18n key suffix of a known name, for 'knownName'. */
  readonly detailKey?: string;
  readonly check?: FindingCheck;
  readonly fix?: FindingFix;
}

/** What the classifier knows besides the entity. */
export interface ClassifyContext {
  /** containerRegistryUrl in force now: expected image paths are computed under it. */
  readonly currentBase?: string;
  /** The host of VCD's public API, when known (else the cluster's own site is used). */
  readonly vcdHost?: string;
}
