// The maps a newcomer reads first follow the folders: every module of src/app is in the README's
// map and in docs/architecture.md, and every area folder of sandbox/vcd is in its README.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { describe, it } from 'node:test';

const folders = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();

const modules = [...folders('src/app').filter((name) => name !== 'shared'), ...folders('src/app/shared').map((name) => `shared/${name}`)];
const readme = readFileSync('README.md', 'utf8');
const architecture = readFileSync('docs/architecture.md', 'utf8');
const sandboxReadme = readFileSync('sandbox/vcd/README.md', 'utf8');

/** A folder is on a map when its name and a slash open a line of it (indentation or a table cell allowed). */
function onMap(map: string, path: string): boolean {
  const name = path.split('/').pop() ?? path;
  return map.split('\n').some((line) => new RegExp(`^[\\s|\`]*(shared/)?${name}/`).test(line) || line.includes(` ${name}/ `));
}

describe('the maps follow the folders', () => {
  for (const module of modules) {
    it(`src/app/${module} is on the README's map and in docs/architecture.md`, () => {
      const listed = module.startsWith('shared/') ? readme.includes(`  ${module}/`) : onMap(readme, module);
      assert.ok(listed, `README.md does not list ${module}/`);
      assert.ok(onMap(architecture, module), `docs/architecture.md does not list ${module}/`);
    });
  }
  for (const area of folders('sandbox/vcd')) {
    it(`sandbox/vcd/${area} is in sandbox/vcd/README.md`, () =>
      assert.ok(onMap(sandboxReadme, area), `sandbox/vcd/README.md does not list ${area}/`));
  }
});
