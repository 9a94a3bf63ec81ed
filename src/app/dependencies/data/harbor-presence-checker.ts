/*
 * Presence through Harbor's REST API, which answers anonymously for a public project and so works
 * through VCD's /ext-api proxy (which cannot carry a registry token). First, in parallel, the
 * project (`metadata.public`) and its repository list; then one paged artifact listing per
 * repository that exists. A repository that is not in the list costs no request at all.
 */
import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable } from 'rxjs';
import { CheckFailed, CheckRun, failureResult, streamCheck } from './check-run';
import {
  HarborArtifact,
  artifactsUrl,
  hasEveryReference,
  pageCount,
  projectUrl,
  readArtifacts,
  readIsPublic,
  readRepositoryNames,
  repositoriesUrl,
  resultFromArtifacts,
} from './harbor-listing';
import { CheckEvent, CheckOptions, ImageToCheck, PresenceChecker, PresenceResult, RegistryAccess } from './presence-check';
import { findElsewhere, isCheckableImage, projectOf } from './reference-rules';

/** Anonymously Harbor answers 401 for a private project and for one that does not exist alike. */
type Visibility = 'public' | 'private' | 'noProject';

type ArtifactListing =
  | { readonly kind: 'artifacts'; readonly artifacts: readonly HarborArtifact[]; readonly incomplete?: CheckFailed }
  | { readonly kind: 'noRepository' }
  | { readonly kind: 'private' };

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
    if (known && !known.has(repository)) {
      images.forEach((image) => this.repositoryMissing(image));
      return;
    }
    let listing: ArtifactListing;
    try {
      listing = await this.listArtifacts(project, repository.slice(project.length + 1), images);
    } catch (error) {
      images.forEach((image) => this.report(failureResult(image, error)));
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

  /** Every repository of `project`; undefined when the list cannot be read (private, failing): `elsewhere` then stays unknown. */
  private async repositoryNames(project: string): Promise<ReadonlySet<string> | undefined> {
    try {
      const first = await this.namesPage(project, 1);
      if (!first) return undefined;
      const pages = pageCount(first.totalCount, first.names.length);
      const rest = await Promise.all(Array.from({ length: pages - 1 }, (_, index) => this.namesPage(project, index + 2)));
      if (rest.some((page) => page === undefined)) return undefined;
      return new Set([...first.names, ...rest.flatMap((page) => page?.names ?? [])]);
    } catch (error) {
      if (error instanceof CheckFailed) return undefined;
      throw error;
    }
  }

  private async namesPage(project: string, page: number): Promise<{ names: string[]; totalCount: string | null } | undefined> {
    const answer = await this.run.send({ method: 'GET', url: repositoriesUrl(this.base, project, page), headers: JSON_ACCEPT });
    const names = answer.status === 200 ? readRepositoryNames(answer.body) : undefined;
    return names ? { names, totalCount: answer.headers.get('X-Total-Count') } : undefined;
  }

  private async listArtifacts(project: string, name: string, images: readonly ImageToCheck[]): Promise<ArtifactListing> {
    const answer = await this.run.send({ method: 'GET', url: artifactsUrl(this.base, project, name, 1), headers: JSON_ACCEPT });
    if (answer.status === 404) return { kind: 'noRepository' };
    if (answer.status === 401) return { kind: 'private' };
    if (answer.status !== 200) throw new CheckFailed({ kind: 'http', status: answer.status });
    const artifacts = readArtifacts(answer.body);
    if (!artifacts) throw new CheckFailed({ kind: 'unreadableAnswer', status: answer.status });
    const pages = pageCount(answer.headers.get('X-Total-Count'), artifacts.length);
    if (pages === 1 || hasEveryReference(images, artifacts)) return { kind: 'artifacts', artifacts };
    try {
      const rest = await Promise.all(Array.from({ length: pages - 1 }, (_, index) => this.artifactPage(project, name, index + 2)));
      return { kind: 'artifacts', artifacts: [...artifacts, ...rest.flat()] };
    } catch (error) {
      if (error instanceof CheckFailed) return { kind: 'artifacts', artifacts, incomplete: error };
      throw error;
    }
  }

  private async artifactPage(project: string, name: string, page: number): Promise<HarborArtifact[]> {
    const answer = await this.run.send({ method: 'GET', url: artifactsUrl(this.base, project, name, page), headers: JSON_ACCEPT });
    if (answer.status !== 200) throw new CheckFailed({ kind: 'http', status: answer.status });
    const artifacts = readArtifacts(answer.body);
    if (!artifacts) throw new CheckFailed({ kind: 'unreadableAnswer', status: answer.status });
    return artifacts;
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
