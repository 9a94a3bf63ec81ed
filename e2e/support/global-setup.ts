import { writeFileSync } from 'node:fs';
import { E2E_WORKERS, INFO_FILE, startSandboxProcess } from './sandbox-process';

export default async function globalSetup(): Promise<void> {
  const started = Date.now();
  // One sandbox per worker, started side by side; if one fails, the others are stopped too.
  const starting = Array.from({ length: E2E_WORKERS }, () => startSandboxProcess());
  const settled = await Promise.allSettled(starting);
  const ready = settled.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
  const failed = settled.find((result): result is PromiseRejectedResult => result.status === 'rejected');
  if (failed) {
    for (const info of ready) {
      try {
        process.kill(info.pid, 'SIGINT');
      } catch {
        // already gone
      }
    }
    throw failed.reason;
  }
  writeFileSync(INFO_FILE, JSON.stringify(ready));
  for (const info of ready) {
    console.log(`e2e: sandbox ready in ${Date.now() - started} ms at ${info.portalUrl} (registry ${info.registryUrl})`);
  }
}
