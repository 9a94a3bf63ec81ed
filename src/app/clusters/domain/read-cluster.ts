/*
 * Reads one DefinedEntity of type vmware:capvcdCluster into a ClusterRecord: named fields only,
 * each capped, in one pass over at most MAX_ENTRIES_PER_SET entries per set. It never reads
 * `entity.spec` (spec.vcdKe.secure holds the cluster's API token) nor `status.capvcd.private`
 * (the kubeconfig): what is not copied here cannot reach a view, an export or VCD.
 */
import { boundedJson, boundedString, optionalString } from './bounded-text';
import {
  CLUSTER_COMPONENTS,
  ClusterComponent,
  ClusterRecord,
  EntrySet,
  MAX_DETAIL_CHARS,
  MAX_ENTRIES_PER_SET,
  MAX_FIELD_CHARS,
  MAX_RAW_CHARS,
  StatusEntry,
  UnreadableEntry,
} from './cluster-record';

type Json = Record<string, unknown>;

function objectAt(value: unknown, key: string): Json | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const child = (value as Json)[key];
  return typeof child === 'object' && child !== null && !Array.isArray(child) ? (child as Json) : undefined;
}

function stringAt(value: Json | undefined, key: string): string | undefined {
  return value ? optionalString(value[key], MAX_FIELD_CHARS) : undefined;
}

/** Who wrote the entry decides the key: CAPVCD `error`/`event`, CSE and the CPI `Detailed …`. */
const DETAIL_KEYS = ['error', 'Detailed Error', 'event', 'Detailed Event', 'Detailed Description'] as const;

function detailOf(additional: unknown): StatusEntry['detail'] {
  if (additional === undefined || additional === null) return undefined;
  if (typeof additional === 'string') return boundedString(additional, MAX_DETAIL_CHARS);
  if (typeof additional === 'object' && !Array.isArray(additional)) {
    for (const key of DETAIL_KEYS) {
      const text = (additional as Json)[key];
      if (typeof text === 'string') return boundedString(text, MAX_DETAIL_CHARS);
    }
  }
  return boundedJson(additional, MAX_DETAIL_CHARS);
}

function rawOf(value: unknown): UnreadableEntry['raw'] {
  return typeof value === 'string' ? boundedString(value, MAX_RAW_CHARS) : boundedJson(value, MAX_RAW_CHARS);
}

interface ReadSet {
  readonly entries: StatusEntry[];
  readonly unreadable: UnreadableEntry[];
  dropped: number;
}

function readSet(section: Json | undefined, component: ClusterComponent, set: EntrySet, into: ReadSet): void {
  const list = section?.[set];
  if (list === undefined || list === null) return;
  if (!Array.isArray(list)) {
    into.unreadable.push({ component, set, index: 0, raw: rawOf(list) });
    return;
  }
  const count = Math.min(list.length, MAX_ENTRIES_PER_SET);
  into.dropped += list.length - count;
  for (let index = 0; index < count; index++) {
    const item: unknown = list[index];
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      into.unreadable.push({ component, set, index, raw: rawOf(item) });
      continue;
    }
    const entry = item as Json;
    const occurredAt = stringAt(entry, 'occurredAt');
    const vcdResourceId = stringAt(entry, 'vcdResourceId');
    const vcdResourceName = stringAt(entry, 'vcdResourceName');
    const detail = detailOf(entry['additionalDetails']);
    into.entries.push({
      component,
      set,
      index,
      name: stringAt(entry, 'name') ?? '',
      ...(occurredAt ? { occurredAt } : {}),
      ...(vcdResourceId ? { vcdResourceId } : {}),
      ...(vcdResourceName ? { vcdResourceName } : {}),
      ...(detail ? { detail } : {}),
    });
  }
}

/** `raw` is what VCD answered for one entity (a DefinedEntity), however malformed. */
export function readClusterEntity(raw: unknown): ClusterRecord {
  const top = typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? (raw as Json) : {};
  const org = objectAt(top, 'org');
  const orgId = stringAt(org, 'id');
  const base = {
    id: stringAt(top, 'id') ?? '',
    name: stringAt(top, 'name') ?? '',
    entityType: stringAt(top, 'entityType') ?? '',
    ...(orgId ? { org: { id: orgId, name: stringAt(org, 'name') ?? '' } } : {}),
  };
  const document = objectAt(top, 'entity');
  if (!document) return { ...base, shape: 'unreadable', entries: [], unreadable: [], droppedEntries: 0 };

  const metadata = objectAt(document, 'metadata');
  const status = objectAt(document, 'status');
  const capvcd = objectAt(status, 'capvcd');
  const vcdKe = objectAt(status, 'vcdKe');
  const site = stringAt(metadata, 'site') ?? stringAt(objectAt(capvcd, 'vcdProperties'), 'site');
  const state = stringAt(vcdKe, 'state');
  const phase = stringAt(capvcd, 'phase');
  const kubernetes = stringAt(capvcd, 'kubernetes');
  const fields = {
    ...base,
    ...(state ? { state } : {}),
    ...(phase ? { phase } : {}),
    ...(kubernetes ? { kubernetes } : {}),
    ...(site ? { site } : {}),
  };
  if (!status) return { ...fields, shape: 'noStatus', entries: [], unreadable: [], droppedEntries: 0 };

  const read: ReadSet = { entries: [], unreadable: [], dropped: 0 };
  for (const component of CLUSTER_COMPONENTS) {
    const section = objectAt(status, component);
    readSet(section, component, 'errorSet', read);
    readSet(section, component, 'eventSet', read);
  }
  return { ...fields, shape: 'ok', entries: read.entries, unreadable: read.unreadable, droppedEntries: read.dropped };
}
