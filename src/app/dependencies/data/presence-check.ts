/*
 * What a presence check takes, what it streams back, and the one interface both strategies
 * (OCI distribution, Harbor REST) implement. The input type is deliberately minimal so that the
 * catalogs and parsers in `dependencies/domain` map onto it, not the other way round.
 */
import { Observable } from 'rxjs';

export interface ImageToCheck {
  readonly id: string;
  /** Path under the registry host, project included: `cse/tkg/kube-proxy`. */
  readonly repository: string;
  /** A tag (`v1.27.5_vmware.1`) or a digest (`sha256:…`). */
  readonly reference: string;
}

export interface RegistryAccess {
  /** Where `/v2/…` and `/api/v2.0/…` start: `https://vcd/ext-api/<prefix>`, a CORS proxy, `https://127.0.0.1:port`. */
  readonly baseUrl: string;
  /** The Harbor project the base lives in (first path segment of the base). */
  readonly project: string;
}

export type ManifestKind = 'manifest' | 'index';

/** Why an image has no answer. Transport failures come after the retries ran out. */
export type CheckFailure =
  | { readonly kind: 'timeout'; readonly seconds: number }
  /** The registry answered with a status this check has no meaning for (400, 403, 405…). */
  | { readonly kind: 'http'; readonly status: number }
  /** No HTTP answer at all (refused, reset, DNS, or a CORS refusal for a direct URL). */
  | { readonly kind: 'unreachable' }
  /** Still 429 or 5xx after every retry. */
  | { readonly kind: 'tooManyRetries'; readonly status: number; readonly attempts: number }
  /** A 200 whose body is not what the API documents (a token without `token`, an artifact list that is not a list). */
  | { readonly kind: 'unreadableAnswer'; readonly status: number }
  /** Not a valid repository name or tag/digest: nothing was sent. */
  | { readonly kind: 'invalidReference' }
  /** The registry wants a bearer token, which VCD's /ext-api proxy cannot carry: use a direct URL or Harbor. */
  | { readonly kind: 'needsDirectAccess' }
  /** The check stopped before reaching this image: the registry stopped answering. */
  | { readonly kind: 'notChecked' };

export type NotPullableReason =
  /** Harbor says the project is private (or does not exist: anonymously Harbor cannot tell). */
  | 'privateProject'
  /** An anonymous token was issued but the registry still refused it: no anonymous pull here. */
  | 'tokenDenied'
  /** The registry wants credentials and offers no anonymous token (Basic auth, or the token service refused). */
  | 'noAnonymousToken';

export type PresenceResult =
  | {
      readonly status: 'present';
      readonly image: ImageToCheck;
      /**
       * Absent when a tag list told presence (no HEAD was sent: check again `withDigests` for it),
       * or when a direct proxy does not expose `Docker-Content-Digest` to the page.
       */
      readonly digest?: string;
      readonly mediaType?: string;
      /** Absent, like the media type, when a tag list told presence. */
      readonly manifestKind?: ManifestKind;
    }
  | {
      readonly status: 'missing';
      readonly image: ImageToCheck;
      /** The tags the repository does have, sorted; absent when they could not be listed. */
      readonly existingTags?: readonly string[];
      /** A tag that differs only by a leading `v`, letter case, or `+`/`_`: almost certainly the intended image. */
      readonly nearMiss?: string;
    }
  | {
      readonly status: 'repositoryMissing';
      readonly image: ImageToCheck;
      /** Other repositories with the same last segment (a path mistake); absent when the registry cannot list them. */
      readonly elsewhere?: readonly string[];
    }
  | { readonly status: 'notPullableAnonymously'; readonly image: ImageToCheck; readonly reason: NotPullableReason }
  | { readonly status: 'error'; readonly image: ImageToCheck; readonly failure: CheckFailure };

export type PresenceStatus = PresenceResult['status'];

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
