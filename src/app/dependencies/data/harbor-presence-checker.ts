/*
 * Presence through Harbor's REST API, which answers anonymously for a public project and so works
 * through VCD's /ext-api proxy (which cannot carry a registry token). First, in parallel, the
 * project (`metadata.public`) and its repository list; then one paged artifact listing per
 * repository that exists. A repository that is not in the list costs no request at all. Pages are
 * read one after another and at most MAX_LISTING_PAGES of them: `X-Total-Count` never sizes a loop.
 */
import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable } from 'rxjs';
import { CheckFailed, CheckRun, RegistryAnswer } from './check-run';
import { failureResult, streamCheck } from './check-stream';
import {
  HarborArtifact,
  artifactUrl,
  artifactsUrl,
  hasEveryReference,
  hasNextPage,
  projectUrl,
  readArtifact,
  readArtifacts,
  readIsPublic,
  readRepositoryNames,
  repositoriesUrl,
  resultFromArtifacts,
} from './harbor-listing';
import {
  CheckEvent,
  CheckOptions,
  ImageToCheck,
  MAX_LISTING_PAGES,
  PresenceChecker,
  PresenceResult,
  RegistryAccess,
} from './presence-check';
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

/** Every page that was read; `end` says why the reading stopped. */
interface Pages<T> {
  readonly items: readonly T[];
  readonly end: 'lastPage' | 'cap' | CheckFailed;
}

interface RepositoryGroup {
  readonly project: string;
  readonly repository: string;
  readonly images: readonly ImageToCheck[];
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
  /** Repository names per project, undefined where the list could not be read. */
  private readonly names = new Map<string, ReadonlySet<string> | undefined>();

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
    const byProject = groupBy(checkable, (image) => projectOf(image.repository));
    // The base project is listed too: an image put under the wrong project is still found there.
    const listed = new Set([...byProject.keys(), ...(this.access.project ? [this.access.project] : [])]);
    const [visibilities] = await Promise.all([
      Promise.all([...byProject.keys()].map(async (project) => [project, await this.visibility(project)] as const)),
      Promise.all([...listed].map(async (project) => this.names.set(project, await this.repositoryNames(project)))),
    ]);

    const groups: RepositoryGroup[] = [];
    for (const [project, visibility] of visibilities) {
      const projectImages = byProject.get(project) ?? [];
      if (visibility instanceof CheckFailed) projectImages.forEach((image) => this.report(failureResult(image, visibility)));
      else if (visibility === 'private') projectImages.forEach((image) => this.notPullable(image));
      else if (visibility === 'noProject') projectImages.forEach((image) => this.repositoryMissing(image));
      else
        for (const [repository, repositoryImages] of groupBy(projectImages, (image) => image.repository)) {
          groups.push({ project, repository, images: repositoryImages });
        }
    }
    await this.run.forEach(groups, (group) => this.checkRepository(group));
  }

  private async checkRepository({ project, repository, images }: RepositoryGroup): Promise<void> {
    const known = this.names.get(project);
    const name = repository.slice(project.length + 1);
    if (known && !known.has(repository)) {
      images.forEach((image) => this.repositoryMissing(image));
      return;
    }
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
    for (const image of images) {
      if (listing.kind === 'private') this.notPullable(image);
      // Harbor lists a repository that does not exist as `200 []`; only the repository list tells it from an empty one.
      else if (listing.kind === 'noRepository' || (listing.artifacts.length === 0 && !known)) this.repositoryMissing(image);
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
   * Every repository of `project`; undefined when the list cannot be read (private, failing) or is
   * longer than the cap: `elsewhere` then stays unknown, and each repository is listed on its own.
   */
  private async repositoryNames(project: string): Promise<ReadonlySet<string> | undefined> {
    try {
      const answer = await this.run.send({ method: 'GET', url: repositoriesUrl(this.base, project, 1), headers: JSON_ACCEPT });
      const names = answer.status === 200 ? readRepositoryNames(answer.body) : undefined;
      if (!names) return undefined;
      const pages = await this.readPages(names, answer, (page) => repositoriesUrl(this.base, project, page), readRepositoryNames);
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
    const pages = await this.readPages(
      artifacts,
      answer,
      (page) => artifactsUrl(this.base, project, name, page),
      readArtifacts,
      (read) => hasEveryReference(images, read),
    );
    if (pages.end === 'cap') return { kind: 'artifacts', artifacts: pages.items, isTooLong: true };
    if (pages.end instanceof CheckFailed) return { kind: 'artifacts', artifacts: pages.items, incomplete: pages.end };
    return { kind: 'artifacts', artifacts: pages.items };
  }

  /**
   * The pages after `first`, one at a time, until a short or empty page, all that `X-Total-Count`
   * counts, `isEnough`, or MAX_LISTING_PAGES pages in all. A page that fails ends the reading.
   */
  private async readPages<T>(
    first: readonly T[],
    firstAnswer: RegistryAnswer,
    urlOf: (page: number) => string,
    read: (body: string) => T[] | undefined,
    isEnough: (items: readonly T[]) => boolean = () => false,
  ): Promise<Pages<T>> {
    const items = [...first];
    let last = { length: first.length, totalCount: firstAnswer.headers.get('X-Total-Count') };
    for (let page = 2; hasNextPage(last.length, items.length, last.totalCount) && !isEnough(items); page++) {
      if (page > MAX_LISTING_PAGES) return { items, end: 'cap' };
      let answer: RegistryAnswer;
      try {
        answer = await this.run.send({ method: 'GET', url: urlOf(page), headers: JSON_ACCEPT });
      } catch (error) {
        if (error instanceof CheckFailed) return { items, end: error };
        throw error;
      }
      if (answer.status !== 200) return { items, end: new CheckFailed({ kind: 'http', status: answer.status }) };
      const pageItems = read(answer.body);
      if (!pageItems) return { items, end: new CheckFailed({ kind: 'unreadableAnswer', status: answer.status }) };
      // One by one: a hostile page of a million items must not overflow the stack of a spread push.
      for (const item of pageItems) items.push(item);
      last = { length: pageItems.length, totalCount: answer.headers.get('X-Total-Count') };
    }
    return { items, end: 'lastPage' };
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
