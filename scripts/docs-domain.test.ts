// docs/domain.md is what code and pages cite as `docs/domain.md#<anchor>`: every such citation
// names an anchor the file has, and the classifier's table of CAPVCD error names is exactly the
// table of docs/domain.md#cluster-error-names (a name added to one and not the other fails here).
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { KNOWN_CAPVCD_ERRORS } from '../src/app/clusters/domain/known-names';

const domain = readFileSync('docs/domain.md', 'utf8');
const anchors = new Set([...domain.matchAll(/<a id="([a-z0-9-]+)"><\/a>/g)].map((match) => match[1]));

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : filesUnder(path);
    return /\.(ts|mjs|json|md|html)$/.test(entry.name) ? [path] : [];
  });
}

/** The rows of the first Markdown table after `<a id="anchor">`: cells, backticks kept. */
function tableAfter(anchor: string): string[][] {
  const start = domain.indexOf(`<a id="${anchor}"></a>`);
  assert.ok(start >= 0, `docs/domain.md has no anchor ${anchor}`);
  const lines = domain.slice(start).split('\n');
  const first = lines.findIndex((line) => line.startsWith('|'));
  const rows: string[][] = [];
  for (const line of lines.slice(first)) {
    if (!line.startsWith('|')) break;
    rows.push(
      line
        .split('|')
        .slice(1, -1)
        .map((cell) => cell.trim()),
    );
  }
  return rows.slice(2); // header and separator
}

describe('docs/domain.md', () => {
  it('has every anchor the code, the sandbox and the docs cite', () => {
    const cited = new Map<string, string>();
    for (const file of [...filesUnder('src'), ...filesUnder('sandbox'), ...filesUnder('docs'), ...filesUnder('scripts'), 'README.md']) {
      for (const match of readFileSync(file, 'utf8').matchAll(/domain\.md#([a-z0-9-]+)/g)) cited.set(match[1] ?? '', file);
    }
    const missing = [...cited].filter(([anchor]) => !anchors.has(anchor)).map(([anchor, file]) => `${anchor} (${file})`);
    assert.deepEqual(missing, []);
  });

  it('lists exactly the CAPVCD error names the classifier knows, with the same explanation keys', () => {
    const documented = Object.fromEntries(
      tableAfter('cluster-error-names').map(([name, , key]) => [name?.replace(/`/g, '') ?? '', key?.replace(/`/g, '') ?? '']),
    );
    assert.deepEqual(documented, { ...KNOWN_CAPVCD_ERRORS });
  });
});
