/*
 * A sandbox of a test file's own (its own state, ports and seed), for tests that change what the
 * shared one holds or need another seed; and the page objects bound to it.
 */
import type { APIRequestContext, Page } from '@playwright/test';
import { Portal } from './portal';
import { SandboxInfo, startSandboxProcess } from './sandbox-process';
import { VcdApi } from './vcd-api';

export async function startOwnSandbox(extraArgs: readonly string[] = []): Promise<SandboxInfo> {
  return startSandboxProcess(120_000, extraArgs);
}

export async function stopOwnSandbox(info: SandboxInfo | undefined): Promise<void> {
  if (!info) return;
  try {
    process.kill(info.pid, 'SIGINT');
  } catch {
    return;
  }
  for (let i = 0; i < 100; i++) {
    try {
      process.kill(info.pid, 0);
    } catch {
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  process.kill(-info.pid, 'SIGKILL');
}

/** The portal page objects, talking to this sandbox instead of the shared one. */
export function portalOf(page: Page, info: SandboxInfo): Portal {
  const portal = new Portal(page);
  (portal as { info: SandboxInfo }).info = info;
  return portal;
}

export function vcdApiOf(request: APIRequestContext, info: SandboxInfo): VcdApi {
  const api = new VcdApi(request);
  (api as { info: SandboxInfo }).info = info;
  return api;
}
