/*
 * An image reference as the OCI distribution spec and Docker understand it: a registry host
 * (with an optional port), a repository path, and a tag and/or a digest. The registry must be
 * explicit: CSE never pulls from Docker Hub shorthands, and a mirror plan cannot guess one.
 */
import { MessageParams } from './codes';

export interface ImageReference {
  /** host[:port], lowercase; an IPv6 literal keeps its brackets. */
  readonly registry: string;
  /** The path under the registry, e.g. vmware-cloud-director/cluster-api-provider-cloud-director. */
  readonly repository: string;
  readonly tag?: string;
  /** algorithm:hex, e.g. sha256:<64 hex>. */
  readonly digest?: string;
  /** registry/repository[:tag][@digest], the one spelling used for comparisons. */
  readonly reference: string;
}

export type ReferenceProblemCode = 'invalidReference' | 'invalidTag' | 'invalidDigest';

export type ReferenceCheck =
  | { readonly ok: true; readonly image: ImageReference }
  | { readonly ok: false; readonly code: ReferenceProblemCode; readonly params?: MessageParams };

/** Docker's limit on registry + repository; longer names are refused by every registry. */
export const MAX_NAME_LENGTH = 255;
export const MAX_TAG_LENGTH = 128;

// OCI distribution: a path component is lowercase alphanumerics joined by ., _, __ or dashes.
const PATH_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;
const DIGEST = /^(?:sha256:[a-f0-9]{64}|sha512:[a-f0-9]{128})$/;
const DNS_LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
const IPV6_HOST = /^\[[0-9a-f:.]+\]$/;
const PORT = /^[0-9]{1,5}$/;

/** A whole reference on its own: host/path:tag, host/path@sha256:…, or host/path:tag@sha256:…. */
export function parseImageReference(text: string): ReferenceCheck {
  const at = text.indexOf('@');
  const beforeDigest = at >= 0 ? text.slice(0, at) : text;
  const digest = at >= 0 ? text.slice(at + 1) : undefined;
  const colon = beforeDigest.lastIndexOf(':');
  const hasTag = colon > beforeDigest.lastIndexOf('/');
  const name = hasTag ? beforeDigest.slice(0, colon) : beforeDigest;
  const tag = hasTag ? beforeDigest.slice(colon + 1) : undefined;
  return imageFromParts(name, tag, digest);
}

/**
 * A reference from its parts: name is host[:port]/path. At least one of tag and digest must be
 * given — an image without either would silently mean "latest", which no release pins.
 */
export function imageFromParts(name: string, tag: string | undefined, digest: string | undefined): ReferenceCheck {
  const slash = name.indexOf('/');
  const registry = slash > 0 ? normalizeHost(name.slice(0, slash)) : undefined;
  const repository = slash > 0 ? name.slice(slash + 1) : '';
  if (registry === undefined || !isRepositoryPath(repository) || name.length > MAX_NAME_LENGTH) {
    return { ok: false, code: 'invalidReference', params: { name } };
  }
  if (tag === undefined && digest === undefined) {
    return { ok: false, code: 'invalidTag', params: { tag: '' } };
  }
  if (tag !== undefined && !TAG.test(tag)) {
    return { ok: false, code: 'invalidTag', params: { tag } };
  }
  if (digest !== undefined && !DIGEST.test(digest)) {
    return { ok: false, code: 'invalidDigest', params: { digest } };
  }
  return { ok: true, image: makeImage(registry, repository, tag, digest) };
}

/** For data already known to be valid (catalog tables); a malformed entry is a programming error. */
export function imageOf(text: string): ImageReference {
  const result = parseImageReference(text);
  if (!result.ok) {
    throw new Error(`Invalid image reference in catalog data: ${text} (${result.code})`);
  }
  return result.image;
}

export function makeImage(registry: string, repository: string, tag?: string, digest?: string): ImageReference {
  const reference = `${registry}/${repository}${tag === undefined ? '' : `:${tag}`}${digest === undefined ? '' : `@${digest}`}`;
  return {
    registry,
    repository,
    ...(tag === undefined ? {} : { tag }),
    ...(digest === undefined ? {} : { digest }),
    reference,
  };
}

/** registry/repository, without tag or digest. */
export function imageName(image: Pick<ImageReference, 'registry' | 'repository'>): string {
  return `${image.registry}/${image.repository}`;
}

export function isRepositoryPath(path: string): boolean {
  return path !== '' && path.split('/').every((component) => PATH_COMPONENT.test(component));
}

export function isDigest(text: string): boolean {
  return DIGEST.test(text);
}

/**
 * The lowercase host when text is one, else undefined. Like Docker, only something with a dot,
 * a port or brackets — or localhost — counts as a registry host.
 */
export function normalizeHost(text: string): string | undefined {
  const lower = text.toLowerCase();
  const portAt = lower.startsWith('[') ? lower.indexOf(']') + 1 : lower.indexOf(':');
  const host = portAt > 0 && portAt < lower.length ? lower.slice(0, portAt) : lower;
  const port = portAt > 0 && portAt < lower.length ? lower.slice(portAt) : '';
  if (port !== '' && !isPort(port)) {
    return undefined;
  }
  if (IPV6_HOST.test(host)) {
    return lower;
  }
  const labels = host.split('.');
  const looksLikeHost = labels.length > 1 || port !== '' || host === 'localhost';
  return looksLikeHost && host.length <= 253 && labels.every((label) => DNS_LABEL.test(label)) ? lower : undefined;
}

function isPort(text: string): boolean {
  const digits = text.slice(1);
  return text.startsWith(':') && PORT.test(digits) && Number(digits) >= 1 && Number(digits) <= 65535;
}
