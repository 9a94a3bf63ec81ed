/*
 * One presence check in progress, whatever the strategy: every HTTP request goes through its pool
 * (bounded concurrency, per-request timeout, retries with backoff and jitter, request count), and
 * one cancellation aborts what is in flight and rejects what waits. `streamCheck` turns a
 * strategy's work into the event stream of `PresenceChecker.check` (check-stream.ts).
 */
import { HttpClient, HttpErrorResponse, HttpHeaders } from '@angular/common/http';
import { Observable, Subject, TimeoutError, catchError, map, of, takeUntil, throwError, timeout, timer } from 'rxjs';
import {
  CheckFailure,
  CheckOptions,
  DEFAULT_BACKOFF_MS,
  DEFAULT_CONCURRENCY,
  DEFAULT_MULTIPLEXED_CONCURRENCY,
  DEFAULT_MAX_RETRIES,
  DEFAULT_STOP_AFTER_FAILURES,
  DEFAULT_TIMEOUT_SECONDS,
} from './presence-check';
import { isMultiplexed, resourceTimingProtocol } from './page-protocol';

export interface RegistryRequest {
  readonly method: 'GET' | 'HEAD';
  readonly url: string;
  readonly headers?: Readonly<Record<string, string>>;
  /** Takes the next free slot ahead of every request already waiting (what the others wait on). */
  readonly isUrgent?: boolean;
}

/** Any HTTP status is an answer here (401 and 404 carry meaning); only retryable ones are retried. */
export interface RegistryAnswer {
  readonly status: number;
  readonly headers: HttpHeaders;
  readonly body: string;
}

/** An image (or a shared step such as a token) ends in this failure. */
export class CheckFailed extends Error {
  constructor(readonly failure: CheckFailure) {
    super(failure.kind);
  }
}

/** The check was cancelled: nothing more is reported. */
export class CheckCancelled extends Error {
  constructor() {
    super('cancelled');
  }
}

interface CheckSettings {
  readonly concurrency: number;
  readonly multiplexedConcurrency: number;
  readonly protocolOf: (url: string) => string | undefined;
  readonly timeoutSeconds: number;
  readonly maxRetries: number;
  readonly backoffMs: number;
  readonly stopAfterFailures: number;
}

/** Longest wait between two attempts, Retry-After included: a check must keep moving. */
const MAX_BACKOFF_MS = 10_000;

function positive(value: number | undefined, fallback: number): number {
  return value !== undefined && Number.isFinite(value) && value > 0 ? value : fallback;
}

function settingsFrom(options: CheckOptions): CheckSettings {
  return {
    concurrency: Math.floor(positive(options.concurrency, DEFAULT_CONCURRENCY)),
    multiplexedConcurrency: Math.floor(positive(options.multiplexedConcurrency, DEFAULT_MULTIPLEXED_CONCURRENCY)),
    protocolOf: options.protocolOf ?? resourceTimingProtocol,
    timeoutSeconds: positive(options.timeoutSeconds, DEFAULT_TIMEOUT_SECONDS),
    maxRetries: Math.max(0, Math.floor(options.maxRetries ?? DEFAULT_MAX_RETRIES)),
    backoffMs: positive(options.backoffMs, DEFAULT_BACKOFF_MS),
    stopAfterFailures: Math.floor(positive(options.stopAfterFailures, DEFAULT_STOP_AFTER_FAILURES)),
  };
}

/** Answers looked at for their protocol before the check settles for the HTTP/1.1 limit. */
const PROTOCOL_LOOKUPS = 8;

export function isRetryableStatus(status: number): boolean {
  return status === 0 || status === 429 || status >= 500;
}

function retryAfterMs(answer: RegistryAnswer): number | undefined {
  const seconds = Number(answer.headers.get('Retry-After') ?? Number.NaN);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : undefined;
}

interface Waiter {
  readonly resolve: () => void;
  readonly reject: (reason: Error) => void;
}

export class CheckRun {
  readonly settings: CheckSettings;
  /** Starts at `concurrency`; raised once answers are known to come over HTTP/2 or HTTP/3. */
  private limit: number;
  private protocolLookups = 0;
  private sent = 0;
  private active = 0;
  private readonly waiters: Waiter[] = [];
  private readonly cancel$ = new Subject<void>();
  private stoppedBy?: Error;
  private consecutiveFailures = 0;

  constructor(
    private readonly http: HttpClient,
    options: CheckOptions,
  ) {
    this.settings = settingsFrom(options);
    this.limit = this.settings.concurrency;
  }

  /** The limit in force now. */
  get concurrency(): number {
    return this.limit;
  }

  /**
   * The first answer whose protocol the browser reports decides the limit for the rest of the
   * check (an entry may not be recorded yet when the first answer is read: later ones are asked).
   */
  private learnProtocol(url: string): void {
    if (this.protocolLookups >= PROTOCOL_LOOKUPS) return;
    const protocol = this.settings.protocolOf(url);
    this.protocolLookups = protocol === undefined ? this.protocolLookups + 1 : PROTOCOL_LOOKUPS;
    if (!isMultiplexed(protocol)) return;
    this.limit = Math.max(this.limit, this.settings.multiplexedConcurrency);
    while (this.active < this.limit && this.waiters.length > 0) {
      this.active++;
      this.waiters.shift()?.resolve();
    }
  }

  /** HTTP requests sent so far (each attempt counts). */
  get requests(): number {
    return this.sent;
  }

  get isCancelled(): boolean {
    return this.stoppedBy instanceof CheckCancelled;
  }

  cancel(): void {
    this.stop(new CheckCancelled());
    this.cancel$.next();
  }

  /** Sends `request`, retrying 429, 5xx and resets; resolves with the first other answer. */
  async send(request: RegistryRequest): Promise<RegistryAnswer> {
    for (let attempt = 1; ; attempt++) {
      const answer = await this.attempt(request);
      if (!isRetryableStatus(answer.status)) {
        this.consecutiveFailures = 0;
        return answer;
      }
      if (attempt > this.settings.maxRetries) {
        throw this.transportFailure(
          answer.status === 0 ? { kind: 'unreachable' } : { kind: 'tooManyRetries', status: answer.status, attempts: attempt },
        );
      }
      await this.sleep(this.backoff(attempt, answer));
    }
  }

  /** Runs `work` for each item, `concurrency` at a time, in order. */
  async forEach<T>(items: readonly T[], work: (item: T) => Promise<void>): Promise<void> {
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < items.length) {
        const item = items[next++] as T;
        await work(item);
      }
    };
    // Enough workers for the highest limit: extra ones wait for a slot until the limit is raised.
    const workers = Math.min(Math.max(this.settings.concurrency, this.settings.multiplexedConcurrency), items.length);
    await Promise.all(Array.from({ length: workers }, worker));
  }

  private async attempt(request: RegistryRequest): Promise<RegistryAnswer> {
    // With a slot free the request leaves in this very task: the first ones are on the wire before
    // the page draws the pending rows (which can take a while the first time), not after.
    const waiting = this.acquire(request.isUrgent === true);
    if (waiting) await waiting;
    this.sent++;
    try {
      return await this.untilCancelled(
        this.http.request(request.method, request.url, { observe: 'response', responseType: 'text', headers: { ...request.headers } }).pipe(
          timeout({ first: this.settings.timeoutSeconds * 1000 }),
          map((response): RegistryAnswer => {
            this.learnProtocol(request.url);
            return { status: response.status, headers: response.headers, body: response.body ?? '' };
          }),
          catchError((error: unknown) => {
            if (error instanceof TimeoutError) {
              return throwError(() => this.transportFailure({ kind: 'timeout', seconds: this.settings.timeoutSeconds }));
            }
            if (error instanceof HttpErrorResponse) {
              if (error.status > 0) this.learnProtocol(request.url);
              const body = typeof error.error === 'string' ? error.error : '';
              return of<RegistryAnswer>({ status: error.status, headers: error.headers, body });
            }
            return throwError(() => error);
          }),
        ),
      );
    } finally {
      this.release();
    }
  }

  /** Takes a free slot (undefined: taken now), or the wait for one: first in line when `isUrgent`. */
  private acquire(isUrgent: boolean): Promise<void> | undefined {
    if (this.stoppedBy) return Promise.reject(this.stoppedBy);
    if (this.active < this.limit) {
      this.active++;
      return undefined;
    }
    // The freed slot passes straight to the waiter: `active` does not change.
    return new Promise((resolve, reject) => {
      if (isUrgent) this.waiters.unshift({ resolve, reject });
      else this.waiters.push({ resolve, reject });
    });
  }

  private release(): void {
    const waiter = this.waiters.shift();
    if (waiter) waiter.resolve();
    else this.active--;
  }

  private stop(reason: Error): void {
    if (this.stoppedBy) return;
    this.stoppedBy = reason;
    for (const waiter of this.waiters.splice(0)) waiter.reject(reason);
  }

  /** Counts a failure that says the registry may be gone; enough in a row and the rest is not attempted. */
  private transportFailure(failure: CheckFailure): CheckFailed {
    this.consecutiveFailures++;
    if (this.consecutiveFailures >= this.settings.stopAfterFailures) this.stop(new CheckFailed({ kind: 'notChecked' }));
    return new CheckFailed(failure);
  }

  /** Exponential, with "equal jitter": half of each step is fixed, half random, so retries spread out. */
  private backoff(attempt: number, answer: RegistryAnswer): number {
    const hinted = answer.status === 429 || answer.status === 503 ? retryAfterMs(answer) : undefined;
    const step = hinted ?? this.settings.backoffMs * 2 ** (attempt - 1);
    const capped = Math.min(step, MAX_BACKOFF_MS);
    return hinted !== undefined ? capped : capped / 2 + (Math.random() * capped) / 2;
  }

  private sleep(ms: number): Promise<void> {
    return this.untilCancelled(timer(ms).pipe(map(() => undefined)));
  }

  private untilCancelled<T>(source: Observable<T>): Promise<T> {
    if (this.stoppedBy instanceof CheckCancelled) return Promise.reject(this.stoppedBy);
    return new Promise<T>((resolve, reject) => {
      let settled = false;
      source.pipe(takeUntil(this.cancel$)).subscribe({
        next: (value) => {
          settled = true;
          resolve(value);
        },
        error: (error: unknown) => reject(error),
        complete: () => {
          if (!settled) reject(new CheckCancelled());
        },
      });
    });
  }
}
