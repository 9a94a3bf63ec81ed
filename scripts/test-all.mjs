// `npm test`: every check, in the order that fails fastest, each one timed. Stops at the first
// failing step and says which; prints one closing line with the step counts.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';

const sandboxTests = ['sandbox', 'deploy', 'scripts', 'bench']
  .flatMap((dir) => readdirSync(dir, { recursive: true }).map((file) => `${dir}/${file}`))
  .filter((file) => file.endsWith('.test.ts') || file.endsWith('.test.mjs'))
  .sort();

const STEPS = [
  ['system packages', 'npx', ['tsx', 'sandbox/ensure-system-packages.ts']],
  ['lint', 'npx', ['eslint', '--max-warnings', '0', '.']],
  ['format', 'npx', ['prettier', '--check', '.']],
  ['typecheck plug-in (strict templates)', 'npx', ['ngc', '-p', 'tsconfig.app.json', '--noEmit']],
  ['typecheck sandbox and e2e', 'npx', ['tsc', '-p', 'sandbox/tsconfig.json']],
  ['typecheck sandbox portal', 'npx', ['tsc', '-p', 'sandbox/host/tsconfig.json', '--noEmit']],
  ['i18n', 'node', ['scripts/check-i18n.mjs']],
  ['build + bundle externals', 'npm', ['run', '--silent', 'build']],
  ['unit (karma, Chromium)', 'npx', ['ng', 'test', '--watch=false']],
  ['sandbox (node:test)', 'node', ['--import', 'tsx', '--test', '--test-reporter=spec', ...sandboxTests]],
  ['e2e (Playwright, Chromium)', 'npx', ['playwright', 'test']],
];

const results = [];
let failed = false;
const started = Date.now();
for (const [name, command, args] of STEPS) {
  console.log(`\n=== ${name}: ${command} ${args.join(' ')}`);
  const stepStart = Date.now();
  const run = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, FORCE_COLOR: '0' } });
  const seconds = ((Date.now() - stepStart) / 1000).toFixed(1);
  const ok = run.status === 0;
  results.push(`${ok ? 'ok  ' : 'FAIL'} ${name} (${seconds} s)`);
  if (!ok) {
    failed = true;
    break;
  }
}
console.log(`\n${results.join('\n')}\ntotal ${((Date.now() - started) / 1000).toFixed(1)} s`);
const passed = results.filter((line) => line.startsWith('ok')).length;
console.log(`steps: ${passed} passed, ${failed ? 1 : 0} failed${failed ? `, ${STEPS.length - results.length} not run` : ''}`);
process.exit(failed ? 1 : 0);
