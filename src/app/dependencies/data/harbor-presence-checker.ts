/*
 * Presence through Harbor's REST API, which answers anonymously for a public project and so works
 * through VCD's /ext-api proxy (which cannot carry a registry token). First, in parallel, the
 * project (`metadata.public`) and its repository list; then one paged artifact listing per
 * repository that exists, each one sent as soon as a page of the list names its repository (the
 * list's next page goes ahead of them all). A repository that is not in the list costs no request
 * at all. Pages are read one after another and at most MAX_LISTING_PAGES of them: `X-Total-Count`
 * never sizes a loop.
 */
import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable } from 'rxjs';
import { CheckFailed, CheckRun, RegistryRequest } from './check-run';
import { readPages } from './harbor-pages';
import { failureResult, streamCheck } from './check-stream';
import {
  HarborArtifact,
  artifactUrl,
  artifactsUrl,
  hasEveryReference,
  projectUrl,
  readArtifact,
  readArtifacts,
  readIsPublic,
  readRepositoryNames,
  repositoriesUrl,
  resultFromArtifacts,
} from './harbor-listing';
import { CheckEvent, CheckOptions, ImageToCheck, PresenceChecker, PresenceResult, RegistryAccess } from './presence-check';
import { findElsewhere, isCheckableImage, missingResult, presentResult, projectOf } from './reference-rules';

/** Anonymously Harbor answers 401 for a private project and for one that does not exist alike. */
type Visibility = 'public' | 'private' | 'noProject';

type ArtifactListing =
  /** `incomplete`: a page failed. `isTooLong`: more pages than MAX_LISTING_PAGES; the rest is asked image by image. */
  | {
      readonly kind: 'artifacts';
      readonly artifacts: readonly HarborArtifact[];
      readonly incomplete?: CheckFailed;
      readonly isTooLong?: boolean;
    }
  | { readonly kind: 'noRepository' }
  | { readonly kind: 'private' };

interface RepositoryGroup {
  readonly project: string;
  readonly repository: string;
  readonly images: readonly ImageToCheck[];
  /** Named by a page of the project's repository list (so Harbor's `200 []` means an empty repository). */
  readonly isListed: boolean;
}

const JSON_ACCEPT = { Accept: 'application/json' };

function groupBy<K>(images: readonly ImageToCheck[], key: (image: ImageToCheck) => K): Map<K, ImageToCheck[]> {
  const groups = new Map<K, ImageToCheck[]>();
  for (const image of images) {
    const group = groups.get(key(image));
    if (group) group.push(image);
    else groups.set(key(image), [image]);
  }
  return groups;
}

class HarborCheck {
  private readonly base: string;
  /** Repository names per project, undefined where the list could not be read; set once every list has ended. */
  private readonly names = new Map<string, ReadonlySet<string> | undefined>();
  private readonly visibilities = new Map<string, Promise<Visibility | CheckFailed>>();
  /** Settles when every repository list has ended (a missing repository is told where else it is from all of them). */
  private listsRead: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly run: CheckRun,
    private readonly access: RegistryAccess,
    private readonly report: (result: PresenceResult) => void,
  ) {
    this.base = access.baseUrl.replace(/\/+$/, '');
  }

  async execute(images: readonly ImageToCheck[]): Promise<void> {
    const checkable = images.filter((image) => {
      if (isCheckableImage(image)) return true;
      this.report({ status: 'error', image, failure: { kind: 'invalidReference' } });
      return false;
    });
    const projects = new Set(checkable.map((image) => projectOf(image.repository)));
    for (const project of projects) this.visibilities.set(project, this.visibility(project));
    const waiting = groupBy(checkable, (image) => image.repository);
    const checks: Promise<void>[] = [];
    const start = (repository: string, isListed: boolean): void => {
      const repositoryImages = waiting.get(repository);
      if (!repositoryImages) return;
      waiting.delete(repository);
      checks.push(this.checkRepository({ project: projectOf(repository), repository, images: repositoryImages, isListed }));
    };
    // The base project is listed too: an image put under the wrong project is still found there.
    // Each repository a page names is listed at once; the others once every list has ended.
    const listed = new Set([...projects, ...(this.access.project ? [this.access.project] : [])]);
    this.listsRead = Promise.all(
      [...listed].map(async (project) => {
        const names = await this.repositoryNames(project, (page) => page.forEach((repository) => start(repository, true)));
        this.names.set(project, names);
      }),
    );
    try {
      await this.listsRead;
      for (const repository of [...waiting.keys()]) start(repository, false);
    } finally {
      // Every promise is awaited, even when a stop (cancel) ends the reading.
      await Promise.all([...checks, ...this.visibilities.values()]);
    }
  }

  private async checkRepository({ project, repository, images, isListed }: RepositoryGroup): Promise<void> {
    const visibility = await this.visibilities.get(project);
    if (visibility instanceof CheckFailed) {
      images.forEach((image) => this.report(failureResult(image, visibility)));
      return;
    }
    if (visibility === 'private') {
      images.forEach((image) => this.notPullable(image));
      return;
    }
    // Not in a list that was read to its end: no request at all.
    if (visibility === 'noProject' || (!isListed && this.names.get(project))) {
      images.forEach((image) => this.repositoryMissing(image));
      return;
    }
    const name = repository.slice(project.length + 1);
    let listing: ArtifactListing;
    try {
      listing = await this.listArtifacts(project, name, images);
    } catch (error) {
      images.forEach((image) => this.report(failureResult(image, error)));
      return;
    }
    if (listing.kind === 'artifacts' && listing.isTooLong) {
      const { artifacts } = listing;
      await Promise.all(
        images.map((image) =>
          this.lookUp(project, name, image, artifacts).then(this.report, (error: unknown) => this.report(failureResult(image, error))),
        ),
      );
      return;
    }
    // Harbor lists a repository that does not exist as `200 []`; only the repository list tells it from an empty one.
    const isMissing = listing.kind === 'noRepository' || (listing.kind === 'artifacts' && listing.artifacts.length === 0 && !isListed);
    if (isMissing) await this.listsRead;
    for (const image of images) {
      if (listing.kind === 'private') this.notPullable(image);
      // (`isMissing` holds `noRepository` too; the kind test is what narrows `listing` for the branches below.)
      else if (listing.kind === 'noRepository' || isMissing) this.repositoryMissing(image);
      else if (listing.incomplete) this.report(this.partialResult(image, listing.artifacts, listing.incomplete));
      else this.report(resultFromArtifacts(image, listing.artifacts));
    }
  }

  /**
   * The listing had more pages than the cap: an image not among those read is asked for by its
   * tag or digest, as the OCI check HEADs a manifest when a tag list is too long.
   */
  private async lookUp(project: string, name: string, image: ImageToCheck, artifacts: readonly HarborArtifact[]): Promise<PresenceResult> {
    const listed = resultFromArtifacts(image, artifacts);
    if (listed.status === 'present') return listed;
    const answer = await this.run.send({
      method: 'GET',
      url: artifactUrl(this.base, project, name, image.reference),
      headers: JSON_ACCEPT,
    });
    if (answer.status === 404)
      return missingResult(
        image,
        artifacts.flatMap((artifact) => artifact.tags),
      );
    if (answer.status !== 200) throw new CheckFailed({ kind: 'http', status: answer.status });
    const artifact = readArtifact(answer.body);
    if (!artifact) throw new CheckFailed({ kind: 'unreadableAnswer', status: answer.status });
    return presentResult(image, artifact.digest, artifact.manifestMediaType);
  }

  /** Some pages failed: what was found is present, the rest has no answer. */
  private partialResult(image: ImageToCheck, artifacts: readonly HarborArtifact[], failure: CheckFailed): PresenceResult {
    const result = resultFromArtifacts(image, artifacts);
    return result.status === 'present' ? result : failureResult(image, failure);
  }

  private async visibility(project: string): Promise<Visibility | CheckFailed> {
    try {
      const answer = await this.run.send({ method: 'GET', url: projectUrl(this.base, project), headers: JSON_ACCEPT });
      if (answer.status === 401) return 'private';
      if (answer.status === 404) return 'noProject';
      if (answer.status !== 200) return new CheckFailed({ kind: 'http', status: answer.status });
      const isPublic = readIsPublic(answer.body);
      if (isPublic === undefined) return new CheckFailed({ kind: 'unreadableAnswer', status: answer.status });
      // Readable but not public: this session may see it, cluster nodes (anonymous) may not.
      return isPublic ? 'public' : 'private';
    } catch (error) {
      if (error instanceof CheckFailed) return error;
      throw error;
    }
  }

  /**
   * Every repository of `project`, each page's names passed to `onPage` as soon as it is read (its
   * next page is urgent: listings wait on it); undefined when the list cannot be read (private,
   * failing) or is longer than the cap: `elsewhere` then stays unknown, and each repository not
   * named is listed on its own.
   */
  private async repositoryNames(project: string, onPage: (names: readonly string[]) => void): Promise<ReadonlySet<string> | undefined> {
    const pageRequest = (page: number): RegistryRequest => ({
      method: 'GET',
      url: repositoriesUrl(this.base, project, page),
      headers: JSON_ACCEPT,
      isUrgent: true,
    });
    try {
      const answer = await this.run.send(pageRequest(1));
      const names = answer.status === 200 ? readRepositoryNames(answer.body) : undefined;
      if (!names) return undefined;
      const pages = await readPages(this.run, names, answer, pageRequest, readRepositoryNames, undefined, onPage);
      return pages.end === 'lastPage' ? new Set(pages.items) : undefined;
    } catch (error) {
      if (error instanceof CheckFailed) return undefined;
      throw error;
    }
  }

  private async listArtifacts(project: string, name: string, images: readonly ImageToCheck[]): Promise<ArtifactListing> {
    const answer = await this.run.send({ method: 'GET', url: artifactsUrl(this.base, project, name, 1), headers: JSON_ACCEPT });
    if (answer.status === 404) return { kind: 'noRepository' };
    if (answer.status === 401) return { kind: 'private' };
    if (answer.status !== 200) throw new CheckFailed({ kind: 'http', status: answer.status });
    const artifacts = readArtifacts(answer.body);
    if (!artifacts) throw new CheckFailed({ kind: 'unreadableAnswer', status: answer.status });
    const pages = await readPages(
      this.run,
      artifacts,
      answer,
      (page) => ({ method: 'GET', url: artifactsUrl(this.base, project, name, page), headers: JSON_ACCEPT }),
      readArtifacts,
      (read) => hasEveryReference(images, read),
    );
    if (pages.end === 'cap') return { kind: 'artifacts', artifacts: pages.items, isTooLong: true };
    if (pages.end instanceof CheckFailed) return { kind: 'artifacts', artifacts: pages.items, incomplete: pages.end };
    return { kind: 'artifacts', artifacts: pages.items };
  }

  private notPullable(image: ImageToCheck): void {
    this.report({ status: 'notPullableAnonymously', image, reason: 'privateProject' });
  }

  private repositoryMissing(image: ImageToCheck): void {
    const listed = [...this.names.values()].filter((names): names is ReadonlySet<string> => names !== undefined);
    if (listed.length === 0) {
      this.report({ status: 'repositoryMissing', image });
      return;
    }
    this.report({
      status: 'repositoryMissing',
      image,
      elsewhere: findElsewhere(
        image.repository,
        listed.flatMap((names) => [...names]),
      ),
    });
  }
}

/** The strategy for Harbor behind VCD's /ext-api: anonymous REST listings, one per repository and page. */
@Injectable()
export class HarborPresenceChecker implements PresenceChecker {
  private readonly http = inject(HttpClient);

  check(images: readonly ImageToCheck[], options: CheckOptions): Observable<CheckEvent> {
    return streamCheck(this.http, images, options, (run, report) => new HarborCheck(run, options.access, report).execute(images));
  }
}
