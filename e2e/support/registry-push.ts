/*
 * Pushes a tiny image into the sandbox's real registry the way any client would (token, blob
 * uploads, manifest), so a test can "fix" a gap and check again.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import https from 'node:https';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { SandboxInfo } from './sandbox-process';

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function request(url: string, ca: string, method: string, headers: Record<string, string>, body?: Buffer): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = https.request(url, { method, headers, ca }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString() }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const digestOf = (data: Buffer): string => `sha256:${createHash('sha256').update(data).digest('hex')}`;

export async function pushTinyImage(info: SandboxInfo, repository: string, tag: string): Promise<void> {
  const ca = readFileSync(info.caFile, 'utf8');
  const password = readFileSync(path.join(path.dirname(path.dirname(info.caFile)), 'admin-password'), 'utf8').trim();
  const tokenAnswer = await request(
    `${info.registryUrl}/service/token?service=harbor-registry&scope=repository:${repository}:pull,push`,
    ca,
    'GET',
    { Authorization: `Basic ${Buffer.from(`admin:${password}`).toString('base64')}` },
  );
  const { token } = JSON.parse(tokenAnswer.body) as { token: string };
  const auth = { Authorization: `Bearer ${token}` };
  const layer = gzipSync(Buffer.from(`${repository}:${tag} pushed by an e2e test\n`));
  const config = Buffer.from(JSON.stringify({ architecture: 'amd64', os: 'linux', rootfs: { type: 'layers', diff_ids: [] } }));
  for (const blob of [layer, config]) {
    const start = await request(`${info.registryUrl}/v2/${repository}/blobs/uploads/`, ca, 'POST', auth);
    const location = new URL(String(start.headers['location']), info.registryUrl);
    location.searchParams.set('digest', digestOf(blob));
    const put = await request(location.toString(), ca, 'PUT', { ...auth, 'Content-Type': 'application/octet-stream' }, blob);
    if (put.status !== 201) throw new Error(`blob upload for ${repository} answered ${put.status}: ${put.body}`);
  }
  const manifest = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: 'application/vnd.docker.distribution.manifest.v2+json',
      config: { mediaType: 'application/vnd.docker.container.image.v1+json', size: config.length, digest: digestOf(config) },
      layers: [{ mediaType: 'application/vnd.docker.image.rootfs.diff.tar.gzip', size: layer.length, digest: digestOf(layer) }],
    }),
  );
  const put = await request(
    `${info.registryUrl}/v2/${repository}/manifests/${tag}`,
    ca,
    'PUT',
    { ...auth, 'Content-Type': 'application/vnd.docker.distribution.manifest.v2+json' },
    manifest,
  );
  if (put.status !== 201) throw new Error(`manifest upload for ${repository}:${tag} answered ${put.status}: ${put.body}`);
}
