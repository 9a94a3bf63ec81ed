// Harbor's view of the registry, from the index the pushes keep up to date (harbor-index.ts:
// tags, manifests, config blobs — like Harbor's database, not the registry asked per listing)
// plus Harbor's own rows (ids, times): projects, repositories, and artifacts as Harbor lists
// them — one per top-level digest (an index hides its children, which appear as `references`),
// tagged or reached by a tag.
import type { Project } from '../token-service.js';
import type { StoredManifest } from './distribution-client.js';
import type { HarborDb } from './harbor-db.js';
import type { HarborIndex } from './harbor-index.js';

export interface ProjectView extends Project {
  id: number;
  creationTime: string;
}

export interface RepositoryView {
  /** With the project (`cse/tkg/kube-proxy`), as Harbor names repositories. */
  name: string;
  id: number;
  projectId: number;
  creationTime: string;
  updateTime: string;
  tags: string[];
}

export interface PlatformView {
  architecture?: string;
  os?: string;
  variant?: string;
  'os.version'?: string;
  'os.features'?: string[];
}

export interface ArtifactView {
  id: number;
  digest: string;
  manifestMediaType: string;
  /** The config's media type for an image, the manifest's own for an index (Harbor's abstractor). */
  mediaType: string;
  size: number;
  projectId: number;
  repositoryId: number;
  repositoryName: string;
  pushTime: string;
  tags: { id: number; name: string; pushTime: string }[];
  references: { childId: number; childDigest: string; platform: PlatformView | undefined }[] | undefined;
  extraAttrs: Record<string, unknown> | undefined;
  annotations: Record<string, string> | undefined;
}

interface Descriptor {
  mediaType?: string;
  digest?: string;
  size?: number;
  platform?: PlatformView & { 'os.version'?: string };
}
interface ManifestJson {
  mediaType?: string;
  config?: Descriptor;
  layers?: Descriptor[];
  manifests?: Descriptor[];
  annotations?: Record<string, string>;
}

const INDEX_TYPES = ['application/vnd.oci.image.index.v1+json', 'application/vnd.docker.distribution.manifest.list.v2+json'];

export class HarborData {
  private readonly projects: ProjectView[];

  constructor(
    private readonly index: HarborIndex,
    private readonly db: HarborDb,
    projects: readonly Project[],
  ) {
    // Harbor numbers projects in creation order; the sandbox creates them in the catalog's order.
    this.projects = projects.map((project, index) => ({ ...project, id: index + 1, creationTime: db.createdAt }));
  }

  /** By name, or by id when `nameOrId` is a number and `isResourceName` is not set (Harbor's rule). */
  project(nameOrId: string, isResourceName = false): ProjectView | undefined {
    if (!isResourceName && /^\d+$/.test(nameOrId)) return this.projects.find((project) => project.id === Number(nameOrId));
    return this.projects.find((project) => project.name === nameOrId);
  }

  /** The project's repositories that hold at least one tag, newest first (Harbor's default sort). */
  async repositories(project: ProjectView): Promise<RepositoryView[]> {
    const present = this.index
      .repositoryNames()
      .filter((name) => name.startsWith(`${project.name}/`))
      .map((name) => ({ name, tags: this.index.tags(name) }));
    await this.db.ensure(present.map((repo) => repo.name));
    return present
      .map(({ name, tags }) => {
        const row = this.db.repository(name);
        return { name, tags, id: row.id, projectId: project.id, creationTime: row.creationTime, updateTime: row.updateTime };
      })
      .sort((a, b) => b.creationTime.localeCompare(a.creationTime) || b.id - a.id);
  }

  /** The top-level artifacts of a repository (none when it does not exist), newest push first. */
  async artifacts(project: ProjectView, repositoryName: string, tags?: readonly string[]): Promise<ArtifactView[]> {
    const tagsByDigest = new Map<string, string[]>();
    for (const tag of tags ?? this.index.tags(repositoryName)) {
      const digest = this.index.digestOf(repositoryName, tag);
      if (digest) tagsByDigest.set(digest, [...(tagsByDigest.get(digest) ?? []), tag]);
    }
    const manifests = await Promise.all([...tagsByDigest.keys()].map((digest) => this.index.manifest(repositoryName, digest)));
    const children = manifests.flatMap((manifest) => (asManifest(manifest).manifests ?? []).map((child) => child.digest ?? ''));
    await this.db.ensure(
      [repositoryName],
      [
        ...manifests.map((manifest) => ({
          repository: repositoryName,
          digest: manifest.digest,
          tags: tagsByDigest.get(manifest.digest) ?? [],
        })),
        ...children.map((digest) => ({ repository: repositoryName, digest, tags: [] })),
      ],
    );
    const views = await Promise.all(
      manifests.map((manifest) => this.artifactView(project, repositoryName, manifest, tagsByDigest.get(manifest.digest) ?? [])),
    );
    return views.sort((a, b) => b.pushTime.localeCompare(a.pushTime) || b.id - a.id);
  }

  /** One artifact by tag or digest, or undefined. */
  async artifact(project: ProjectView, repositoryName: string, reference: string): Promise<ArtifactView | undefined> {
    const digest = this.index.digestOf(repositoryName, reference);
    if (!digest) return undefined;
    return (await this.artifacts(project, repositoryName)).find((artifact) => artifact.digest === digest);
  }

  private async artifactView(
    project: ProjectView,
    repositoryName: string,
    manifest: StoredManifest,
    tags: string[],
  ): Promise<ArtifactView> {
    const json = asManifest(manifest);
    const manifestMediaType = json.mediaType ?? manifest.mediaType;
    const row = this.db.artifact(repositoryName, manifest.digest);
    const base = {
      id: row.id,
      digest: manifest.digest,
      manifestMediaType,
      projectId: project.id,
      repositoryId: this.db.repository(repositoryName).id,
      repositoryName,
      pushTime: row.pushTime,
      annotations: json.annotations,
      tags: tags
        .map((name) => ({ name, ...this.db.tag(repositoryName, name) }))
        .map(({ id, name, pushTime }) => ({ id, name, pushTime }))
        .sort((a, b) => b.pushTime.localeCompare(a.pushTime) || b.id - a.id),
    };
    if (INDEX_TYPES.includes(manifestMediaType)) {
      const children = json.manifests ?? [];
      const childSizes = await Promise.all(
        children.map(async (child) =>
          imageSize(asManifest(await this.index.manifest(repositoryName, child.digest ?? '')), child.size ?? 0),
        ),
      );
      return {
        ...base,
        mediaType: manifestMediaType,
        size: manifest.body.length + childSizes.reduce((sum, size) => sum + size, 0),
        references: children.map((child) => ({
          childId: this.db.artifact(repositoryName, child.digest ?? '').id,
          childDigest: child.digest ?? '',
          platform: child.platform,
        })),
        extraAttrs: undefined,
      };
    }
    const configDigest = json.config?.digest ?? '';
    const config = JSON.parse((await this.index.blob(repositoryName, configDigest)).toString('utf8')) as {
      architecture?: string;
      os?: string;
      created?: string;
      author?: string;
      config?: { Labels?: Record<string, string> } & Record<string, unknown>;
    };
    const labels = config.config?.Labels ?? {};
    return {
      ...base,
      mediaType: json.config?.mediaType ?? '',
      size: imageSize(json, manifest.body.length),
      references: undefined,
      extraAttrs: {
        architecture: config.architecture ?? '',
        author: config.author || labels['org.opencontainers.image.authors'] || labels['maintainer'] || '',
        config: config.config ?? {},
        created: config.created ?? '0001-01-01T00:00:00Z',
        os: config.os ?? '',
      },
    };
  }
}

/** Harbor's size of an image: its manifest, its config and its layers. */
function imageSize(manifest: ManifestJson, manifestLength: number): number {
  return manifestLength + (manifest.config?.size ?? 0) + (manifest.layers ?? []).reduce((sum, layer) => sum + (layer.size ?? 0), 0);
}

function asManifest(manifest: StoredManifest): ManifestJson {
  return typeof manifest.json === 'object' && manifest.json !== null ? (manifest.json as ManifestJson) : {};
}
