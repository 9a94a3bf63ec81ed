// Makes sure the Debian packages the sandbox shells out to (docker-registry, openssl, chromium…)
// are installed. As root on Debian it installs them (the usual case in a throw-away container);
// anywhere else it stops with the one command the user has to run, rather than half-starting.
import { spawn } from 'node:child_process';
import { access, constants } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';

export interface SystemPackage {
  /** The executable looked up on PATH. */
  binary: string;
  /** The Debian package that provides it. */
  debianPackage: string;
}

export type SystemPackagePlan = { kind: 'nothing-to-do' } | { kind: 'install'; packages: string[] } | { kind: 'ask-user'; message: string };

/** Decides what to do about missing packages; pure so that it can be tested without apt-get. */
export function planSystemPackages(missing: readonly SystemPackage[], host: { isRoot: boolean; isDebian: boolean }): SystemPackagePlan {
  const packages = [...new Set(missing.map((p) => p.debianPackage))];
  if (packages.length === 0) return { kind: 'nothing-to-do' };
  if (host.isRoot && host.isDebian) return { kind: 'install', packages };
  return {
    kind: 'ask-user',
    message: `missing system packages: install them with: sudo apt-get install -y ${packages.join(' ')}`,
  };
}

export async function isOnPath(binary: string, path = process.env['PATH'] ?? ''): Promise<boolean> {
  for (const dir of path.split(delimiter).filter((d) => d !== '')) {
    try {
      await access(join(dir, binary), constants.X_OK);
      return true;
    } catch {
      // not in this directory; keep looking
    }
  }
  return false;
}

export async function ensureSystemPackages(pkgs: SystemPackage[]): Promise<void> {
  const missing = await findMissing(pkgs);
  const plan = planSystemPackages(missing, {
    isRoot: process.getuid?.() === 0,
    isDebian: existsSync('/etc/debian_version'),
  });
  if (plan.kind === 'nothing-to-do') return;
  if (plan.kind === 'ask-user') throw new Error(plan.message);

  // The package lists of a fresh container are usually empty, hence one update first.
  await run('apt-get', ['update']);
  await run('apt-get', ['install', '-y', ...plan.packages]);
  const stillMissing = await findMissing(pkgs);
  if (stillMissing.length > 0) {
    throw new Error(
      `apt-get installed ${plan.packages.join(' ')} but ${stillMissing.map((p) => p.binary).join(', ')} is still not on PATH`,
    );
  }
}

async function findMissing(pkgs: readonly SystemPackage[]): Promise<SystemPackage[]> {
  const present = await Promise.all(pkgs.map((p) => isOnPath(p.binary)));
  return pkgs.filter((_, i) => !present[i]);
}

function run(command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    // stdio inherited: apt-get can take a while and the user should see it working.
    const child = spawn(command, args, {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      if (code === 0) resolve();
      else reject(new Error(`${command} ${args.join(' ')} failed (${signal ?? `exit code ${code}`})`));
    });
  });
}
