/*
 * `npm start`: builds the plug-in, then runs a local VCD 10.6 + Harbor stand-in on 127.0.0.1 that
 * loads dist/plugin.zip exactly as VCD would. Ctrl-C stops everything it started.
 *
 *   npm start [-- --reset] [-- --no-build] [-- --state-dir DIR] [-- --orgs N] [-- --clusters N]
 *             [-- --seed proxy] [-- --registry-address IP] [-- --tls | --http2]     PORT=8080 by default
 *
 * --tls: the portal over HTTPS with the sandbox CA's server certificate (trust sandbox CA or let
 * the browser skip the check); --http2 (or SANDBOX_HTTP2=1): HTTPS with HTTP/2 as well as
 * HTTP/1.1, on the portal and on the registry front door.
 */
import { spawn } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { isIP } from 'node:net';
import { parseArgs } from 'node:util';
import { deploy } from '../deploy/deploy.js';
import { SANDBOX_PASSWORD } from './vcd/index.js';
import { startSandbox } from './sandbox.js';

const repoRoot = path.resolve(import.meta.dirname, '..');

function run(command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: repoRoot, stdio: 'inherit' });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')} exited with ${code}`))));
  });
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      reset: { type: 'boolean', default: false },
      'no-build': { type: 'boolean', default: false },
      'state-dir': { type: 'string', default: path.join(repoRoot, '.sandbox') },
      port: { type: 'string' },
      // Filler organizations seeded with a new state (a new --state-dir or --reset): 42 by default.
      orgs: { type: 'string' },
      // 'proxy': a Bootstrap VM proxy whose noProxy misses the registry (with a new or reset state).
      seed: { type: 'string', default: 'default' },
      // What testConnection reports as the registry's address, e.g. 172.18.0.5 (bridge-network warning).
      'registry-address': { type: 'string' },
      // Filler clusters (vmware:capvcdCluster) across the filler organizations, one in four failed: 0 by default.
      clusters: { type: 'string' },
      tls: { type: 'boolean', default: false },
      http2: { type: 'boolean', default: process.env['SANDBOX_HTTP2'] === '1' },
    },
  });
  if (values.seed !== 'default' && values.seed !== 'proxy') throw new Error(`--seed must be "default" or "proxy", got "${values.seed}"`);
  const registryAddress = values['registry-address'];
  if (registryAddress !== undefined && isIP(registryAddress) === 0) {
    throw new Error(`--registry-address must be an IPv4 or IPv6 address, got "${registryAddress}"`);
  }
  const port = Number(values.port ?? process.env['PORT'] ?? 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT must be a port number, got "${values.port ?? process.env['PORT']}"`);
  }
  if (!values['no-build']) {
    await run('npm', ['run', '--silent', 'build']);
  }
  const started = Date.now();
  const sandbox = await startSandbox({
    port,
    stateDir: path.resolve(values['state-dir']),
    reset: values.reset,
    tls: values.tls === true,
    http2: values.http2 === true,
    ...(values.orgs === undefined ? {} : { fillerOrgs: Number(values.orgs) }),
    seed: values.seed,
    ...(registryAddress === undefined ? {} : { registryAddress }),
    ...(values.clusters === undefined ? {} : { fillerClusters: Number(values.clusters) }),
  });
  // The portal shows only what was uploaded through cloudapi/extensions/ui: deploy dist/plugin.zip
  // with the very code of `npm run deploy`, published to every tenant.
  console.log('Deploying dist/plugin.zip to the sandbox (npm run deploy):');
  const indent = (line: string): string => line.replace(/^/gm, '  ');
  const deployed = await deploy(
    {
      vcd: new URL(sandbox.summary.portalUrl),
      zip: path.join(repoRoot, 'dist', 'plugin.zip'),
      credentials: { kind: 'password', user: 'administrator@System', password: SANDBOX_PASSWORD },
      publish: 'all',
      force: true, // the local build replaces whatever was deployed before, even with the same version
      // An HTTPS portal serves the sandbox CA's certificate.
      ...(sandbox.summary.portalUrl.startsWith('https:') ? { extraCaPem: await readFile(sandbox.summary.caFile, 'utf8') } : {}),
    },
    { log: (line) => console.log(indent(line)), error: (line) => console.error(indent(line)) },
  ).catch(async (error: unknown) => {
    await sandbox.stop();
    throw new Error(`deploying dist/plugin.zip failed: ${error instanceof Error ? error.message : String(error)}`);
  });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const ready = { ...sandbox.summary, plugin: deployed };
  await writeFile(path.join(sandbox.stateDir, 'ready.json'), JSON.stringify(ready, null, 2));
  console.log(`
CSE Airgap sandbox ready in ${seconds} s
  Portal:            ${sandbox.summary.portalUrl}   (log in as any persona; password "sandbox")
  Registry:          ${sandbox.summary.registryUrl}   (Harbor stand-in: distribution ${sandbox.summary.registryVersion})
  Registry URL:      ${sandbox.summary.containerRegistryUrl}   (type this as the container registry URL)
  Registry CA file:  ${sandbox.summary.caFile}   (upload this CA in the plug-in)
  Harbor API:        ${sandbox.summary.registryUrl}/api/v2.0   (Harbor v2.0 REST façade; stop/start: ${sandbox.summary.registryControlUrl})
  Test targets:      ${sandbox.summary.untrustedRegistryUrl} (self-signed, untrusted), port ${sandbox.summary.closedPort} (closed), ${sandbox.summary.unknownHost} (unknown host)
  Plug-in:           ${deployed.id} ${deployed.version ?? ''} (${deployed.status ?? '?'}, published to ${deployed.publications} organizations)
  State:             ${sandbox.summary.stateFile}   (npm start -- --reset starts clean; --seed proxy applies to a new or reset state)
Press Ctrl-C to stop.`);

  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    console.log('\nStopping the sandbox…');
    sandbox.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(`sandbox: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
