/*
 * What a presence check asks about and what it answers, as plain data: the result rows, the
 * stored record and both checker strategies share these types.
 */
export interface ImageToCheck {
  readonly id: string;
  /** Path under the registry host, project included: `cse/tkg/kube-proxy`. */
  readonly repository: string;
  /** A tag (`v1.27.5_vmware.1`) or a digest (`sha256:…`). */
  readonly reference: string;
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
  | { readonly kind: 'notChecked' }
  /** The registry sent a header this check must read (`WWW-Authenticate`, `Link`) longer than `max`: refused unread. */
  | { readonly kind: 'headerTooLarge'; readonly header: string; readonly size: number; readonly max: number };

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
