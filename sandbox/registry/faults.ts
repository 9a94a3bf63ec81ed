// Faults the front door injects into registry traffic, for tests and benchmarks (sandbox only):
// added latency per request, a fraction of requests answered with a 5xx, and a fraction of
// connections destroyed (a reset: the client sees ECONNRESET / "socket hang up"). They apply to
// `/v2/…` (distribution) and `/api/v2.0/…` (the Harbor façade) — never to `/service/token`, so a
// test can tell a slow registry from a slow token service — and, with pathPattern, only to the
// paths that regular expression matches.

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
}

/** What the front door does with one request. */
export type FaultDecision =
  | { kind: 'pass'; delayMs: number }
  | { kind: 'error'; delayMs: number; status: number }
  | { kind: 'reset'; delayMs: number };

export interface FaultCounts {
  delayed: number;
  errors: number;
  resets: number;
}

export class InvalidFaults extends Error {}

const MAX_LATENCY_MS = 60_000;
const MAX_PATTERN_LENGTH = 500;
const FIELDS = new Set(['latencyMs', 'errorRate', 'status', 'resetRate', 'pathPattern']);

/** Validates a `POST /sandbox/registry/faults` body: {latencyMs?, errorRate?, status?, resetRate?, pathPattern?}. */
export function parseFaultSettings(input: unknown): RegistryFaultSettings {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new InvalidFaults('faults are a JSON object {latencyMs?, errorRate?, status?, resetRate?, pathPattern?}');
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
  return settings;
}

/** Is this a path the faults apply to at all: the registry API and the Harbor REST API. */
export function isFaultablePath(pathname: string): boolean {
  return /^\/v2(\/|$)/.test(pathname) || /^\/api\/v2\.0(\/|$)/.test(pathname);
}

export class RegistryFaults {
  private settings: RegistryFaultSettings | undefined;
  private pattern: RegExp | undefined;
  private counts: FaultCounts = { delayed: 0, errors: 0, resets: 0 };

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
    this.counts = { delayed: 0, errors: 0, resets: 0 };
  }

  clear(): void {
    this.settings = undefined;
    this.pattern = undefined;
    this.counts = { delayed: 0, errors: 0, resets: 0 };
  }

  decide(pathname: string): FaultDecision {
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
    if (draw < settings.resetRate + settings.errorRate) {
      this.counts.errors += 1;
      return { kind: 'error', delayMs, status: settings.status };
    }
    return { kind: 'pass', delayMs };
  }
}
