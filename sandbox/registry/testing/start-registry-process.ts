// Test fixture: starts the sandbox registry in its own process, prints one JSON line with what
// the test needs, then either stays up (to be killed) or calls process.exit() (`exit` argument).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startSandboxRegistry } from '../index.js';

async function main(): Promise<void> {
  const [dataDir, mode] = process.argv.slice(2);
  const registry = await startSandboxRegistry({ dataDir, reset: false });
  const registryPid = Number(readFileSync(join(dataDir, 'registry.pid'), 'utf8'));
  process.stdout.write(`${JSON.stringify({ port: registry.port, configFile: registry.registryConfigFile, registryPid })}\n`);
  if (mode === 'exit') process.exit(0);
  setInterval(() => undefined, 60_000);
}

void main();
