/*
 * What the plug-in keeps of one cluster entity (`vmware:capvcdCluster`): named, public fields and
 * the status entries, each capped. This is the only shape that leaves the data layer — secrets of
 * the entity (status.capvcd.private, spec.vcdKe.secure) have no field here, on purpose.
 * docs/domain.md#clusters says where each field comes from.
 */

/** The status sections whose errorSet/eventSet share CAPVCD's entry shape (go-vcloud-director reads all five). */
export const CLUSTER_COMPONENTS = ['capvcd', 'vcdKe', 'projector', 'cpi', 'csi'] as const;
export type ClusterComponent = (typeof CLUSTER_COMPONENTS)[number];

export type EntrySet = 'errorSet' | 'eventSet';

/** CAPVCD keeps 20 entries per set, vcdsdk 10: 50 loses nothing a real cluster has. */
export const MAX_ENTRIES_PER_SET = 50;
/** The part of an entry's text that is kept, searched and shown. kubeadm's stderr fits easily. */
export const MAX_DETAIL_CHARS = 8192;
/** Names, times, resource names: VCD's own limits are far below this. */
export const MAX_FIELD_CHARS = 256;
/** What an entry that is not an object keeps of itself, to show it "as is". */
export const MAX_RAW_CHARS = 2048;

/** A text cut to a bound; `truncated` says whether something was left out. */
export interface BoundedText {
  readonly text: string;
  readonly truncated: boolean;
}

/** Where an entry sits in the entity: enough to point at it, and to tell two entries apart. */
export interface EntryPlace {
  readonly component: ClusterComponent;
  readonly set: EntrySet;
  /** Position in the set, as VCD holds it. */
  readonly index: number;
}

export interface StatusEntry extends EntryPlace {
  /** Verbatim (never translated, shown escaped); '' when the entry has none. */
  readonly name: string;
  /** As written (RFC 3339 from CAPVCD); absent when missing or not a string. */
  readonly occurredAt?: string;
  readonly vcdResourceId?: string;
  readonly vcdResourceName?: string;
  /** additionalDetails' message (`error`, `Detailed Error`, `event`…), else bounded JSON of it. */
  readonly detail?: BoundedText;
}

/** An entry that is not an object (a bare string, a number…): kept only as bounded text. */
export interface UnreadableEntry extends EntryPlace {
  readonly raw: BoundedText;
}

export type ClusterShape =
  /** status is an object: entries were read from it. */
  | 'ok'
  /** No status yet (a cluster CSE has not picked up), or status is not an object. */
  | 'noStatus'
  /** The entity's document itself is not an object. */
  | 'unreadable';

export interface ClusterRecord {
  readonly id: string;
  readonly name: string;
  /** urn:vcloud:type:vmware:capvcdCluster:1.3.0 (1.2.0 for CSE 4.1). */
  readonly entityType: string;
  readonly org?: { readonly id: string; readonly name: string };
  /** status.vcdKe.state: provisioning, provisioned, error (CSE's view). */
  readonly state?: string;
  /** status.capvcd.phase (Cluster API's phase). */
  readonly phase?: string;
  readonly kubernetes?: string;
  /** metadata.site or status.capvcd.vcdProperties.site: the VCD the cluster talks to. */
  readonly site?: string;
  readonly shape: ClusterShape;
  readonly entries: readonly StatusEntry[];
  readonly unreadable: readonly UnreadableEntry[];
  /** Entries beyond MAX_ENTRIES_PER_SET, not read. */
  readonly droppedEntries: number;
}

export function entryKey(place: EntryPlace): string {
  return `${place.component}.${place.set}.${place.index}`;
}
