import { writeFileSync } from 'node:fs';
import { INFO_FILE, startSandboxProcess } from './sandbox-process';

export default async function globalSetup(): Promise<void> {
  const started = Date.now();
  const info = await startSandboxProcess();
  writeFileSync(INFO_FILE, JSON.stringify(info));
  console.log(`e2e: sandbox ready in ${Date.now() - started} ms at ${info.portalUrl} (registry ${info.registryUrl})`);
}
