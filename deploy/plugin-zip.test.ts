// The manifest's productVersions (the VCD versions a plug-in claims): the repository's manifest
// states them, the bundle check requires them, the deploy command reads them and keeps them out
// of the registration (VCD's UiPluginMetadata has no such field).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { strToU8, zipSync } from 'fflate';
import { pluginZipFrom } from './plugin-zip.js';
import { fakePluginZip } from './testing/fake-plugin.js';

const repoRoot = path.resolve(import.meta.dirname, '..');

describe('plug-in zip: productVersions', () => {
  it('reads the VCD versions the manifest claims, and does not send them with the registration', () => {
    const zip = pluginZipFrom('p.zip', fakePluginZip({ productVersions: ['10.5', '10.6.0'] }));
    assert.deepEqual(zip.productVersions, ['10.5', '10.6.0']);
    assert.deepEqual(Object.keys(zip.metadata).sort(), [
      'description',
      'enabled',
      'license',
      'link',
      'pluginName',
      'provider_scoped',
      'tenant_scoped',
      'vendor',
      'version',
    ]);
  });

  it('accepts a manifest that names no VCD version', () => {
    assert.deepEqual(pluginZipFrom('p.zip', fakePluginZip({ productVersions: null })).productVersions, []);
  });

  const refused: [string, unknown][] = [
    ['an empty list', []],
    ['a bare string', '10.6'],
    ['a number', [10.6]],
    ['a range', ['>=10.6']],
    ['a wildcard', ['10.x']],
  ];
  for (const [name, value] of refused) {
    it(`refuses ${name}, saying what a valid list looks like`, () => {
      assert.throws(
        () => pluginZipFrom('p.zip', fakePluginZip({ productVersions: value })),
        /productVersions must list VCD versions such as \["10\.6"\]/,
      );
    });
  }
});

describe("the repository's manifest and the bundle check", () => {
  const manifest = JSON.parse(readFileSync(path.join(repoRoot, 'manifest.json'), 'utf8')) as Record<string, unknown>;

  /** Runs scripts/check-bundle.mjs on a zip holding the given manifest: its exit code and output. */
  function checkBundle(withManifest: Record<string, unknown>): { status: number | null; output: string } {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'check-bundle-')), 'plugin.zip');
    writeFileSync(
      file,
      zipSync({
        'manifest.json': strToU8(JSON.stringify(withManifest)),
        'bundle.js': strToU8(`define("${String(withManifest['module'])}", ["@angular/core"], function () { return {}; });`),
        'i18n.json': strToU8(JSON.stringify({ en: { 'nav.label': 'CSE Airgap' }, fr: { 'nav.label': 'CSE Airgap' } })),
      }),
    );
    const result = spawnSync(process.execPath, ['scripts/check-bundle.mjs', file], { cwd: repoRoot, encoding: 'utf8' });
    return { status: result.status, output: `${result.stdout}${result.stderr}` };
  }

  it('states the VCD version the plug-in is built for', () => {
    assert.deepEqual(manifest['productVersions'], ['10.6']);
    assert.deepEqual(pluginZipFrom('manifest.json', zipSync({ 'manifest.json': strToU8(JSON.stringify(manifest)) })).productVersions, [
      '10.6',
    ]);
  });

  it('passes the bundle check as it is', () => {
    const { status, output } = checkBundle(manifest);
    assert.equal(status, 0, output);
  });

  it('fails the bundle check without productVersions, or without VCD 10.6 in it', () => {
    const { productVersions: _dropped, ...without } = manifest;
    const missing = checkBundle(without);
    assert.equal(missing.status, 1);
    assert.match(missing.output, /productVersions is undefined; list the VCD versions it supports/);
    const other = checkBundle({ ...manifest, productVersions: ['10.5'] });
    assert.equal(other.status, 1);
    assert.match(other.output, /does not name VCD 10\.6/);
  });
});
