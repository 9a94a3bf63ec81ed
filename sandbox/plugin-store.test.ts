// The sandbox portal's plug-in loader accepts what VCD's plug-in documentation lists as mandatory.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fakePluginZip } from '../deploy/testing/fake-plugin.js';
import { loadPluginBytes } from './plugin-store.js';

describe('loadPluginBytes', () => {
  it('loads a plug-in whose manifest states productVersions, and keeps them', () => {
    const plugin = loadPluginBytes(fakePluginZip({ productVersions: ['10.6'] }), 'plugin.zip');
    assert.equal(plugin.error, undefined);
    assert.deepEqual(plugin.manifest.productVersions, ['10.6']);
  });

  it('loads one that states none, as the manifest of the extension standard library skeleton', () => {
    const plugin = loadPluginBytes(fakePluginZip({ productVersions: null }), 'plugin.zip');
    assert.equal(plugin.error, undefined);
    assert.equal(plugin.manifest.productVersions, undefined);
  });
});
