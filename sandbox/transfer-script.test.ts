// The generated skopeo transfer script, both halves, for real: a second local registry stands in
// for the public sources (projects.registry.vmware.com through the SOURCE_REGISTRY parameter,
// registry.k8s.io through REGISTRY_K8S_IO), the sandbox registry is the airgapped
// Harbor. Before: the seeded gaps are absent for an anonymous puller (a cluster node). After the
// export and the import: present.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import type { Agent } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
// The one sandbox file that reaches into src/: it runs the script the plug-in generates (docs/architecture.md).
import {
  DOCUMENTED_SOURCE_REGISTRY,
  TransferImage,
  buildCatalog,
  destinationOf,
  supportedTkrs,
  transferScript,
} from '../src/app/dependencies/domain';
import { createTrustingAgent } from './registry/https-client.js';
import { ADMIN_USER, expectedAbsent, loadSeedCatalog, startSandboxRegistry, type SandboxRegistry } from './registry/index.js';
import { ensurePki } from './registry/pki.js';
import { RegistryTestClient } from './registry/testing/registry-test-client.js';
import { skopeoLogin } from './registry/testing/skopeo-login.js';
import { startSourceRegistry, type SourceRegistry } from './registry/testing/source-registry.js';

const execFileAsync = promisify(execFile);
const seed = loadSeedCatalog();

describe('the skopeo transfer script', { timeout: 120_000 }, () => {
  let dir: string;
  let registry: SandboxRegistry;
  let source: SourceRegistry;
  let agent: Agent;
  let client: RegistryTestClient;
  let images: TransferImage[];

  /** What a cluster node gets: an anonymous pull token, then the manifest. */
  const pullStatus = async (destination: string): Promise<number> => {
    const path = destination.slice(destination.indexOf('/') + 1);
    const colon = path.lastIndexOf(':');
    const [repository, tag] = [path.slice(0, colon), path.slice(colon + 1)];
    const token = await client.tokenFor([`repository:${repository}:pull`]);
    return (await client.headManifest(repository, tag, token)).status;
  };

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'cse-airgap-transfer-'));
    registry = await startSandboxRegistry({ dataDir: join(dir, 'harbor'), reset: true });
    source = await startSourceRegistry(join(dir, 'source'), await ensurePki(join(dir, 'harbor', 'pki')));
    agent = createTrustingAgent(registry.caPem);
    client = new RegistryTestClient(registry.url, agent);

    // The catalog the seed was made for, mapped under the sandbox base: its gaps are what a check finds missing.
    const tkr = supportedTkrs('4.2.1').find((release) => release.kubernetes === seed.release['kubernetes']);
    assert.ok(tkr, 'the seeded Kubernetes release is in the catalog');
    const absent = new Set(expectedAbsent(seed).map((reference) => `${registry.host}:${registry.port}/${reference}`));
    images = buildCatalog('4.2.1', [tkr.tkr]).flatMap((entry) => {
      const destination = destinationOf(entry.image, registry.base);
      return destination.kind === 'mapped' && absent.has(destination.image.reference)
        ? [{ source: entry.image.reference, destination: destination.image.reference }]
        : [];
    });
    assert.ok(images.length >= 3, `the seed leaves gaps to fill (found ${images.length})`);
    assert.ok(images.some((image) => image.source.startsWith(`${DOCUMENTED_SOURCE_REGISTRY}/`)));
    assert.ok(images.some((image) => image.source.startsWith('registry.k8s.io/')));

    // The stand-in source holds every missing image at its public path.
    for (const { source: reference } of images) {
      const [, path = ''] = /^[^/]+\/(.*)$/.exec(reference) ?? [];
      const colon = path.lastIndexOf(':');
      const prefix = reference.startsWith('registry.k8s.io/') ? 'k8s/' : '';
      await source.push(`${prefix}${path.slice(0, colon)}`, path.slice(colon + 1));
    }
  });

  after(async () => {
    agent?.destroy();
    await source?.stop();
    await registry?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('makes exactly the missing images pullable anonymously from the local registry', async () => {
    for (const { destination } of images) assert.equal(await pullStatus(destination), 404, `${destination} is missing before`);

    const script = transferScript({
      images,
      tool: 'skopeo',
      sourceRegistry: source.host,
      caCertPath: registry.caFile,
      archiveDir: join(dir, 'carried'),
    });
    assert.equal(script.count, images.length);
    assert.deepEqual(script.refused, []);
    const scriptFile = join(dir, 'cse-airgap-transfer.sh');
    await writeFile(scriptFile, script.text);

    // Connected side: trusts the source's certificate, and finds registry.k8s.io at the stand-in.
    const env = { ...process.env, SSL_CERT_FILE: registry.caFile, REGISTRY_K8S_IO: `${source.host}/k8s`, HOME: dir };
    const exported = await execFileAsync('sh', [scriptFile, 'export'], { env });
    assert.match(exported.stdout, /export /);

    // Airgapped side: logged in with push rights, trusting only the CA file the script is given.
    const authFile = join(dir, 'auth.json');
    const password = (await readFile(registry.adminPasswordFile, 'utf8')).trim();
    await skopeoLogin(authFile, `${registry.host}:${registry.port}`, ADMIN_USER, password);
    const imported = await execFileAsync('sh', [scriptFile, 'import'], {
      env: { PATH: process.env['PATH'], HOME: dir, REGISTRY_AUTH_FILE: authFile },
    });
    assert.match(imported.stdout, /import /);

    for (const { destination } of images) assert.equal(await pullStatus(destination), 200, `${destination} is present after`);
  });
});
