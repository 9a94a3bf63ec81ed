/*
 * Presence through the OCI distribution API with an anonymous bearer token, as a cluster node
 * pulls: one `tags/list` per repository decides every tag it lists (or does not), and `HEAD
 * /v2/<repository>/manifests/<reference>` answers the rest — see oci-request-plan.ts for which
 * requests are sent when. A 404 is told apart (tag missing, or the whole repository) by the list.
 */
import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable } from 'rxjs';
import { AnonymousTokens, IssuedToken, parseBearerChallenge, readIssuedToken } from './bearer-tokens';
import { CheckFailed, CheckRun, RegistryAnswer, RegistryRequest } from './check-run';
import { failureResult, streamCheck } from './check-stream';
import { boundedHeader, nextLinkTarget } from './header-syntax';
import {
  CheckEvent,
  CheckOptions,
  ImageToCheck,
  MAX_LISTING_PAGES,
  NotPullableReason,
  PresenceChecker,
  PresenceResult,
  RegistryAccess,
} from './presence-check';
import { OciPrimitives, TagListing, checkEveryDigest, checkPerRepository } from './oci-request-plan';
import { isCheckableImage, missingResult, parseJson, presentResult } from './reference-rules';

/** Without an explicit list, registries answer 404 for OCI images (they assume Docker schema 1/2). */
export const MANIFEST_ACCEPT = [
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
  'application/vnd.docker.distribution.manifest.v2+json',
].join(', ');

type Authorized = { readonly answer: RegistryAnswer } | { readonly denied: NotPullableReason };

/** The token service refused an anonymous token (401/403 from the realm). */
class TokenRefused extends Error {}

/**
 * Whether the registry wants tokens is learnt from the first answer, not guessed: one request
 * probes while the others wait, so a token-protected registry costs one 401, not one per slot.
 */
type AuthMode =
  | { readonly kind: 'unknown' }
  | { readonly kind: 'probing'; readonly settled: Promise<void>; readonly settle: () => void }
  | { readonly kind: 'open' }
  | { readonly kind: 'bearer' }
  | { readonly kind: 'needsDirectAccess' };

class OciCheck {
  private readonly base: string;
  /** VCD authenticates /ext-api calls with the request's Authorization header: a registry token cannot ride along. */
  private readonly isThroughExtApi: boolean;
  private readonly tokens: AnonymousTokens;
  private readonly tagListings = new Map<string, Promise<TagListing>>();
  /** Images not yet reported per repository, in check order: what token batches are made of. */
  private readonly remaining = new Map<string, number>();
  private auth: AuthMode = { kind: 'unknown' };

  constructor(
    private readonly run: CheckRun,
    access: RegistryAccess,
  ) {
    this.base = access.baseUrl.replace(/\/+$/, '');
    this.isThroughExtApi = /^\/ext-api\//.test(pathOf(this.base) + '/');
    this.tokens = new AnonymousTokens(
      this.base,
      (url) => this.fetchToken(url),
      () => this.remaining.keys(),
    );
  }

  async execute(images: readonly ImageToCheck[], report: (result: PresenceResult) => void, withDigests: boolean): Promise<void> {
    const checkable = images.filter((image) => {
      if (isCheckableImage(image)) return true;
      report({ status: 'error', image, failure: { kind: 'invalidReference' } });
      return false;
    });
    for (const image of checkable) this.remaining.set(image.repository, (this.remaining.get(image.repository) ?? 0) + 1);
    const primitives: OciPrimitives = {
      forEach: (items, work) => this.run.forEach(items, work),
      tagsOf: (repository) => this.tagsOf(repository),
      checkByHead: (image) => this.checkByHead(image),
      settle: async (image, work) => {
        let result: PresenceResult;
        try {
          result = await work();
        } catch (error) {
          result = failureResult(image, error);
        }
        const left = (this.remaining.get(image.repository) ?? 1) - 1;
        if (left > 0) this.remaining.set(image.repository, left);
        else this.remaining.delete(image.repository);
        report(result);
      },
    };
    await (withDigests ? checkEveryDigest(checkable, primitives) : checkPerRepository(checkable, primitives));
  }

  private async checkByHead(image: ImageToCheck): Promise<PresenceResult> {
    const head = await this.authorizedSend(image.repository, {
      method: 'HEAD',
      url: `${this.base}/v2/${image.repository}/manifests/${image.reference}`,
      headers: { Accept: MANIFEST_ACCEPT },
    });
    if ('denied' in head) return { status: 'notPullableAnonymously', image, reason: head.denied };
    const { status, headers } = head.answer;
    if (status === 200) return presentResult(image, headers.get('Docker-Content-Digest'), headers.get('Content-Type'));
    if (status !== 404) return { status: 'error', image, failure: { kind: 'http', status } };
    // What is decided already (the manifest is not there): a list that fails only loses detail.
    const listing = await this.tagsOf(image.repository);
    if (listing.kind === 'noRepository') return { status: 'repositoryMissing', image };
    // …except a header too large to read: the registry's doing, and the row says so rather than guess.
    if (listing.kind === 'failed' && listing.failure.kind === 'headerTooLarge') return { status: 'error', image, failure: listing.failure };
    return missingResult(image, listing.kind === 'tags' ? listing.tags : undefined);
  }

  private tagsOf(repository: string): Promise<TagListing> {
    let listing = this.tagListings.get(repository);
    if (!listing) {
      listing = this.listTags(repository);
      this.tagListings.set(repository, listing);
    }
    return listing;
  }

  /**
   * Registries list every tag when no `n` is given; a `Link` to a next page is followed up to
   * MAX_LISTING_PAGES. A repository with more pages than that counts as too long to list: its
   * unlisted tags are HEADed. A page that cannot be read ends the walk: what was listed still
   * counts, the rest is HEADed — unless it is the first page (the list's failure is the images'),
   * or a header too large to read (the registry's doing: the rows say so rather than guess).
   */
  private async listTags(repository: string): Promise<TagListing> {
    const tags: string[] = [];
    let url: string | undefined = `${this.base}/v2/${repository}/tags/list`;
    const unread = (page: number): TagListing => (page === 0 ? { kind: 'unknown' } : { kind: 'tags', tags, complete: false });
    for (let page = 0; url !== undefined && page < MAX_LISTING_PAGES; page++) {
      let listed: Authorized;
      let link: string | null;
      try {
        listed = await this.authorizedSend(repository, { method: 'GET', url, headers: { Accept: 'application/json' } });
        link = 'answer' in listed ? boundedHeader(listed.answer.headers, 'Link') : null;
      } catch (error) {
        if (!(error instanceof CheckFailed)) throw error;
        return page === 0 || error.failure.kind === 'headerTooLarge' ? { kind: 'failed', failure: error.failure } : unread(page);
      }
      if ('denied' in listed) return unread(page);
      // distribution answers NAME_UNKNOWN for a repository that does not exist.
      if (listed.answer.status === 404 && page === 0) return { kind: 'noRepository' };
      if (listed.answer.status !== 200 || !readTagsOfPage(listed.answer.body, tags)) return unread(page);
      url = this.nextPage(link);
    }
    return { kind: 'tags', tags, complete: url === undefined };
  }

  /** `</v2/x/tags/list?last=t&n=100>; rel="next"` → the same path under our base. */
  private nextPage(link: string | null): string | undefined {
    const target = nextLinkTarget(link ?? '');
    const path = target?.slice(target.indexOf('/v2/'));
    return path?.startsWith('/v2/') ? `${this.base}${path}` : undefined;
  }

  /** Sends `request` with an anonymous token when the registry wants one; a refusal becomes a reason. */
  private async authorizedSend(repository: string, request: RegistryRequest): Promise<Authorized> {
    const isProbe = await this.waitForAuthMode();
    try {
      if (this.auth.kind === 'needsDirectAccess') throw new CheckFailed({ kind: 'needsDirectAccess' });
      let token = this.auth.kind === 'bearer' ? await this.tokenFor(repository) : undefined;
      let isRenewed = false;
      for (;;) {
        if (typeof token === 'object') return token;
        const answer = await this.run.send(withToken(request, token));
        if (answer.status !== 401) {
          // Answered without a token: this registry lets anyone pull.
          if (token === undefined && isProbe) this.setAuth({ kind: 'open' });
          return { answer };
        }
        const challenge = parseBearerChallenge(boundedHeader(answer.headers, 'WWW-Authenticate'));
        if (token !== undefined) {
          // Refused with a token: no anonymous pull here — unless the token itself expired early (once).
          if (challenge?.error !== 'invalid_token' || isRenewed) return { denied: 'tokenDenied' };
          this.tokens.discard(token);
          isRenewed = true;
        } else if (!challenge) {
          if (isProbe) this.setAuth({ kind: 'open' });
          return { denied: 'noAnonymousToken' };
        } else if (this.isThroughExtApi) {
          this.setAuth({ kind: 'needsDirectAccess' });
          throw new CheckFailed({ kind: 'needsDirectAccess' });
        } else {
          this.tokens.learn(challenge);
          this.setAuth({ kind: 'bearer' });
        }
        token = await this.tokenFor(repository);
      }
    } finally {
      if (isProbe && this.auth.kind === 'probing') this.setAuth({ kind: 'unknown' });
    }
  }

  private async tokenFor(repository: string): Promise<string | { readonly denied: NotPullableReason }> {
    try {
      return await this.tokens.tokenFor(repository);
    } catch (error) {
      if (error instanceof TokenRefused) return { denied: 'noAnonymousToken' };
      throw error;
    }
  }

  private async fetchToken(url: string): Promise<IssuedToken> {
    const answer = await this.run.send({ method: 'GET', url, headers: { Accept: 'application/json' } });
    if (answer.status === 401 || answer.status === 403) throw new TokenRefused();
    if (answer.status !== 200) throw new CheckFailed({ kind: 'http', status: answer.status });
    const issued = readIssuedToken(parseJson(answer.body));
    if (!issued) throw new CheckFailed({ kind: 'unreadableAnswer', status: answer.status });
    return issued;
  }

  /** True when this caller is the probe: the mode was unknown, and others now wait for its answer. */
  private async waitForAuthMode(): Promise<boolean> {
    while (this.auth.kind === 'probing') await this.auth.settled;
    if (this.auth.kind !== 'unknown') return false;
    let settle = (): void => undefined;
    const settled = new Promise<void>((resolve) => (settle = resolve));
    this.auth = { kind: 'probing', settled, settle };
    return true;
  }

  private setAuth(mode: AuthMode): void {
    const previous = this.auth;
    this.auth = mode;
    if (previous.kind === 'probing') previous.settle();
  }
}

/**
 * Adds the tags of `{"name": …, "tags": […]}` (`null` for a repository without tags) to `into`;
 * false when the body is no tag list. One by one: a hostile page of a million tags must not
 * overflow the stack of a spread push.
 */
function readTagsOfPage(body: string, into: string[]): boolean {
  const page = parseJson(body) as { tags?: unknown } | undefined;
  if (typeof page !== 'object' || page === null || !('tags' in page)) return false;
  if (page.tags === null) return true;
  if (!Array.isArray(page.tags)) return false;
  for (const tag of page.tags) if (typeof tag === 'string') into.push(tag);
  return true;
}

function withToken(request: RegistryRequest, token: string | undefined): RegistryRequest {
  return token === undefined ? request : { ...request, headers: { ...request.headers, Authorization: `Bearer ${token}` } };
}

function pathOf(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return url;
  }
}

/** The strategy for direct access (a CORS proxy or the registry itself): what cluster nodes do, with one tag list per repository. */
@Injectable()
export class OciPresenceChecker implements PresenceChecker {
  private readonly http = inject(HttpClient);

  check(images: readonly ImageToCheck[], options: CheckOptions): Observable<CheckEvent> {
    return streamCheck(this.http, images, options, (run, report) =>
      new OciCheck(run, options.access).execute(images, report, options.withDigests === true),
    );
  }
}
