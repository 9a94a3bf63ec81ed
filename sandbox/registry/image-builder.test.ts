import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { gunzipSync } from 'node:zlib';
import { MEDIA_TYPES, buildImage, sha256Digest, tarWithOneFile } from './image-builder.js';

describe('tarWithOneFile', () => {
  const tar = tarWithOneFile('dir/file.txt', Buffer.from('hello\n'));

  it('writes a header, the padded data and two zero blocks', () => {
    assert.equal(tar.length, 512 + 512 + 1024);
    assert.equal(tar.subarray(0, 12).toString('ascii'), 'dir/file.txt');
    assert.equal(tar.subarray(512, 518).toString('ascii'), 'hello\n');
  });

  it('carries a header checksum that tar accepts', () => {
    const header = Buffer.from(tar.subarray(0, 512));
    const stored = parseInt(header.subarray(148, 154).toString('ascii'), 8);
    header.fill(' ', 148, 156);
    assert.equal(
      stored,
      header.reduce((sum, byte) => sum + byte, 0),
    );
  });
});

describe('buildImage', () => {
  it('is deterministic, so a re-seed finds the same digests', () => {
    const a = buildImage('cse/tkg/etcd', 'v1', 'docker');
    const b = buildImage('cse/tkg/etcd', 'v1', 'docker');
    assert.deepEqual(
      a.manifests.map((m) => m.digest),
      b.manifests.map((m) => m.digest),
    );
  });

  it('gives every image its own layer', () => {
    const a = buildImage('cse/tkg/etcd', 'v1', 'docker');
    const b = buildImage('cse/tkg/etcd', 'v2', 'docker');
    assert.notEqual(a.blobs[1].digest, b.blobs[1].digest);
  });

  it('builds a Docker schema2 manifest whose descriptors match the blobs', () => {
    const image = buildImage('cse/a', 'v1', 'docker');
    const [manifest] = image.manifests;
    const body = JSON.parse(manifest.body.toString('utf8')) as {
      mediaType: string;
      config: { digest: string; size: number };
      layers: { digest: string; mediaType: string }[];
    };
    assert.equal(body.mediaType, MEDIA_TYPES.dockerManifest);
    assert.equal(manifest.reference, 'v1');
    assert.deepEqual(
      [body.config.digest, body.layers[0].digest],
      image.blobs.map((b) => b.digest),
    );
    assert.equal(body.layers[0].mediaType, MEDIA_TYPES.dockerLayer);
    assert.match(gunzipSync(image.blobs[1].data).toString('latin1'), /repository: cse\/a/);
  });

  it('builds an OCI index over linux/amd64 and linux/arm64, children first', () => {
    const image = buildImage('cse/a', 'v1', 'oci-index');
    assert.deepEqual(
      image.manifests.map((m) => m.mediaType),
      [MEDIA_TYPES.ociManifest, MEDIA_TYPES.ociManifest, MEDIA_TYPES.ociIndex],
    );
    const index = image.manifests[2];
    assert.equal(index.reference, 'v1');
    assert.equal(index.digest, sha256Digest(index.body));
    const body = JSON.parse(index.body.toString('utf8')) as {
      manifests: { digest: string; platform: { architecture: string } }[];
    };
    assert.deepEqual(
      body.manifests.map((m) => m.digest),
      [image.manifests[0].reference, image.manifests[1].reference],
    );
    assert.deepEqual(
      body.manifests.map((m) => m.platform.architecture),
      ['amd64', 'arm64'],
    );
  });

  it('builds a Docker manifest list the same way', () => {
    const image = buildImage('cse/a', 'v1', 'docker-list');
    assert.equal(image.manifests[2].mediaType, MEDIA_TYPES.dockerManifestList);
    assert.equal(image.manifests[0].mediaType, MEDIA_TYPES.dockerManifest);
  });
});
