/*
 * In-process registries for the presence specs: they answer HttpTestingController requests the
 * way distribution + Harbor's token service (FakeOciRegistry) and Harbor's REST API (FakeHarbor)
 * do, including the traps the checkers must avoid (no Accept list → 404 for OCI images; a
 * repository name encoded once → 404; Harbor's Link header encoded once) — and, when told to, the
 * answers of a hostile registry (huge headers, a count of 10^12, a next page forever).
 */
import { TestRequest } from '@angular/common/http/testing';
import { image } from './check-harness';

export * from './check-harness';

export const OCI_INDEX = 'application/vnd.oci.image.index.v1+json';
export const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json';
export const DOCKER_LIST = 'application/vnd.docker.distribution.manifest.list.v2+json';
export const DOCKER_MANIFEST = 'application/vnd.docker.distribution.manifest.v2+json';

interface Artifact {
  readonly digest: string;
  readonly mediaType: string;
  readonly tags: string[];
}

export interface FakeRegistryOptions {
  readonly base: string;
  /** Projects whose repositories anonymous callers may not pull. */
  readonly privateProjects?: readonly string[];
}

let digestCounter = 0;
function nextDigest(): string {
  digestCounter++;
  return `sha256:${digestCounter.toString(16).padStart(64, '0')}`;
}

/** Repositories and their artifacts, shared by both fakes. */
export abstract class FakeStore {
  /** `METHOD path` of every request answered, in order. */
  readonly answered: string[] = [];
  protected readonly repositories = new Map<string, Artifact[]>();

  constructor(protected readonly options: FakeRegistryOptions) {}

  /** Pushes `repository:tag` (full path, project first); returns its digest (a new one unless given). */
  push(repository: string, tag: string, mediaType = DOCKER_MANIFEST, digest = nextDigest()): string {
    const artifacts = this.repositories.get(repository) ?? [];
    artifacts.push({ digest, mediaType, tags: [tag] });
    this.repositories.set(repository, artifacts);
    return digest;
  }

  protected isPrivate(repository: string): boolean {
    return (this.options.privateProjects ?? []).includes(repository.split('/')[0] ?? '');
  }

  protected path(request: TestRequest): string {
    return request.request.url.slice(this.options.base.length).split('?')[0] ?? '';
  }

  answer(request: TestRequest): void {
    this.answered.push(`${request.request.method} ${request.request.url.slice(this.options.base.length)}`);
    this.respond(request);
  }

  /** How many answered requests went to a path that contains `fragment`. */
  count(fragment: string): number {
    return this.answered.filter((line) => line.includes(fragment)).length;
  }

  protected abstract respond(request: TestRequest): void;
}

function json(request: TestRequest, body: unknown, status = 200, headers: Record<string, string> = {}): void {
  request.flush(JSON.stringify(body), { status, statusText: String(status), headers: { 'Content-Type': 'application/json', ...headers } });
}

/** What a hostile Harbor claims: 10^12 items. */
export const HOSTILE_TOTAL_COUNT = '1000000000000';

export class FakeOciRegistry extends FakeStore {
  /** The repositories each token request asked for, in order. */
  readonly tokenRequests: string[][] = [];
  /** Tags per `tags/list` page (distribution's `n`, with a `Link` to the next page); all at once when unset. */
  tagPageSize?: number;
  /** Hostile: sent instead of the Bearer challenge on every 401. */
  wwwAuthenticate?: string;
  /** Hostile: sent as the `Link` of every tag list page. */
  tagListLink?: string;
  /** Hostile: every tag list page is full of made-up tags (never the pushed ones) and links to the next, forever. */
  endlessTagPages = false;
  private readonly grants = new Map<string, Set<string>>();

  protected respond(request: TestRequest): void {
    const path = this.path(request);
    if (path === '/service/token') return this.issueToken(request);
    const match = /^\/v2\/(.+)\/(manifests\/[^/]+|tags\/list)$/.exec(path);
    if (!match) return json(request, { errors: [{ code: 'NOT_FOUND' }] }, 404);
    const [, repository = '', what = ''] = match;
    const token = /^Bearer (.+)$/.exec(request.request.headers.get('Authorization') ?? '')?.[1];
    if (!token || !this.grants.get(token)?.has(repository)) {
      const error = token ? ',error="insufficient_scope"' : '';
      return json(request, { errors: [{ code: 'UNAUTHORIZED' }] }, 401, {
        'WWW-Authenticate':
          this.wwwAuthenticate ??
          `Bearer realm="${this.options.base}/service/token",service="harbor-registry",scope="repository:${repository}:pull"${error}`,
      });
    }
    const artifacts = this.repositories.get(repository);
    if (what === 'tags/list') return this.listTags(request, repository, artifacts);
    const reference = what.slice('manifests/'.length);
    const accepted = (request.request.headers.get('Accept') ?? '').split(',').map((type) => type.trim());
    const artifact = artifacts?.find((candidate) => candidate.tags.includes(reference) || candidate.digest === reference);
    // distribution falls back to schema 1 and then 404 for an OCI image the client did not accept.
    if (!artifact || !accepted.includes(artifact.mediaType)) return json(request, { errors: [{ code: 'MANIFEST_UNKNOWN' }] }, 404);
    request.flush('', {
      status: 200,
      statusText: 'OK',
      headers: { 'Docker-Content-Digest': artifact.digest, 'Content-Type': artifact.mediaType },
    });
  }

  private listTags(request: TestRequest, repository: string, artifacts: readonly Artifact[] | undefined): void {
    if (!artifacts) return json(request, { errors: [{ code: 'NAME_UNKNOWN' }] }, 404);
    if (!this.endlessTagPages) {
      const headers: Record<string, string> = this.tagListLink === undefined ? {} : { Link: this.tagListLink };
      return this.tagPage(
        request,
        repository,
        artifacts.flatMap((artifact) => artifact.tags),
        headers,
      );
    }
    const page = Number(new URL(request.request.urlWithParams).searchParams.get('last')?.split('-')[1] ?? 0) + 1;
    const tags = Array.from({ length: 100 }, (_, index) => `filler-${page}-${index}`);
    const link = `</v2/${repository}/tags/list?last=${tags[tags.length - 1]}&n=100>; rel="next"`;
    json(request, { name: repository, tags }, 200, { Link: this.tagListLink ?? link });
  }

  private tagPage(request: TestRequest, repository: string, tags: string[], headers: Record<string, string>): void {
    const size = this.tagPageSize;
    if (size === undefined) return json(request, { name: repository, tags }, 200, headers);
    const last = new URL(request.request.urlWithParams).searchParams.get('last');
    const start = last === null ? 0 : tags.indexOf(last) + 1;
    const page = tags.slice(start, start + size);
    const next = start + size < tags.length ? `</v2/${repository}/tags/list?last=${page.at(-1)}&n=${size}>; rel="next"` : undefined;
    json(request, { name: repository, tags: page }, 200, next ? { Link: next, ...headers } : headers);
  }

  private issueToken(request: TestRequest): void {
    const url = new URL(request.request.urlWithParams);
    const repositories = url.searchParams.getAll('scope').map((scope) => scope.split(':')[1] ?? '');
    this.tokenRequests.push(repositories);
    const token = `token-${this.tokenRequests.length}`;
    this.grants.set(token, new Set(repositories.filter((repository) => !this.isPrivate(repository))));
    json(request, { token, access_token: token, expires_in: 1800, issued_at: '2024-01-01T00:00:00Z' });
  }
}

export class FakeHarbor extends FakeStore {
  /** Real Harbor answers `200 []` for the artifacts of a repository that does not exist; some proxies 404. */
  missingRepositoryStatus: 200 | 404 = 200;
  /** Hostile: sent as `X-Total-Count` instead of the true count. */
  totalCount?: string;
  /** Hostile: after the true items, every listing goes on with made-up ones, a full page every time, forever. */
  endlessListings = false;

  protected respond(request: TestRequest): void {
    // Harbor's nginx decodes the path once before core routes it.
    const path = decodeURIComponent(this.path(request));
    const url = new URL(request.request.urlWithParams);
    const page = Number(url.searchParams.get('page') ?? 1);
    const pageSize = Number(url.searchParams.get('page_size') ?? 10);
    const project = /^\/api\/v2\.0\/projects\/([^/]+)/.exec(path)?.[1] ?? '';
    const isKnown = [...this.repositories.keys()].some((name) => name.startsWith(`${project}/`));
    if (!isKnown || this.isPrivate(`${project}/`))
      return json(request, { errors: [{ code: 'UNAUTHORIZED', message: 'unauthorized' }] }, 401);
    if (path === `/api/v2.0/projects/${project}`) return json(request, { name: project, metadata: { public: 'true' } });
    if (path === `/api/v2.0/projects/${project}/repositories`) {
      const names = [...this.repositories.keys()].filter((name) => name.startsWith(`${project}/`)).sort();
      return this.page(
        request,
        url,
        names.map((name) => ({ name })),
        page,
        pageSize,
      );
    }
    const oneArtifact = /^\/api\/v2\.0\/projects\/[^/]+\/repositories\/([^/]+)\/artifacts\/([^/]+)$/.exec(path);
    if (oneArtifact) return this.artifact(request, `${project}/${decodeURIComponent(oneArtifact[1] ?? '')}`, oneArtifact[2] ?? '');
    const artifactsMatch = /^\/api\/v2\.0\/projects\/[^/]+\/repositories\/([^/]+)\/artifacts$/.exec(path);
    if (!artifactsMatch) return json(request, { errors: [{ code: 'NOT_FOUND', message: `path ${path} was not found` }] }, 404);
    const repository = `${project}/${decodeURIComponent(artifactsMatch[1] ?? '')}`;
    const artifacts = this.repositories.get(repository);
    if (!artifacts && this.missingRepositoryStatus === 404) return json(request, { errors: [{ code: 'NOT_FOUND' }] }, 404);
    this.page(request, url, (artifacts ?? []).map(harborArtifact), page, pageSize);
  }

  /** `GET …/artifacts/{tag or digest}`: the artifact, or 404 as Harbor answers. */
  private artifact(request: TestRequest, repository: string, reference: string): void {
    const artifact = this.repositories
      .get(repository)
      ?.find((candidate) => candidate.tags.includes(reference) || candidate.digest === reference);
    if (!artifact) return json(request, { errors: [{ code: 'NOT_FOUND', message: `artifact ${repository}:${reference} not found` }] }, 404);
    json(request, harborArtifact(artifact));
  }

  private page(request: TestRequest, url: URL, items: unknown[], page: number, pageSize: number): void {
    // Built as Harbor's core does: from the path it received, so the repository name is encoded once.
    const next = `<${decodeURIComponent(url.pathname)}?page=${page + 1}&page_size=${pageSize}>; rel="next"`;
    const filler = (index: number): unknown =>
      url.pathname.endsWith('/repositories') ? { name: `filler/${index}` } : fillerArtifact(index);
    const listed = this.endlessListings
      ? Array.from({ length: pageSize }, (_, offset) => filler((page - 1) * pageSize + offset))
      : items.slice((page - 1) * pageSize, page * pageSize);
    const headers: Record<string, string> = {
      'X-Total-Count': this.totalCount ?? String(items.length),
      ...(this.endlessListings || page * pageSize < items.length ? { Link: next } : {}),
    };
    json(request, listed, 200, headers);
  }
}

function harborArtifact(artifact: Artifact): unknown {
  return {
    digest: artifact.digest,
    manifest_media_type: artifact.mediaType,
    media_type: 'application/vnd.docker.container.image.v1+json',
    tags: artifact.tags.map((name, id) => ({ id, name, immutable: false })),
    type: 'IMAGE',
  };
}

function fillerArtifact(index: number): unknown {
  const digest = `sha256:${index.toString(16).padStart(64, 'f')}`;
  return harborArtifact({ digest, mediaType: DOCKER_MANIFEST, tags: [`filler-${index}`] });
}

/**
 * The sandbox's CSE 4.2.1 seed (sandbox/registry/seed-images.json) as the check sees it: what the
 * catalog asks for under the base `cse`, and what the registry actually holds (the gaps: csi-resizer
 * never pushed, coredns at another TKG release's tag, csi-crs-airgapped as `v1.6.0`, the CPI one
 * level too high).
 */
export const SANDBOX_421 = {
  wanted: [
    'cse/vmware-cloud-director/cluster-api-provider-cloud-director:v1.3.0',
    'cse/vmware-cloud-director/cloud-director-named-disk-csi-driver:1.6.0',
    'cse/vmware-cloud-director/cloud-provider-for-cloud-director:1.6.0',
    'cse/vmware-cloud-director/rde-projector:0.7.0',
    'cse/vmware-cloud-director/capvcd-manifest-airgapped:v1.3.0',
    'cse/vmware-cloud-director/cpi-crs-airgapped:1.6.0',
    'cse/vmware-cloud-director/csi-crs-airgapped:1.6.0',
    'cse/vmware-cloud-director/sig-storage/csi-node-driver-registrar:v2.2.0',
    'cse/vmware-cloud-director/sig-storage/csi-attacher:v3.2.1',
    'cse/vmware-cloud-director/sig-storage/csi-provisioner:v2.2.2',
    'cse/vmware-cloud-director/sig-storage/csi-resizer:v1.4.0',
    'cse/tkg/kube-apiserver:v1.27.5_vmware.1',
    'cse/tkg/kube-controller-manager:v1.27.5_vmware.1',
    'cse/tkg/kube-scheduler:v1.27.5_vmware.1',
    'cse/tkg/kube-proxy:v1.27.5_vmware.1',
    'cse/tkg/etcd:v3.5.7_vmware.6',
    'cse/tkg/coredns:v1.10.1_vmware.7',
    'cse/tanzu_cli/plugins/plugin-inventory:latest',
  ],
  held: [
    ['cse/vmware-cloud-director/cluster-api-provider-cloud-director:v1.3.0', OCI_INDEX],
    ['cse/vmware-cloud-director/cloud-director-named-disk-csi-driver:1.6.0', DOCKER_MANIFEST],
    ['cse/vmware-cloud-director/rde-projector:0.7.0', DOCKER_MANIFEST],
    ['cse/vmware-cloud-director/capvcd-manifest-airgapped:v1.3.0', OCI_MANIFEST],
    ['cse/vmware-cloud-director/cpi-crs-airgapped:1.6.0', OCI_MANIFEST],
    ['cse/vmware-cloud-director/sig-storage/csi-node-driver-registrar:v2.2.0', DOCKER_MANIFEST],
    ['cse/vmware-cloud-director/sig-storage/csi-attacher:v3.2.1', DOCKER_MANIFEST],
    ['cse/vmware-cloud-director/sig-storage/csi-provisioner:v2.2.2', DOCKER_LIST],
    ['cse/tkg/kube-apiserver:v1.27.5_vmware.1', DOCKER_MANIFEST],
    ['cse/tkg/kube-controller-manager:v1.27.5_vmware.1', DOCKER_MANIFEST],
    ['cse/tkg/kube-scheduler:v1.27.5_vmware.1', DOCKER_MANIFEST],
    ['cse/tkg/kube-proxy:v1.27.5_vmware.1', DOCKER_MANIFEST],
    ['cse/tkg/etcd:v3.5.7_vmware.6', OCI_MANIFEST],
    ['cse/tanzu_cli/plugins/plugin-inventory:latest', OCI_MANIFEST],
    ['cse/vmware-cloud-director/csi-crs-airgapped:v1.6.0', DOCKER_MANIFEST],
    ['cse/tkg/coredns:v1.10.1_vmware.12', OCI_MANIFEST],
    ['cse/cloud-provider-for-cloud-director:1.6.0', DOCKER_MANIFEST],
    ['private/vmware-cloud-director/cluster-api-provider-cloud-director:v1.3.0', DOCKER_MANIFEST],
  ] as ReadonlyArray<readonly [string, string]>,
};

export function seed(store: FakeStore, held: ReadonlyArray<readonly [string, string]>): void {
  for (const [reference, mediaType] of held) {
    const { repository, reference: tag } = image(reference);
    store.push(repository, tag, mediaType);
  }
}
