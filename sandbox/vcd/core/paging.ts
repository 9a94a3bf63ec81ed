// cloudapi list semantics: FIQL `filter`, `sortAsc`/`sortDesc`, `page`/`pageSize` (≤ 128,
// default 25), VCD's envelope and the `Link: <…>;rel="nextPage"` headers go-vcloud-director follows.
import { badRequest } from './errors.js';
import { Json, JsonObject, isJsonObject } from './model.js';

export const DEFAULT_PAGE_SIZE = 25;
export const MAX_PAGE_SIZE = 128;

export interface Page {
  body: {
    resultTotal: number;
    pageCount: number;
    page: number;
    pageSize: number;
    associations: null;
    values: JsonObject[];
  };
  headers: Record<string, string>;
}

/**
 * Filters, sorts and pages `values` (the objects exactly as the client will see them).
 * `fields` are the top-level properties this list lets clients filter and sort on; a path
 * may go deeper (`org.name`, `entity.profiles.0.containerRegistryUrl`).
 */
export function paginate(values: JsonObject[], requestUrl: URL, fields: readonly string[]): Page {
  const params = requestUrl.searchParams;
  const page = integerParam(params, 'page', 1);
  const pageSize = integerParam(params, 'pageSize', DEFAULT_PAGE_SIZE);
  if (page < 1) throw badRequest('page must be greater than or equal to 1');
  if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
    throw badRequest(`pageSize must be between 1 and ${MAX_PAGE_SIZE}`);
  }

  const filter = params.get('filter');
  const matching = filter ? values.filter(compileFilter(filter, fields)) : [...values];
  sortInPlace(matching, params, fields);

  const resultTotal = matching.length;
  const pageCount = Math.ceil(resultTotal / pageSize);
  const start = (page - 1) * pageSize;
  return {
    body: { resultTotal, pageCount, page, pageSize, associations: null, values: matching.slice(start, start + pageSize) },
    headers: linkHeader(requestUrl, page, pageCount),
  };
}

function integerParam(params: URLSearchParams, name: string, fallback: number): number {
  const raw = params.get(name);
  if (raw === null || raw === '') return fallback;
  if (!/^-?\d+$/.test(raw)) throw badRequest(`${name} must be an integer, got "${raw}"`);
  return Number(raw);
}

function linkHeader(requestUrl: URL, page: number, pageCount: number): Record<string, string> {
  const link = (target: number, rel: string): string => {
    const url = new URL(requestUrl);
    url.searchParams.set('page', String(target));
    return `<${url.toString()}>;rel="${rel}";type="application/json"`;
  };
  const links: string[] = [];
  if (pageCount > 0) links.push(link(1, 'firstPage'));
  if (page > 1 && page <= pageCount) links.push(link(page - 1, 'previousPage'));
  if (page < pageCount) links.push(link(page + 1, 'nextPage'));
  if (pageCount > 0) links.push(link(pageCount, 'lastPage'));
  return links.length > 0 ? { Link: links.join(', ') } : {};
}

type Predicate = (value: JsonObject) => boolean;
const COMPARISON = /^([A-Za-z0-9_.]+)(==|!=|=gt=|=ge=|=lt=|=le=)(.*)$/;

/** FIQL as VCD uses it: `;` (AND) binds tighter than `,` (OR); no parentheses here. */
function compileFilter(filter: string, fields: readonly string[]): Predicate {
  if (/[()]/.test(filter)) throw badRequest(`Unsupported filter (parentheses): ${filter}`);
  const alternatives = filter
    .split(',')
    .map((conjunction) => conjunction.split(';').map((comparison) => compileComparison(comparison.trim(), fields)));
  return (value) => alternatives.some((all) => all.every((test) => test(value)));
}

function compileComparison(text: string, fields: readonly string[]): Predicate {
  const match = COMPARISON.exec(text);
  if (!match) throw badRequest(`Invalid filter expression: ${text}`);
  const [, path = '', operator = '', rawValue = ''] = match;
  checkField(path, fields, 'filter');
  const expected = rawValue.replace(/^"(.*)"$/, '$1');
  const pattern = new RegExp(`^${expected.split('*').map(escapeRegExp).join('.*')}$`);
  return (value) => {
    const actual = scalarAt(value, path);
    switch (operator) {
      case '==':
        return actual !== undefined && pattern.test(actual);
      case '!=':
        return actual === undefined || !pattern.test(actual);
      default:
        return actual !== undefined && compareOrdered(actual, expected, operator);
    }
  };
}

function compareOrdered(actual: string, expected: string, operator: string): boolean {
  const bothNumbers = actual !== '' && expected !== '' && !isNaN(Number(actual)) && !isNaN(Number(expected));
  const order = bothNumbers ? Number(actual) - Number(expected) : actual.localeCompare(expected);
  if (operator === '=gt=') return order > 0;
  if (operator === '=ge=') return order >= 0;
  if (operator === '=lt=') return order < 0;
  return order <= 0;
}

function sortInPlace(values: JsonObject[], params: URLSearchParams, fields: readonly string[]): void {
  const asc = params.get('sortAsc');
  const desc = params.get('sortDesc');
  const path = asc ?? desc;
  if (!path) return;
  checkField(path, fields, 'sort');
  const direction = asc ? 1 : -1;
  values.sort((a, b) => direction * (scalarAt(a, path) ?? '').localeCompare(scalarAt(b, path) ?? ''));
}

function checkField(path: string, fields: readonly string[], what: string): void {
  const root = path.split('.')[0] ?? '';
  if (!fields.includes(root)) throw badRequest(`Invalid ${what} property: ${path}`);
}

/** The value at a dotted path, as text (numbers and booleans as JSON writes them), or undefined. */
function scalarAt(value: JsonObject, path: string): string | undefined {
  let current: Json | undefined = value;
  for (const key of path.split('.')) {
    if (Array.isArray(current)) current = current[Number(key)];
    else if (isJsonObject(current)) current = current[key];
    else return undefined;
  }
  if (current === undefined || current === null || typeof current === 'object') return undefined;
  return String(current);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
