// Test aids of the sandbox, outside the VCD API on purpose (no auth, under /sandbox/):
// a log of the last requests the API received, and faults that make the next matching
// requests fail with a chosen status and VCD's error body, or hold them (a slow or hung VCD).
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { authorizationKind } from '../sessions/auth.js';
import { badRequest } from './errors.js';
import { Json, isJsonObject } from './model.js';

const LOG_SIZE = 500;

export interface RecordedRequest {
  time: string;
  method: string;
  /** Path and query string, as sent. */
  path: string;
  /** Filled in when the response is finished; null while it is still running. */
  status: number | null;
  headers: {
    authorization: ReturnType<typeof authorizationKind>;
    accept: string | null;
    ifMatch: string | null;
    tenantContext: string | null;
    contentType: string | null;
  };
}

export class RequestLog {
  private entries: RecordedRequest[] = [];

  record(req: IncomingMessage): RecordedRequest {
    const header = (name: string): string | null => {
      const value = req.headers[name];
      return Array.isArray(value) ? value.join(', ') : (value ?? null);
    };
    const entry: RecordedRequest = {
      time: new Date().toISOString(),
      method: req.method ?? 'GET',
      path: req.url ?? '/',
      status: null,
      headers: {
        authorization: authorizationKind(req.headers),
        accept: header('accept'),
        ifMatch: header('if-match'),
        tenantContext: header('x-vmware-vcloud-tenant-context'),
        contentType: header('content-type'),
      },
    };
    this.entries.push(entry);
    if (this.entries.length > LOG_SIZE) this.entries = this.entries.slice(-LOG_SIZE);
    return entry;
  }

  list(): readonly RecordedRequest[] {
    return this.entries;
  }

  clear(): void {
    this.entries = [];
  }
}

export interface Fault {
  id: string;
  method: string | null;
  pathPattern: string;
  status: number;
  /** Sent instead of VCD's error body when given. */
  body: Json | null;
  /** How many more requests this fault will fail. */
  remaining: number;
  /**
   * Instead of failing: the endpoint sees only the first n bytes of the request body (an upload a
   * proxy cut short). `status` is then not used.
   */
  truncateBody: number | null;
  /**
   * Held this long before anything else happens: then failed with `status` when one is given,
   * else handled as usual. A client that gives up meanwhile gets nothing, and the request is
   * dropped unhandled (a VCD that hung). 0 when not held.
   */
  delayMs: number;
}

/** Long enough to outlast any client timeout the plug-in uses (30 s for VCD calls). */
export const MAX_FAULT_DELAY_MS = 300_000;

export class Faults {
  private faults: { fault: Fault; pattern: RegExp }[] = [];

  /** Validates a POST /sandbox/faults body: {method?, pathPattern, status | truncateBody | delayMs, body?, times?}. */
  add(input: unknown): Fault {
    if (!isJsonObject(input)) throw badRequest('A fault is a JSON object {method?, pathPattern, status, delayMs?, body?, times?}.');
    const { method, pathPattern, status, body, times, truncateBody, delayMs } = input;
    if (
      delayMs !== undefined &&
      (typeof delayMs !== 'number' || !Number.isInteger(delayMs) || delayMs < 0 || delayMs > MAX_FAULT_DELAY_MS)
    ) {
      throw badRequest(`delayMs must be a whole number of milliseconds from 0 to ${MAX_FAULT_DELAY_MS}.`);
    }
    const held = typeof delayMs === 'number' && delayMs > 0;
    if (truncateBody !== undefined && (typeof truncateBody !== 'number' || !Number.isInteger(truncateBody) || truncateBody < 0)) {
      throw badRequest('truncateBody must be a byte count (0 or more).');
    }
    if (typeof pathPattern !== 'string') throw badRequest('pathPattern (a regular expression) is required.');
    let pattern: RegExp;
    try {
      pattern = new RegExp(pathPattern);
    } catch (error) {
      throw badRequest(`pathPattern is not a valid regular expression: ${error instanceof Error ? error.message : String(error)}`);
    }
    const statusGiven = status !== undefined || (truncateBody === undefined && !held);
    if (statusGiven && (typeof status !== 'number' || !Number.isInteger(status) || status < 400 || status > 599)) {
      throw badRequest('status must be an HTTP error status (400-599).');
    }
    if (method !== undefined && method !== null && typeof method !== 'string') throw badRequest('method must be a string.');
    if (times !== undefined && (typeof times !== 'number' || !Number.isInteger(times) || times < 1)) {
      throw badRequest('times must be a positive integer.');
    }
    const fault: Fault = {
      id: randomUUID(),
      method: typeof method === 'string' ? method.toUpperCase() : null,
      pathPattern,
      status: typeof status === 'number' ? status : 0,
      body: body ?? null,
      remaining: times ?? 1,
      truncateBody: typeof truncateBody === 'number' ? truncateBody : null,
      delayMs: held ? delayMs : 0,
    };
    this.faults.push({ fault, pattern });
    return fault;
  }

  /** The first fault matching this request (method, and pattern against the path without query), used up once. */
  take(method: string, pathname: string): Fault | undefined {
    const found = this.faults.find(
      ({ fault, pattern }) => (fault.method === null || fault.method === method.toUpperCase()) && pattern.test(pathname),
    );
    if (!found) return undefined;
    found.fault.remaining -= 1;
    if (found.fault.remaining <= 0) this.faults = this.faults.filter((entry) => entry !== found);
    return { ...found.fault };
  }

  list(): Fault[] {
    return this.faults.map(({ fault }) => ({ ...fault }));
  }

  clear(): void {
    this.faults = [];
  }
}
