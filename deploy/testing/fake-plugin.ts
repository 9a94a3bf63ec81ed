// A tiny but valid plug-in zip (manifest.json + an AMD bundle.js) for the deploy and sandbox tests.
import { writeFile } from 'node:fs/promises';
import { strToU8, zipSync } from 'fflate';

export interface FakePluginOptions {
  version?: string;
  name?: string;
  urn?: string;
  scope?: string[];
  /** The manifest's productVersions; `null` leaves the field out. */
  productVersions?: unknown;
}

export function fakePluginZip(options: FakePluginOptions = {}): Uint8Array {
  const manifest = {
    urn: options.urn ?? 'urn:vcloud:plugin:testvendor:test-plugin',
    name: options.name ?? 'Test Plugin',
    manifestVersion: '4.0.0',
    containerVersion: '10.6.0',
    ...(options.productVersions === null ? {} : { productVersions: options.productVersions ?? ['10.6'] }),
    version: options.version ?? '1.0.0',
    scope: options.scope ?? ['service-provider', 'tenant'],
    permissions: [],
    description: 'A plug-in for tests.',
    vendor: 'testvendor',
    license: 'BSD-2-Clause',
    link: 'https://example.com/test-plugin',
    module: 'TestPluginModule',
    route: 'test-plugin',
    extensionPoints: [{ urn: 'urn:test:nav', type: 'navigation:primary', name: 'Test', module: 'TestPluginModule', route: 'test-plugin' }],
  };
  return zipSync({
    'manifest.json': strToU8(JSON.stringify(manifest)),
    'bundle.js': strToU8('define("TestPluginModule", ["@angular/core"], function (core) { return {}; });'),
    'i18n.json': strToU8('{"en":{},"fr":{}}'),
  });
}

export async function writeFakePlugin(file: string, options: FakePluginOptions = {}): Promise<string> {
  await writeFile(file, fakePluginZip(options));
  return file;
}
