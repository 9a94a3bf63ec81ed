/*
 * What a presence check takes, what it streams back, and the one interface both strategies
 * (OCI distribution, Harbor REST) implement. The input type is deliberately minimal so that the
 * catalogs and parsers in `dependencies/domain` map onto it, not the other way round.
 */
import { Observable } from 'rxjs';
import type { ImageToCheck, PresenceResult } from '../domain/presence';

export type { CheckFailure, ImageToCheck, ManifestKind, NotPullableReason, PresenceResult, PresenceStatus } from '../domain/presence';

export interface RegistryAccess {
  /** Where `/v2/…` and `/api/v2.0/…` start: `https://vcd/ext-api/<prefix>`, a CORS proxy, `https://127.0.0.1:port`. */
  readonly baseUrl: string;
  /** The Harbor project the base lives in (first path segment of the base). */
  readonly project: string;
}

export type CheckEvent =
  | { readonly type: 'result'; readonly result: PresenceResult }
  /** After every result: images answered, images asked for, HTTP requests sent so far (retries and tokens included). */
  | { readonly type: 'progress'; readonly done: number; readonly total: number; readonly requests: number }
  /**
   * The last event. `partial`: some image has no definitive answer (an error, or the check was
   * cancelled). Unsubscribing instead of using `cancel` aborts silently, without this event.
   */
  | { readonly type: 'done'; readonly cancelled: boolean; readonly partial: boolean; readonly requests: number };

export interface CheckOptions {
  readonly access: RegistryAccess;
  /** Requests in flight at most, tokens and retries included. Default 6 (a browser's HTTP/1.1 connections per host). */
  readonly concurrency?: number;
  /**
   * The limit once the first answer shows the page talks HTTP/2 or HTTP/3 to the host (one
   * multiplexed connection, no 6-per-host cap). Default 24. `protocolOf` tells the protocol.
   */
  readonly multiplexedConcurrency?: number;
  /** The protocol an answered URL came over ('http/1.1', 'h2', 'h3'…), if known. Default: the page's Resource Timing. */
  readonly protocolOf?: (url: string) => string | undefined;
  /** Per request. Default 10 s. */
  readonly timeoutSeconds?: number;
  /** Retries after a 429, a 5xx or a reset (status 0). Default 3. Never for 401, 403 or 404. */
  readonly maxRetries?: number;
  /** First backoff step; it doubles per retry, with jitter. Default 250 ms. */
  readonly backoffMs?: number;
  /** Consecutive transport failures after which the registry counts as gone and the rest is `notChecked`. Default 6. */
  readonly stopAfterFailures?: number;
  /** Emitting stops the check: in-flight requests are aborted and `done {cancelled: true}` follows. */
  readonly cancel?: Observable<unknown>;
  /**
   * Also the digest and media type of every present image: one HEAD per image, where a tag list
   * alone tells presence for a whole repository in one request. For a digest the user asks for
   * (opening a row, exporting with digests); Harbor's listings carry digests anyway.
   */
  readonly withDigests?: boolean;
}

export interface PresenceChecker {
  check(images: readonly ImageToCheck[], options: CheckOptions): Observable<CheckEvent>;
}

export const DEFAULT_CONCURRENCY = 6;
export const DEFAULT_MULTIPLEXED_CONCURRENCY = 24;
export const DEFAULT_TIMEOUT_SECONDS = 10;
export const DEFAULT_MAX_RETRIES = 3;
export const DEFAULT_BACKOFF_MS = 250;
export const DEFAULT_STOP_AFTER_FAILURES = 6;
/**
 * Pages of one listing (a tag list, a Harbor repository or artifact list) read at most. Only the
 * pages themselves say whether another follows — never a count the registry announces — so a
 * registry that claims 10^12 items or links to a next page forever costs this many requests.
 */
export const MAX_LISTING_PAGES = 20;
