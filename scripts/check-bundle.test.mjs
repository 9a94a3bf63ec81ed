// The bundle check's own parts: the weight per package from a source map, the zip surgery that
// drops the analysis map, and the budget that fails the build.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { ownerOf, textByOwner } from './bundle-weight.mjs';
import { withoutZipEntry } from './zip-entries.mjs';

test('attributes generated text to packages and plug-in features through the source map', () => {
  const map = {
    sources: ['webpack:///./node_modules/@peculiar/x509/build/x509.es.js', 'webpack:///./src/app/certificates/domain/x509.ts?1a2b'],
    // line 1: columns 0–2 from source 0, 3– from source 1; line 2 unmapped.
    mappings: 'AAAA,GCAA;',
  };
  const owners = textByOwner('abcdef\nXY', map);
  assert.equal(owners.get('@peculiar/x509'), 'abc');
  assert.equal(owners.get('plug-in: certificates'), 'def');
  assert.equal(owners.get('(unmapped)'), '\nXY');
  assert.equal(ownerOf('webpack:///./node_modules/tslib/tslib.es6.mjs?1763'), 'tslib');
  assert.equal(ownerOf('external amd "rxjs"'), '(webpack runtime)');
});

test('drops the analysis source map from the zip and leaves the other entries byte for byte', () => {
  const files = { 'bundle.js': strToU8('x'.repeat(5000)), 'bundle.js.map': strToU8('{}'.repeat(3000)), 'i18n.json': strToU8('{"en":{}}') };
  const zip = zipSync(files, { level: 6 });
  const shipped = withoutZipEntry(zip, 'bundle.js.map');
  const entries = unzipSync(shipped);
  assert.deepEqual(Object.keys(entries).sort(), ['bundle.js', 'i18n.json']);
  assert.deepEqual(entries['bundle.js'], files['bundle.js']);
  assert.ok(shipped.length < zip.length);
  // The kept entries' compressed bytes are copied, not re-compressed.
  const bundleLocal = Buffer.from(zip).indexOf('bundle.js');
  assert.ok(Buffer.from(shipped).includes(Buffer.from(zip).subarray(bundleLocal, bundleLocal + 40)));
});

test('fails the build when bundle.js is over the gzip budget', () => {
  const dir = mkdtempSync(join(tmpdir(), 'check-bundle-'));
  try {
    const budget = JSON.parse(readFileSync(new URL('bundle-budget.json', import.meta.url), 'utf8')).maxGzipBytes;
    // Random bytes do not compress: their gzip is over the budget.
    const bundle = `define("AirgapPluginModule",["rxjs"],(a)=>"${randomBytes(budget).toString('base64')}");`;
    const manifest = JSON.stringify({ module: 'AirgapPluginModule', manifestVersion: '4.0.0', productVersions: ['10.6'] });
    const i18n = JSON.stringify({ en: { a: 'a' }, fr: { a: 'a' } });
    const zipPath = join(dir, 'plugin.zip');
    writeFileSync(zipPath, zipSync({ 'bundle.js': strToU8(bundle), 'i18n.json': strToU8(i18n), 'manifest.json': strToU8(manifest) }));
    const run = spawnSync(process.execPath, ['scripts/check-bundle.mjs', zipPath], {
      encoding: 'utf8',
      env: { ...process.env, BUNDLE_ANALYSIS_DIR: join(dir, 'analysis') },
    });
    assert.equal(run.status, 1, run.stdout + run.stderr);
    assert.match(run.stderr, /over budget by \d+ bytes gzipped/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
