/*
 * One row per catalog entry as the Dependencies view shows, stores and exports it, built from a
 * presence result. Plain data: the same shape feeds the datagrid, the stored record (compacted)
 * and the CSV/JSON exports. Details are codes with parameters; the view translates them.
 */
import { CatalogEntry } from './catalog';
import { COMPONENT_GROUPS, ComponentGroup, destinationOf } from './destination-rules';
import { parseImageReference } from './image-reference';
import { CheckFailure, ImageToCheck, PresenceResult } from './presence';

export const ROW_STATUSES = [
  'present',
  'missing',
  'repositoryMissing',
  'notPullableAnonymously',
  'error',
  'pending',
  'skipped',
  'unmapped',
] as const;
export type RowStatus = (typeof ROW_STATUSES)[number];

/** Statuses a check ends in that need a fix. */
export const GAP_STATUSES: readonly RowStatus[] = ['missing', 'repositoryMissing', 'notPullableAnonymously', 'error'];
/** The image is not in the registry at all: copying it is the fix. */
export const ABSENT_STATUSES: readonly RowStatus[] = ['missing', 'repositoryMissing'];

export type DetailParams = Readonly<Record<string, string | number>>;

export interface RowDetail {
  /** dependencies.status.detail.<code> */
  readonly code: string;
  readonly params?: DetailParams;
}

export interface ResultRow {
  readonly id: string;
  readonly status: RowStatus;
  /** The source reference: registry/repository:tag or @digest. */
  readonly source: string;
  /** The reference under the base; empty when no rule maps the image. */
  readonly destination: string;
  readonly group: ComponentGroup;
  readonly detail?: RowDetail;
}

/** One row per entry, not yet checked: pending, or skipped (commented out by the user), or unmapped (no place under the base). */
export function rowsForCatalog(entries: readonly CatalogEntry[], base: string): ResultRow[] {
  return entries.map((entry, index) => {
    const destination = destinationOf(entry.image, base);
    const mapped = destination.kind === 'mapped' ? destination.image.reference : '';
    const status: RowStatus = mapped === '' ? 'unmapped' : entry.skippedByUser ? 'skipped' : 'pending';
    return { id: `r${index}`, status, source: entry.image.reference, destination: mapped, group: entry.group };
  });
}

/** The row a presence result turns `row` into. */
export function withResult(row: ResultRow, result: PresenceResult): ResultRow {
  const { detail: _previous, ...rest } = row;
  const detail = detailOf(result);
  return { ...rest, status: result.status, ...(detail ? { detail } : {}) };
}

function detailOf(result: PresenceResult): RowDetail | undefined {
  switch (result.status) {
    case 'present':
      return result.digest ? { code: 'digest', params: { digest: result.digest } } : undefined;
    case 'missing':
      if (result.nearMiss) return { code: 'nearMiss', params: { tag: result.nearMiss } };
      if (result.existingTags && result.existingTags.length > 0) {
        return { code: 'existingTags', params: { tags: result.existingTags.slice(0, 10).join(', '), count: result.existingTags.length } };
      }
      return undefined;
    case 'repositoryMissing':
      return result.elsewhere && result.elsewhere.length > 0
        ? { code: 'elsewhere', params: { paths: result.elsewhere.join(', ') } }
        : undefined;
    case 'notPullableAnonymously':
      return { code: result.reason };
    case 'error':
      return failureDetail(result.failure);
  }
}

function failureDetail(failure: CheckFailure): RowDetail {
  const { kind, ...params } = failure;
  return Object.keys(params).length > 0 ? { code: kind, params } : { code: kind };
}

/** What to send to a presence checker for this row: its destination, split into repository and tag or digest. */
export function imageToCheckOf(row: ResultRow): ImageToCheck | undefined {
  if (row.destination === '') return undefined;
  const parsed = parseImageReference(row.destination);
  if (!parsed.ok) return undefined;
  const reference = parsed.image.digest ?? parsed.image.tag;
  return reference === undefined ? undefined : { id: row.id, repository: parsed.image.repository, reference };
}

/** The rows as they stand before a check: those to check pending, the rest as they were. */
export function pendingRows(rows: readonly ResultRow[], images: readonly ImageToCheck[]): ResultRow[] {
  const waiting = new Set(images.map((image) => image.id));
  return rows.map((row) =>
    waiting.has(row.id) ? { id: row.id, status: 'pending', source: row.source, destination: row.destination, group: row.group } : row,
  );
}

/** The images to ask the checker for: the chosen rows that map to a checkable reference. */
export function imagesOf(rows: readonly ResultRow[], shouldCheck: (row: ResultRow) => boolean = () => true): ImageToCheck[] {
  return rows.flatMap((row): ImageToCheck[] => {
    const image = shouldCheck(row) ? imageToCheckOf(row) : undefined;
    return image ? [image] : [];
  });
}

/**
 * Present rows whose digest is not known yet: a check decides presence from one tag list per
 * repository, which names tags but not their digests (looked up on demand, one HEAD per image).
 */
export function rowsWithoutDigest(rows: readonly ResultRow[]): ResultRow[] {
  return rows.filter((row) => row.status === 'present' && row.detail?.code !== 'digest' && imageToCheckOf(row) !== undefined);
}

/** `rows` with the row `result` answers replaced (a digest looked up, or an image gone since the check). */
export function withAnswer(rows: readonly ResultRow[], result: PresenceResult): ResultRow[] {
  return rows.map((row) => (row.id === result.image.id ? withResult(row, result) : row));
}

export type StatusCounts = Readonly<Record<RowStatus, number>>;

export function countByStatus(rows: readonly ResultRow[]): StatusCounts {
  const counts = Object.fromEntries(ROW_STATUSES.map((status) => [status, 0])) as Record<RowStatus, number>;
  for (const row of rows) counts[row.status]++;
  return counts;
}

export interface GroupBar {
  readonly group: ComponentGroup;
  readonly present: number;
  /** Checked and not present (any gap status). */
  readonly notPresent: number;
  /** Percentage of present among present + notPresent, 0–100. */
  readonly presentPercent: number;
}

/** Present vs not present per component group, in the catalog's group order; groups with nothing checked are left out. */
export function groupBars(rows: readonly ResultRow[]): GroupBar[] {
  return COMPONENT_GROUPS.flatMap((group) => {
    const inGroup = rows.filter((row) => row.group === group);
    const present = inGroup.filter((row) => row.status === 'present').length;
    const notPresent = inGroup.filter((row) => GAP_STATUSES.includes(row.status)).length;
    const checked = present + notPresent;
    return checked === 0 ? [] : [{ group, present, notPresent, presentPercent: Math.round((present * 100) / checked) }];
  });
}

/** 'gaps': every status that needs a fix. */
export type StatusFilter = 'all' | 'gaps' | RowStatus;

export interface RowFilter {
  readonly status: StatusFilter;
  readonly group: 'all' | ComponentGroup;
  readonly text: string;
}

export function filterRows(rows: readonly ResultRow[], filter: RowFilter): ResultRow[] {
  const text = filter.text.trim().toLowerCase();
  return rows.filter(
    (row) =>
      (filter.status === 'all' || (filter.status === 'gaps' ? GAP_STATUSES.includes(row.status) : row.status === filter.status)) &&
      (filter.group === 'all' || row.group === filter.group) &&
      (text === '' || `${row.source} ${row.destination}`.toLowerCase().includes(text)),
  );
}
