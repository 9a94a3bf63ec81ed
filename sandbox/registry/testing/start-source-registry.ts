// Test fixture for the e2e transfer test: starts a stand-in source registry (source-registry.ts)
// with the sandbox's PKI, pushes the given `repository:tag` images into it, prints one JSON line
// ({"host": "127.0.0.1:<port>"}) and stays up until killed.
//   node --import tsx sandbox/registry/testing/start-source-registry.ts <dir> <pki dir> <repository:tag>…
import { ensurePki } from '../pki.js';
import { startSourceRegistry } from './source-registry.js';

async function main(): Promise<void> {
  const [dir, pkiDir, ...images] = process.argv.slice(2);
  if (!dir || !pkiDir) throw new Error('usage: start-source-registry.ts <dir> <pki dir> <repository:tag>…');
  const source = await startSourceRegistry(dir, await ensurePki(pkiDir));
  for (const image of images) {
    const colon = image.lastIndexOf(':');
    await source.push(image.slice(0, colon), image.slice(colon + 1));
  }
  process.stdout.write(`${JSON.stringify({ host: source.host })}\n`);
  const stop = (): void => void source.stop().then(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  setInterval(() => undefined, 60_000);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
