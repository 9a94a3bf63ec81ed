// Builds tiny but real container images in memory: a gzip'ed tar layer with one file, a config
// blob and a manifest (Docker schema2 or OCI), or an index / manifest list over two platforms.
// Everything is deterministic (fixed mtime, fixed created date) so digests are stable across runs.
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';

export const MEDIA_TYPES = {
  dockerManifest: 'application/vnd.docker.distribution.manifest.v2+json',
  dockerManifestList: 'application/vnd.docker.distribution.manifest.list.v2+json',
  dockerConfig: 'application/vnd.docker.container.image.v1+json',
  dockerLayer: 'application/vnd.docker.image.rootfs.diff.tar.gzip',
  ociManifest: 'application/vnd.oci.image.manifest.v1+json',
  ociIndex: 'application/vnd.oci.image.index.v1+json',
  ociConfig: 'application/vnd.oci.image.config.v1+json',
  ociLayer: 'application/vnd.oci.image.layer.v1.tar+gzip',
} as const;

/** What a presence check must send: without it distribution answers 404 for OCI content. */
export const MANIFEST_ACCEPT = [
  MEDIA_TYPES.ociIndex,
  MEDIA_TYPES.ociManifest,
  MEDIA_TYPES.dockerManifestList,
  MEDIA_TYPES.dockerManifest,
].join(', ');

/** docker: schema2; oci: OCI manifest; oci-index / docker-list: two platforms behind an index. */
export type ImageFormat = 'docker' | 'oci' | 'oci-index' | 'docker-list';

export interface Blob {
  digest: string;
  data: Buffer;
}

export interface ManifestUpload {
  /** A digest for the children of an index, the tag for the top manifest. */
  reference: string;
  mediaType: string;
  body: Buffer;
  digest: string;
}

export interface BuiltImage {
  blobs: Blob[];
  /** In push order: children first, since distribution checks that an index's children exist. */
  manifests: ManifestUpload[];
}

interface Platform {
  os: string;
  architecture: string;
}

const CREATED = '2024-01-01T00:00:00Z';
const PLATFORMS: Platform[] = [
  { os: 'linux', architecture: 'amd64' },
  { os: 'linux', architecture: 'arm64' },
];

export function sha256Digest(data: Buffer): string {
  return `sha256:${createHash('sha256').update(data).digest('hex')}`;
}

export function buildImage(repository: string, tag: string, format: ImageFormat): BuiltImage {
  if (format === 'docker' || format === 'oci') {
    const single = buildSingle(repository, tag, format, PLATFORMS[0]);
    return { blobs: single.blobs, manifests: [{ ...single.manifest, reference: tag }] };
  }
  const childFormat = format === 'oci-index' ? 'oci' : 'docker';
  const children = PLATFORMS.map((platform) => buildSingle(repository, tag, childFormat, platform));
  const mediaType = format === 'oci-index' ? MEDIA_TYPES.ociIndex : MEDIA_TYPES.dockerManifestList;
  const index = json({
    schemaVersion: 2,
    mediaType,
    manifests: children.map((child, i) => ({
      mediaType: child.manifest.mediaType,
      size: child.manifest.body.length,
      digest: child.manifest.digest,
      platform: PLATFORMS[i],
    })),
  });
  return {
    blobs: children.flatMap((c) => c.blobs),
    manifests: [...children.map((c) => c.manifest), { reference: tag, mediaType, body: index, digest: sha256Digest(index) }],
  };
}

function buildSingle(
  repository: string,
  tag: string,
  format: 'docker' | 'oci',
  platform: Platform,
): { blobs: Blob[]; manifest: ManifestUpload } {
  const isOci = format === 'oci';
  // The content names the image and platform, so that every image has its own digest.
  const content = `CSE Airgap sandbox image\nrepository: ${repository}\ntag: ${tag}\nplatform: ${platform.os}/${platform.architecture}\n`;
  const tar = tarWithOneFile('cse-airgap-sandbox/image.txt', Buffer.from(content));
  const layer = gzipSync(tar);
  const config = json({
    architecture: platform.architecture,
    os: platform.os,
    created: CREATED,
    config: {
      Cmd: ['/bin/true'],
      Labels: { 'org.opencontainers.image.title': repository, 'org.opencontainers.image.version': tag },
    },
    rootfs: { type: 'layers', diff_ids: [sha256Digest(tar)] },
    history: [{ created: CREATED, created_by: 'cse-airgap sandbox seed' }],
  });
  const manifestBody = json({
    schemaVersion: 2,
    mediaType: isOci ? MEDIA_TYPES.ociManifest : MEDIA_TYPES.dockerManifest,
    config: {
      mediaType: isOci ? MEDIA_TYPES.ociConfig : MEDIA_TYPES.dockerConfig,
      size: config.length,
      digest: sha256Digest(config),
    },
    layers: [
      {
        mediaType: isOci ? MEDIA_TYPES.ociLayer : MEDIA_TYPES.dockerLayer,
        size: layer.length,
        digest: sha256Digest(layer),
      },
    ],
  });
  const digest = sha256Digest(manifestBody);
  return {
    blobs: [
      { digest: sha256Digest(config), data: config },
      { digest: sha256Digest(layer), data: layer },
    ],
    manifest: {
      reference: digest,
      mediaType: isOci ? MEDIA_TYPES.ociManifest : MEDIA_TYPES.dockerManifest,
      body: manifestBody,
      digest,
    },
  };
}

function json(value: unknown): Buffer {
  return Buffer.from(JSON.stringify(value));
}

/** A POSIX ustar archive holding one regular file (header, data padded to 512, two zero blocks). */
export function tarWithOneFile(path: string, data: Buffer): Buffer {
  const header = Buffer.alloc(512);
  const put = (offset: number, length: number, value: string): void => {
    header.write(value.slice(0, length), offset, length, 'ascii');
  };
  const octal = (value: number, length: number): string => `${value.toString(8).padStart(length - 1, '0')}\0`;
  put(0, 100, path);
  put(100, 8, octal(0o644, 8));
  put(108, 8, octal(0, 8));
  put(116, 8, octal(0, 8));
  put(124, 12, octal(data.length, 12));
  put(136, 12, octal(Date.parse(CREATED) / 1000, 12));
  put(148, 8, '        '); // checksum is computed with this field as spaces
  put(156, 1, '0');
  put(257, 6, 'ustar\0');
  put(263, 2, '00');
  put(265, 32, 'root');
  put(297, 32, 'root');
  let sum = 0;
  for (const byte of header) sum += byte;
  put(148, 8, `${sum.toString(8).padStart(6, '0')}\0 `);
  const padding = Buffer.alloc((512 - (data.length % 512)) % 512);
  return Buffer.concat([header, data, padding, Buffer.alloc(1024)]);
}
