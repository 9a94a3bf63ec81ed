// Fails when dist/plugin.zip is not what VCD 10.6 can load: exactly bundle.js, manifest.json and
// i18n.json; bundle.js an AMD module named after the manifest's module; and no dependency the
// host does not provide (anything else would fail at load time with "Unexpected token '<'").
import { readFileSync } from 'node:fs';
import { unzipSync, strFromU8 } from 'fflate';

// The set the issue fixes (@angular/* but testing, @clr, @cds/core, rxjs, @ngrx, @vcd/common)…
const HOST_PROVIDED = [
  /^@angular\/(?!.*\/testing$)[^/]+(\/.+)?$/,
  /^@clr\/[^/]+(\/.+)?$/,
  /^@cds\/core(\/.+)?$/,
  /^rxjs(\/.+)?$/,
  /^@ngrx\/[^/]+(\/.+)?$/,
  /^@vcd\/common$/,
];
// …and, within it, the exact modules the VCD 10.6 host registers (what the sandbox portal provides).
const REGISTERED = JSON.parse(readFileSync(new URL('../sandbox/host/host-modules.json', import.meta.url), 'utf8')).modules;
const EXPECTED_FILES = ['bundle.js', 'i18n.json', 'manifest.json'];

const zipPath = process.argv[2] ?? 'dist/plugin.zip';
const files = unzipSync(readFileSync(zipPath));
const problems = [];

const names = Object.keys(files).sort();
if (JSON.stringify(names) !== JSON.stringify(EXPECTED_FILES)) {
  problems.push(`the zip holds ${names.join(', ')}; expected exactly ${EXPECTED_FILES.join(', ')}`);
}

const manifest = JSON.parse(strFromU8(files['manifest.json'] ?? new Uint8Array()) || '{}');
const bundle = strFromU8(files['bundle.js'] ?? new Uint8Array());
const define = /define\(\s*"([^"]+)"\s*,\s*(\[[^\]]*\])/.exec(bundle);
if (!define) {
  problems.push('bundle.js has no named AMD define("Module", [deps], factory)');
} else {
  const [, name, depsText] = define;
  if (name !== manifest.module) {
    problems.push(`bundle.js defines "${name}" but manifest.json names module "${manifest.module}"`);
  }
  const deps = JSON.parse(depsText);
  const foreign = deps.filter((dep) => !HOST_PROVIDED.some((pattern) => pattern.test(dep)) || !REGISTERED.includes(dep));
  if (foreign.length > 0) {
    problems.push(`bundle.js requires modules VCD does not provide: ${foreign.join(', ')}`);
  }
  console.log(`bundle.js: AMD "${name}", ${deps.length} host modules: ${deps.join(', ')}`);
}
if (manifest.manifestVersion !== '4.0.0') {
  problems.push(`manifest.json manifestVersion is ${manifest.manifestVersion}; VCD 10.6's Angular 17 runtime needs 4.0.0`);
}
// Mandatory in VMware's plug-in documentation: the VCD versions the plug-in claims (docs/domain.md#plugin-platform).
const productVersions = manifest.productVersions;
if (!Array.isArray(productVersions) || productVersions.length === 0 || !productVersions.every((v) => /^\d+\.\d+(\.\d+)?$/.test(v))) {
  problems.push(`manifest.json productVersions is ${JSON.stringify(productVersions)}; list the VCD versions it supports, e.g. ["10.6"]`);
} else if (!productVersions.some((v) => v === '10.6' || v.startsWith('10.6.'))) {
  problems.push(`manifest.json productVersions ${JSON.stringify(productVersions)} does not name VCD 10.6, the runtime it is built for`);
}
const i18n = JSON.parse(strFromU8(files['i18n.json'] ?? new Uint8Array()) || '{}');
for (const locale of ['en', 'fr']) {
  if (!i18n[locale] || Object.keys(i18n[locale]).length === 0) problems.push(`i18n.json has no "${locale}" messages`);
}

if (problems.length > 0) {
  console.error(`check-bundle: ${zipPath} is not loadable by VCD:\n  - ${problems.join('\n  - ')}`);
  process.exit(1);
}
console.log(`check-bundle: ${zipPath} OK (${names.join(', ')})`);
