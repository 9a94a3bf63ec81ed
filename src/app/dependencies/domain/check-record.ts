/*
 * The last dependency check as the status entity keeps it (`lastDependencyCheck`): shared by every
 * administrator and shown read-only to tenants. Rows are stored as short tuples to stay small.
 */
import { COMPONENT_GROUPS, ComponentGroup } from './destination-rules';
import { DetailParams, ROW_STATUSES, ResultRow, RowStatus, StatusCounts, countByStatus } from './result-rows';

export type CheckOutcome = 'done' | 'cancelled' | 'partial';

/** status, source, destination, group, detail code, detail params. */
export type CompactRow = readonly [RowStatus, string, string, ComponentGroup, string?, DetailParams?];

export interface DependencyCheckRecord {
  readonly checkedAt: string;
  readonly checkedBy?: string;
  readonly base: string;
  readonly release?: string;
  readonly tkrs: readonly string[];
  readonly fileName?: string;
  readonly outcome: CheckOutcome;
  readonly elapsedMs: number;
  readonly counts: StatusCounts;
  readonly results: readonly CompactRow[];
}

export interface RecordContext {
  readonly checkedAt: string;
  readonly checkedBy?: string;
  readonly base: string;
  readonly release?: string;
  readonly tkrs: readonly string[];
  readonly fileName?: string;
  readonly outcome: CheckOutcome;
  readonly elapsedMs: number;
}

export function toRecord(context: RecordContext, rows: readonly ResultRow[]): DependencyCheckRecord {
  return {
    ...context,
    counts: countByStatus(rows),
    results: rows.map((row): CompactRow => {
      const head = [row.status, row.source, row.destination, row.group] as const;
      if (!row.detail) return head;
      return row.detail.params ? [...head, row.detail.code, row.detail.params] : [...head, row.detail.code];
    }),
  };
}

export function rowsOf(record: DependencyCheckRecord): ResultRow[] {
  return record.results.map(([status, source, destination, group, code, params], index) => ({
    id: `r${index}`,
    status,
    source,
    destination,
    group,
    ...(code ? { detail: { code, ...(params ? { params } : {}) } } : {}),
  }));
}

/** The stored value if it has the shape written above; anything else (an older or foreign shape) is ignored. */
export function readRecord(value: unknown): DependencyCheckRecord | undefined {
  if (!isObject(value)) return undefined;
  const { checkedAt, base, outcome, results, tkrs, elapsedMs } = value;
  if (typeof checkedAt !== 'string' || typeof base !== 'string' || !Array.isArray(results) || !Array.isArray(tkrs)) return undefined;
  if (outcome !== 'done' && outcome !== 'cancelled' && outcome !== 'partial') return undefined;
  const rows = results.filter(isCompactRow);
  const optional = (key: string): Record<string, string> => (typeof value[key] === 'string' ? { [key]: value[key] as string } : {});
  const partial: RecordContext = {
    checkedAt,
    base,
    outcome,
    tkrs: tkrs.filter((tkr): tkr is string => typeof tkr === 'string'),
    elapsedMs: typeof elapsedMs === 'number' ? elapsedMs : 0,
    ...optional('checkedBy'),
    ...optional('release'),
    ...optional('fileName'),
  };
  return toRecord(partial, rowsOf({ ...partial, counts: countByStatus([]), results: rows }));
}

function isCompactRow(value: unknown): value is CompactRow {
  if (!Array.isArray(value) || value.length < 4) return false;
  const [status, source, destination, group, code, params] = value as unknown[];
  return (
    (ROW_STATUSES as readonly unknown[]).includes(status) &&
    typeof source === 'string' &&
    typeof destination === 'string' &&
    (COMPONENT_GROUPS as readonly unknown[]).includes(group) &&
    (code === undefined || typeof code === 'string') &&
    (params === undefined || isObject(params))
  );
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
