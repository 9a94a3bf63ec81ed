// Reads seed-images.json: which images the sandbox registry holds and which gaps it has on
// purpose. Tests import the same data, so "what is missing" is stated once.
import { readFileSync } from 'node:fs';
import type { ImageFormat } from './image-builder.js';
import type { Project } from './token-service.js';

export type DeliberateGap = 'missing' | 'near-miss' | 'wrong-tag' | 'wrong-path';

export interface SeedImage {
  /** Full repository path, project first (`cse/tkg/kube-proxy`). */
  repository: string;
  tag: string;
  /** Absent only for `deliberately: 'missing'` entries, which are never pushed. */
  format?: ImageFormat;
  deliberately?: DeliberateGap;
  /** For a gap: the reference CSE needs, which the registry does not have. */
  expected?: string;
  why?: string;
}

export interface SeedCatalog {
  release: Record<string, string>;
  /** The project that serves as the CSE base (`<host:port>/<base>`). */
  base: string;
  projects: Project[];
  images: SeedImage[];
}

const FORMATS: readonly string[] = ['docker', 'oci', 'oci-index', 'docker-list'];
const GAPS: readonly string[] = ['missing', 'near-miss', 'wrong-tag', 'wrong-path'];

export function loadSeedCatalog(file: URL = new URL('./seed-images.json', import.meta.url)): SeedCatalog {
  const data: unknown = JSON.parse(readFileSync(file, 'utf8'));
  if (!isCatalog(data)) throw new Error(`${file.pathname} is not a valid seed catalog`);
  return data;
}

/** The images that are pushed (everything but the 'missing' gaps). */
export function imagesToPush(catalog: SeedCatalog): SeedImage[] {
  return catalog.images.filter((image) => image.deliberately !== 'missing');
}

/** `repository:tag` references a presence check must find absent. */
export function expectedAbsent(catalog: SeedCatalog): string[] {
  return catalog.images.flatMap((image) => (image.expected !== undefined ? [image.expected] : []));
}

/** `repository:tag` references that exist, gaps and the wrong-place copies included. */
export function expectedPresent(catalog: SeedCatalog): string[] {
  return imagesToPush(catalog).map((image) => `${image.repository}:${image.tag}`);
}

function isCatalog(value: unknown): value is SeedCatalog {
  if (!isRecord(value)) return false;
  const { release, base, projects, images } = value;
  return (
    isRecord(release) &&
    Object.values(release).every((v) => typeof v === 'string') &&
    typeof base === 'string' &&
    Array.isArray(projects) &&
    projects.every((p) => isRecord(p) && typeof p['name'] === 'string' && typeof p['public'] === 'boolean') &&
    Array.isArray(images) &&
    images.every(isSeedImage)
  );
}

function isSeedImage(value: unknown): boolean {
  if (!isRecord(value)) return false;
  const optionalString = (v: unknown): boolean => v === undefined || typeof v === 'string';
  const { repository, tag, format, deliberately, expected, why } = value;
  const pushed = deliberately !== 'missing';
  return (
    typeof repository === 'string' &&
    typeof tag === 'string' &&
    (pushed ? typeof format === 'string' && FORMATS.includes(format) : format === undefined) &&
    (deliberately === undefined ||
      (typeof deliberately === 'string' && GAPS.includes(deliberately) && typeof expected === 'string' && typeof why === 'string')) &&
    optionalString(expected) &&
    optionalString(why)
  );
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
