// Faults the front door injects into registry traffic, for tests and benchmarks (sandbox only):
// added latency per request, a fraction of requests answered with a 5xx, and a fraction of
// connections destroyed (a reset: the client sees ECONNRESET / "socket hang up"). They apply to
// `/v2/…` (distribution) and `/api/v2.0/…` (the Harbor façade) — never to `/service/token`, so a
// test can tell a slow registry from a slow token service — and, with pathPattern, only to the
// paths that regular expression matches. Hostile answers too: a huge header on every answer,
// Harbor listings that claim a huge X-Total-Count and never end, and a megabyte of unterminated
// PEM markers for Harbor's CA download (`/api/v2.0/systeminfo/getcert`).

export interface RegistryFaultSettings {
  /** Added before each matching request is handled. 0–60,000 ms. */
  latencyMs: number;
  /** Fraction (0–1) of matching requests answered with `status`. */
  errorRate: number;
  /** 500–599; 503 by default. */
  status: number;
  /** Fraction (0–1) of matching requests whose connection is destroyed without an answer. */
  resetRate: number;
  /** A regular expression tested against the path (no query); absent: every `/v2/` and `/api/v2.0/` path. */
  pathPattern: string | null;
  /** Every answer carries this header, `bytes` long (replacing one of that name): `a=",a=",…`. */
  hugeHeader: { name: string; bytes: number } | null;
  /** Repository and artifact lists answer full pages of made-up items, `totalCount` in X-Total-Count, and a next page forever. */
  endlessListings: { totalCount: string } | null;
  /** `GET /api/v2.0/systeminfo/getcert` answers `bytes` of `-----BEGIN CERTIFICATE-----` lines that never end. */
  pemBody: { bytes: number } | null;
}

/** A header the front door adds to an answer. */
export interface InjectedHeader {
  name: string;
  value: string;
}

/** An answer the front door gives itself instead of routing the request. */
export interface FaultAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** What the front door does with one request. */
export type FaultDecision =
  | { kind: 'pass'; delayMs: number; header?: InjectedHeader }
  | { kind: 'error'; delayMs: number; status: number; header?: InjectedHeader }
  | { kind: 'reset'; delayMs: number }
  | { kind: 'answer'; delayMs: number; answer: FaultAnswer; header?: InjectedHeader };

export interface FaultCounts {
  delayed: number;
  errors: number;
  resets: number;
  /** Answers that carried the huge header. */
  hugeHeaders: number;
  /** Listing pages answered by the endless-listings fault. */
  listingPages: number;
  pemBodies: number;
}

export class InvalidFaults extends Error {}

const MAX_LATENCY_MS = 60_000;
const MAX_PATTERN_LENGTH = 500;
const MiB = 1_048_576;
/** Big enough to pass any browser's and proxy's limit, small enough to keep the sandbox quick. */
const MAX_FAULT_BYTES = 16 * MiB;
const HOSTILE_TOTAL_COUNT = '1000000000000';
const FIELDS = new Set(['latencyMs', 'errorRate', 'status', 'resetRate', 'pathPattern', 'hugeHeader', 'endlessListings', 'pemBody']);
const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,100}$/;
const PEM_MARKER_LINE = '-----BEGIN CERTIFICATE-----\n';
export const GETCERT_PATH = '/api/v2.0/systeminfo/getcert';

/**
 * Validates a `POST /sandbox/registry/faults` body: {latencyMs?, errorRate?, status?, resetRate?,
 * pathPattern?, hugeHeader? {name, bytes?}, endlessListings? {totalCount?}, pemBody? {bytes?}}.
 */
export function parseFaultSettings(input: unknown): RegistryFaultSettings {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new InvalidFaults(
      'faults are a JSON object {latencyMs?, errorRate?, status?, resetRate?, pathPattern?, hugeHeader?, endlessListings?, pemBody?}',
    );
  }
  const body = input as Record<string, unknown>;
  const unknown = Object.keys(body).filter((key) => !FIELDS.has(key));
  if (unknown.length > 0) throw new InvalidFaults(`unknown field(s): ${unknown.join(', ')}`);
  const number = (name: string, min: number, max: number, fallback: number, integer = false): number => {
    const value = body[name];
    if (value === undefined) return fallback;
    if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max || (integer && !Number.isInteger(value))) {
      throw new InvalidFaults(`${name} must be ${integer ? 'an integer' : 'a number'} from ${min} to ${max}`);
    }
    return value;
  };
  const settings: RegistryFaultSettings = {
    latencyMs: number('latencyMs', 0, MAX_LATENCY_MS, 0),
    errorRate: number('errorRate', 0, 1, 0),
    status: number('status', 500, 599, 503, true),
    resetRate: number('resetRate', 0, 1, 0),
    pathPattern: null,
    hugeHeader: null,
    endlessListings: null,
    pemBody: null,
  };
  if (settings.errorRate + settings.resetRate > 1) throw new InvalidFaults('errorRate + resetRate must not exceed 1');
  const pattern = body['pathPattern'];
  if (pattern !== undefined && pattern !== null) {
    if (typeof pattern !== 'string' || pattern.length > MAX_PATTERN_LENGTH) {
      throw new InvalidFaults(`pathPattern must be a regular expression of at most ${MAX_PATTERN_LENGTH} characters`);
    }
    try {
      new RegExp(pattern);
    } catch (error) {
      throw new InvalidFaults(`pathPattern is not a valid regular expression: ${error instanceof Error ? error.message : String(error)}`);
    }
    settings.pathPattern = pattern;
  }
  settings.hugeHeader = parseHugeHeader(body['hugeHeader']);
  settings.endlessListings = parseEndlessListings(body['endlessListings']);
  settings.pemBody = parsePemBody(body['pemBody']);
  return settings;
}

function objectField(name: string, value: unknown, fields: readonly string[]): Record<string, unknown> | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'object' || Array.isArray(value)) throw new InvalidFaults(`${name} must be an object {${fields.join(', ')}}`);
  const record = value as Record<string, unknown>;
  const unknown = Object.keys(record).filter((key) => !fields.includes(key));
  if (unknown.length > 0) throw new InvalidFaults(`${name}: unknown field(s): ${unknown.join(', ')}`);
  return record;
}

function byteCount(name: string, value: unknown): number {
  if (value === undefined) return MiB;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > MAX_FAULT_BYTES) {
    throw new InvalidFaults(`${name} must be an integer from 1 to ${MAX_FAULT_BYTES}`);
  }
  return value;
}

function parseHugeHeader(value: unknown): RegistryFaultSettings['hugeHeader'] {
  const record = objectField('hugeHeader', value, ['name', 'bytes']);
  if (record === null) return null;
  const name = record['name'];
  if (typeof name !== 'string' || !TOKEN.test(name))
    throw new InvalidFaults('hugeHeader.name must be a header name, e.g. WWW-Authenticate');
  return { name, bytes: byteCount('hugeHeader.bytes', record['bytes']) };
}

function parseEndlessListings(value: unknown): RegistryFaultSettings['endlessListings'] {
  const record = objectField('endlessListings', value, ['totalCount']);
  if (record === null) return null;
  const totalCount = record['totalCount'] ?? HOSTILE_TOTAL_COUNT;
  if (typeof totalCount !== 'string' || !/^\d{1,30}$/.test(totalCount)) {
    throw new InvalidFaults('endlessListings.totalCount must be a string of 1 to 30 digits');
  }
  return { totalCount };
}

function parsePemBody(value: unknown): RegistryFaultSettings['pemBody'] {
  const record = objectField('pemBody', value, ['bytes']);
  return record === null ? null : { bytes: byteCount('pemBody.bytes', record['bytes']) };
}

/** `a=",a=",…` cut to `bytes`: the shape that made backtracking header parsers quadratic. */
export function hugeHeaderValue(bytes: number): string {
  return 'a=",'.repeat(Math.ceil(bytes / 4)).slice(0, bytes);
}

/** `bytes` of BEGIN lines without an END, as text. */
export function pemMarkersBody(bytes: number): string {
  return PEM_MARKER_LINE.repeat(Math.ceil(bytes / PEM_MARKER_LINE.length)).slice(0, bytes);
}

const REPOSITORY_LIST = /^\/api\/v2\.0\/projects\/([^/]+)\/repositories$/;
const ARTIFACT_LIST = /^\/api\/v2\.0\/projects\/[^/]+\/repositories\/[^/]+\/artifacts$/;

/**
 * One page of an endless Harbor listing for `pathname`, or undefined when it is not a repository
 * or artifact list. Full pages of made-up items in Harbor's shape, a `Link` to the next page, and
 * `totalCount` in X-Total-Count, whatever the page.
 */
export function endlessListingPage(pathname: string, query: URLSearchParams, totalCount: string): FaultAnswer | undefined {
  const repositories = REPOSITORY_LIST.exec(pathname);
  if (!repositories && !ARTIFACT_LIST.test(pathname)) return undefined;
  const page = Math.max(1, Math.floor(Number(query.get('page') ?? 1)) || 1);
  const pageSize = Math.min(100, Math.max(1, Math.floor(Number(query.get('page_size') ?? 10)) || 10));
  const first = (page - 1) * pageSize;
  const items = Array.from({ length: pageSize }, (_, offset) => {
    const index = first + offset;
    if (repositories) return { id: index + 1, name: `${decodeURIComponent(repositories[1] ?? '')}/endless/item-${index}`, project_id: 1 };
    return {
      digest: `sha256:${index.toString(16).padStart(64, '0')}`,
      manifest_media_type: 'application/vnd.docker.distribution.manifest.v2+json',
      media_type: 'application/vnd.docker.container.image.v1+json',
      tags: [{ id: index + 1, name: `endless-${index}`, immutable: false }],
      type: 'IMAGE',
    };
  });
  return {
    status: 200,
    headers: {
      'Content-Type': 'application/json; charset=utf-8',
      'X-Total-Count': totalCount,
      Link: `<${pathname}?page=${page + 1}&page_size=${pageSize}>; rel="next"`,
    },
    body: JSON.stringify(items),
  };
}

/** Is this a path the faults apply to at all: the registry API and the Harbor REST API. */
export function isFaultablePath(pathname: string): boolean {
  return /^\/v2(\/|$)/.test(pathname) || /^\/api\/v2\.0(\/|$)/.test(pathname);
}

export class RegistryFaults {
  private settings: RegistryFaultSettings | undefined;
  private pattern: RegExp | undefined;
  private counts: FaultCounts = emptyCounts();
  /** Built once per setting: a megabyte per request would be wasted work. */
  private header: InjectedHeader | undefined;
  private pem: FaultAnswer | undefined;

  /** `random` is injectable so that tests can make the fractions deterministic. */
  constructor(private readonly random: () => number = Math.random) {}

  get current(): RegistryFaultSettings | undefined {
    return this.settings === undefined ? undefined : { ...this.settings };
  }

  /** Injected since the faults were last set. */
  get injected(): FaultCounts {
    return { ...this.counts };
  }

  set(settings: RegistryFaultSettings): void {
    this.settings = { ...settings };
    this.pattern = settings.pathPattern === null ? undefined : new RegExp(settings.pathPattern);
    this.counts = emptyCounts();
    const { hugeHeader, pemBody } = settings;
    this.header = hugeHeader === null ? undefined : { name: hugeHeader.name, value: hugeHeaderValue(hugeHeader.bytes) };
    this.pem =
      pemBody === null
        ? undefined
        : {
            status: 200,
            // As Harbor serves its CA: a file download.
            headers: { 'Content-Type': 'application/octet-stream', 'Content-Disposition': 'attachment; filename=ca.crt' },
            body: pemMarkersBody(pemBody.bytes),
          };
  }

  clear(): void {
    this.settings = undefined;
    this.pattern = undefined;
    this.counts = emptyCounts();
    this.header = undefined;
    this.pem = undefined;
  }

  decide(pathname: string, query: URLSearchParams = new URLSearchParams(), method = 'GET'): FaultDecision {
    const settings = this.settings;
    if (settings === undefined || !isFaultablePath(pathname) || (this.pattern !== undefined && !this.pattern.test(pathname))) {
      return { kind: 'pass', delayMs: 0 };
    }
    const delayMs = settings.latencyMs;
    if (delayMs > 0) this.counts.delayed += 1;
    const draw = this.random();
    if (draw < settings.resetRate) {
      this.counts.resets += 1;
      return { kind: 'reset', delayMs };
    }
    const header = this.header === undefined ? {} : { header: this.header };
    if (this.header !== undefined) this.counts.hugeHeaders += 1;
    if (draw < settings.resetRate + settings.errorRate) {
      this.counts.errors += 1;
      return { kind: 'error', delayMs, status: settings.status, ...header };
    }
    const answer = method === 'GET' ? this.answerFor(pathname, query) : undefined;
    return answer === undefined ? { kind: 'pass', delayMs, ...header } : { kind: 'answer', delayMs, answer, ...header };
  }

  private answerFor(pathname: string, query: URLSearchParams): FaultAnswer | undefined {
    if (this.pem !== undefined && pathname === GETCERT_PATH) {
      this.counts.pemBodies += 1;
      return this.pem;
    }
    const listings = this.settings?.endlessListings;
    const page = listings ? endlessListingPage(pathname, query, listings.totalCount) : undefined;
    if (page !== undefined) this.counts.listingPages += 1;
    return page;
  }
}

function emptyCounts(): FaultCounts {
  return { delayed: 0, errors: 0, resets: 0, hugeHeaders: 0, listingPages: 0, pemBodies: 0 };
}
