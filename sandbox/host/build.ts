/* Bundles the sandbox portal with esbuild (JIT: plug-ins are compiled in the page, as in VCD). */
import { build } from 'esbuild';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';

export async function buildHost(outDir: string): Promise<string> {
  await mkdir(outDir, { recursive: true });
  const outfile = path.join(outDir, 'host.js');
  await build({
    entryPoints: [path.join(import.meta.dirname, 'main.ts')],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    outfile,
    tsconfig: path.join(import.meta.dirname, 'tsconfig.json'),
    minify: true,
    legalComments: 'none',
    logLevel: 'warning',
  });
  return outfile;
}
