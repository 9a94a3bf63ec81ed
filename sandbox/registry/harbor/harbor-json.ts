// Harbor v2.0's JSON, as go-swagger writes it for Harbor 2.10: keys in alphabetical order (Go
// marshals maps sorted and go-swagger sorts struct fields), times as `2006-01-02T15:04:05.000Z`,
// array fields as `null` when empty (`"labels":null`), empty maps left out, project metadata as
// strings (`"public": "true"`). Paging: `page` (default 1), `page_size` (default 10, at most 100),
// `X-Total-Count`, and `Link: <…>; rel="prev" , <…>; rel="next"` built from the URL core received.
import type { ArtifactView, ProjectView, RepositoryView } from './harbor-data.js';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export const ZERO_TIME = '0001-01-01T00:00:00.000Z';
/** The icon Harbor gives every IMAGE artifact (its digest in Harbor's icon table). */
export const IMAGE_ICON = 'sha256:0048162a053eef4d4ce3fe7518615bef084403614f8bca43b40ae2e762e11e06';
const IMAGE_MEDIA_TYPES = [
  'application/vnd.docker.container.image.v1+json',
  'application/vnd.oci.image.config.v1+json',
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
];

export const DEFAULT_PAGE_SIZE = 10;
export const MAX_PAGE_SIZE = 100;

/** Sorts object keys at every level, as Go's encoding/json does for maps and go-swagger for models. */
export function sortKeys(value: unknown): Json {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || value === undefined) return null;
  if (typeof value === 'object') {
    const sorted: { [key: string]: Json } = {};
    for (const key of Object.keys(value).sort()) {
      const child = (value as Record<string, unknown>)[key];
      if (child !== undefined) sorted[key] = sortKeys(child);
    }
    return sorted;
  }
  return value as Json;
}

export function projectJson(project: ProjectView, repoCount: number, isAdmin: boolean): Json {
  return sortKeys({
    creation_time: project.creationTime,
    // The role of the caller: the admin owns the projects (1, project admin); anonymous has none.
    current_user_role_id: isAdmin ? 1 : undefined,
    current_user_role_ids: isAdmin ? [1] : null,
    cve_allowlist: { creation_time: ZERO_TIME, id: project.id, items: [], project_id: project.id, update_time: ZERO_TIME },
    metadata: { public: String(project.public) },
    name: project.name,
    owner_id: 1,
    owner_name: 'admin',
    project_id: project.id,
    repo_count: repoCount,
    update_time: project.creationTime,
  });
}

export function repositoryJson(repository: RepositoryView, artifactCount: number): Json {
  return sortKeys({
    artifact_count: artifactCount,
    creation_time: repository.creationTime,
    id: repository.id,
    name: repository.name,
    project_id: repository.projectId,
    pull_count: 0,
    update_time: repository.updateTime,
  });
}

/** `repositoryPathName` is the name as it appears in this API's paths (`tkg%252Fkube-proxy`). */
export function artifactJson(artifact: ArtifactView, opts: { withTag: boolean; projectName: string; repositoryPathName: string }): Json {
  const isImage = IMAGE_MEDIA_TYPES.includes(artifact.mediaType);
  const isIndex = artifact.references !== undefined;
  const additionBase = `/api/v2.0/projects/${opts.projectName}/repositories/${opts.repositoryPathName}/artifacts/${artifact.digest}/additions`;
  return sortKeys({
    accessories: null,
    addition_links: isImage && !isIndex ? { build_history: { absolute: false, href: `${additionBase}/build_history` } } : undefined,
    annotations: artifact.annotations,
    digest: artifact.digest,
    extra_attrs: artifact.extraAttrs,
    icon: isImage ? IMAGE_ICON : '',
    id: artifact.id,
    labels: null,
    manifest_media_type: artifact.manifestMediaType,
    media_type: artifact.mediaType,
    project_id: artifact.projectId,
    pull_time: ZERO_TIME,
    push_time: artifact.pushTime,
    references: isIndex
      ? artifact.references?.map((reference) => ({
          child_digest: reference.childDigest,
          child_id: reference.childId,
          parent_id: artifact.id,
          platform: reference.platform,
          urls: null,
        }))
      : null,
    repository_id: artifact.repositoryId,
    size: artifact.size,
    tags: opts.withTag
      ? artifact.tags.map((tag) => ({
          artifact_id: artifact.id,
          id: tag.id,
          immutable: false,
          name: tag.name,
          pull_time: ZERO_TIME,
          push_time: tag.pushTime,
          repository_id: artifact.repositoryId,
        }))
      : null,
    type: isImage ? 'IMAGE' : 'UNKNOWN',
  });
}

export function systemInfoJson(isAuthenticated: boolean, externalUrl: string, version: string): Json {
  const anonymous = {
    auth_mode: 'db_auth',
    banner_message: '',
    harbor_version: version,
    oidc_provider_name: '',
    primary_auth_mode: false,
    self_registration: false,
  };
  if (!isAuthenticated) return sortKeys(anonymous);
  return sortKeys({
    ...anonymous,
    current_time: new Date().toISOString(),
    external_url: externalUrl,
    has_ca_root: true,
    notification_enable: true,
    project_creation_restriction: 'everyone',
    read_only: false,
    registry_storage_provider_name: 'filesystem',
    registry_url: new URL(externalUrl).host,
  });
}

export interface Paging {
  page: number;
  pageSize: number;
}

/** Validation of `page`/`page_size` as go-swagger does it; returns the 422 message or the values. */
export function parsePaging(query: URLSearchParams): Paging | { invalid: string } {
  const problems: string[] = [];
  const integer = (name: string, fallback: number): number => {
    const raw = query.get(name);
    if (raw === null) return fallback;
    if (!/^-?\d+$/.test(raw)) {
      problems.push(`${name} in query must be of type int64: "${raw}"`);
      return fallback;
    }
    return Number(raw);
  };
  const page = integer('page', 1);
  const pageSize = integer('page_size', DEFAULT_PAGE_SIZE);
  if (pageSize > MAX_PAGE_SIZE) problems.push(`page_size in query should be less than or equal to ${MAX_PAGE_SIZE}`);
  return problems.length > 0 ? { invalid: `validation failure list:\n${problems.join('\n')}` } : { page, pageSize };
}

/** Harbor's slice: no limit when page_size is 0, no offset when page is 0 or less. */
export function pageOf<T>(items: readonly T[], { page, pageSize }: Paging): T[] {
  if (pageSize <= 0) return [...items];
  const offset = page > 0 ? (page - 1) * pageSize : 0;
  return items.slice(offset, offset + pageSize);
}

/**
 * Harbor's Link header (BaseAPI.Links): prev and next only, on the URL as core received it (after
 * nginx decoded the path once, so `%252F` comes back as `%2F`), query keys sorted and unescaped.
 */
export function linkHeader(corePath: string, query: URLSearchParams, total: number, { page, pageSize }: Paging): string | undefined {
  if (pageSize === 0) return undefined;
  const link = (target: number, rel: string): string => {
    const params = new URLSearchParams(query);
    params.set('page', String(target));
    params.set('page_size', String(pageSize));
    const entries = [...params.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `<${corePath}?${entries.map(([key, value]) => `${key}=${value}`).join('&')}>; rel="${rel}"`;
  };
  const links: string[] = [];
  if (page > 1 && (page - 1) * pageSize < total) links.push(link(page - 1, 'prev'));
  if (pageSize * page < total) links.push(link(page + 1, 'next'));
  return links.length > 0 ? links.join(' , ') : undefined;
}
