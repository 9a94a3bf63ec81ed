// House rule (docs/architecture.md): a file in src/app stays at 300 lines or fewer; split it by responsibility.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { test } from 'node:test';

const MAX_LINES = 300;

test(`every file in src/app has at most ${MAX_LINES} lines`, () => {
  const files = readdirSync('src/app', { recursive: true, encoding: 'utf8' }).filter((file) => /\.(ts|html|css)$/.test(file));
  const long = files
    .map((file) => ({ file, lines: readFileSync(`src/app/${file}`, 'utf8').split('\n').length - 1 }))
    .filter(({ lines }) => lines > MAX_LINES);
  assert.deepEqual(long, []);
});
