// Fails when dist/plugin.zip is not what VCD 10.6 can load: exactly bundle.js, manifest.json and
// i18n.json; bundle.js an AMD module named after the manifest's module; and no dependency the
// host does not provide (anything else would fail at load time with "Unexpected token '<'").
// Then prints what weighs in bundle.js per package, from the build's hidden source map (taken out
// of the zip and dist/ first: it is for this analysis only), and fails above the gzip budget of
// scripts/bundle-budget.json.
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { gzipSize, weighBundle, weightTable } from './bundle-weight.mjs';
import { withoutZipEntry } from './zip-entries.mjs';

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
const MAP_NAME = 'bundle.js.map';
// Where the analysis source map is kept (never shipped); a test points it elsewhere.
const ANALYSIS_DIR = process.env.BUNDLE_ANALYSIS_DIR ?? '.build/analysis';
const analysisMap = join(ANALYSIS_DIR, MAP_NAME);
rmSync(analysisMap, { force: true });
mkdirSync(ANALYSIS_DIR, { recursive: true });
const built = readFileSync(zipPath);
const zipped = unzipSync(built);
// The builder zips every file it emits, the analysis source map included: ship the zip without it.
if (zipped[MAP_NAME]) {
  writeFileSync(analysisMap, zipped[MAP_NAME]);
  writeFileSync(zipPath, withoutZipEntry(built, MAP_NAME));
}
const mapInDist = join(dirname(zipPath), MAP_NAME);
if (existsSync(mapInDist)) renameSync(mapInDist, analysisMap);
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

const budget = JSON.parse(readFileSync(new URL('bundle-budget.json', import.meta.url), 'utf8')).maxGzipBytes;
const bundleBytes = files['bundle.js'].length;
const bundleGzip = gzipSize(files['bundle.js']);
if (existsSync(analysisMap)) {
  console.log(`bundle.js by package (source map ${analysisMap}):`);
  console.log(weightTable(weighBundle(bundle, JSON.parse(readFileSync(analysisMap, 'utf8'))), bundleBytes, bundleGzip));
} else {
  console.log(`bundle.js: no ${analysisMap} to weigh it by package`);
}
const kib = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;
const verdict = `bundle.js ${bundleBytes} bytes, ${bundleGzip} gzipped (${kib(bundleGzip)}); budget ${budget} (${kib(budget)}, scripts/bundle-budget.json)`;
if (bundleGzip > budget) {
  console.error(`check-bundle: over budget by ${bundleGzip - budget} bytes gzipped — ${verdict}`);
  process.exit(1);
}
console.log(`check-bundle: ${verdict}`);
