// After `ng build`, before check-bundle: makes bundle.js smaller for what VCD downloads at every
// login, without changing what it does.
// 1. Component templates (`template: "…"` in the JIT bundle) lose their indentation: every run of
//    whitespace that holds a line break becomes one space. Angular reads templates with
//    preserveWhitespaces off, which turns such a run in text into one space and drops text that is
//    only whitespace, so the page is the same; <pre> and <textarea>, where whitespace is content,
//    are left as written.
// 2. The plug-in's component styles (a `.css` file or inline `styles`, each one css-loader module
//    that the plug-in builder leaves as written) are minified by esbuild: 0.7 KB gzipped. Only the
//    plug-in's own: the source map must trace the string to src/app/.
// 3. terser renames the bundle's local names again (mangle only): the builder's minifier leaves
//    names that gzip worse (about 2 KB). Not terser's compress step: it made the page measurably
//    slower (bench/browser-check.ts, 1,000 images over h2: 1.19 s mangled only, 1.83 s compressed).
// The source map is carried through every step (magic-string, @ampproject/remapping, terser), so
// check-bundle still weighs the bundle per package.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import remapping from '@ampproject/remapping';
import { TraceMap, originalPositionFor } from '@jridgewell/trace-mapping';
import { parse } from 'acorn';
import { transform } from 'esbuild';
import { unzipSync, zipSync } from 'fflate';
import MagicString from 'magic-string';
import { minify } from 'terser';

const VERBATIM = /(<(pre|textarea)\b[\s\S]*?<\/\2\s*>)/i;

/** A template with its line breaks and indentation collapsed, <pre> and <textarea> elements untouched. */
export function collapseTemplate(template) {
  // split with two groups: [outside, whole verbatim element, its tag name, outside, …]
  return template
    .split(VERBATIM)
    .map((part, index) => (index % 3 === 0 ? part.replace(/\s*\n\s*/g, ' ') : index % 3 === 1 ? part : ''))
    .join('');
}

/**
 * What esbuild may assume of the browser when it rewrites CSS: browsers of 2022 on (the bundle is
 * ES2022 already, tsconfig.json), so that minifying never brings in newer CSS syntax than written.
 */
const CSS_TARGETS = ['chrome100', 'edge100', 'firefox100', 'safari15'];

/** A component's styles, minified (esbuild); throws on CSS esbuild cannot read. */
export async function minifyStyles(css) {
  const result = await transform(css, { loader: 'css', minify: true, target: CSS_TARGETS, logLevel: 'silent' });
  return result.code.trim();
}

/** Every `template: "…"` property of the bundle, and each stylesheet `isOwn` says is the plug-in's, in source order. */
function literals(program, isOwn) {
  const templates = [];
  const styles = [];
  const stack = [program];
  while (stack.length > 0) {
    const node = stack.pop();
    if (node.type === 'Property' && !node.computed && node.value.type === 'Literal' && typeof node.value.value === 'string') {
      const key = node.key.type === 'Identifier' ? node.key.name : node.key.value;
      if (key === 'template') templates.push(node.value);
    }
    // css-loader's module, one per stylesheet (a component's `.css` file or its inline `styles`):
    // `exported.push([module.id, "<css>", ""])`.
    if (node.type === 'CallExpression' && node.callee.type === 'MemberExpression' && node.callee.property.name === 'push') {
      const [entry] = node.arguments;
      const [id, css] = entry?.type === 'ArrayExpression' ? entry.elements : [];
      const isCss =
        id?.type === 'MemberExpression' && id.property.name === 'id' && css?.type === 'Literal' && typeof css.value === 'string';
      if (isCss && isOwn(css)) styles.push(css);
    }
    for (const value of Object.values(node)) {
      if (Array.isArray(value)) {
        for (const item of value) if (item && typeof item.type === 'string') stack.push(item);
      } else if (value && typeof value.type === 'string') {
        stack.push(value);
      }
    }
  }
  return { templates, styles };
}

/** The bundle, templates collapsed and its names mangled again; `map` (the builder's) is carried through when given. */
export async function minifyBundle(code, map) {
  const edited = new MagicString(code);
  const trace = map ? new TraceMap(map) : undefined;
  // Only the plug-in's own styles (the source map says where a literal comes from): never a library's string.
  const isOwn = (node) => {
    if (!trace) return false;
    const { source } = originalPositionFor(trace, { line: node.loc.start.line, column: node.loc.start.column });
    return typeof source === 'string' && /(?:^|\/)src\/app\//.test(source) && !source.includes('node_modules/');
  };
  const { templates, styles } = literals(parse(code, { ecmaVersion: 'latest', sourceType: 'script', locations: true }), isOwn);
  for (const literal of templates) {
    const collapsed = collapseTemplate(literal.value);
    if (collapsed !== literal.value) edited.overwrite(literal.start, literal.end, JSON.stringify(collapsed));
  }
  for (const literal of styles) {
    edited.overwrite(literal.start, literal.end, JSON.stringify(await minifyStyles(literal.value)));
  }
  const collapsedCode = edited.toString();
  const collapsedMap = map ? remapping([edited.generateMap({ hires: true }).toString(), map], () => null) : undefined;
  const result = await minify(collapsedCode, {
    ecma: 2020,
    compress: false,
    mangle: true,
    ...(collapsedMap ? { sourceMap: { content: JSON.stringify(collapsedMap), filename: 'bundle.js', url: undefined } } : {}),
  });
  if (result.code === undefined) throw new Error('terser returned no code');
  return {
    code: result.code,
    map: result.map ? (typeof result.map === 'string' ? JSON.parse(result.map) : result.map) : undefined,
    templates: templates.length,
    styles: styles.length,
  };
}

async function main() {
  const zipPath = process.argv[2] ?? 'dist/plugin.zip';
  const entries = unzipSync(readFileSync(zipPath));
  const bundle = entries['bundle.js'];
  if (!bundle) throw new Error(`${zipPath} has no bundle.js`);
  const mapBytes = entries['bundle.js.map'];
  const before = bundle.length;
  const { code, map, templates, styles } = await minifyBundle(
    new TextDecoder().decode(bundle),
    mapBytes ? JSON.parse(new TextDecoder().decode(mapBytes)) : undefined,
  );
  entries['bundle.js'] = new TextEncoder().encode(code);
  writeFileSync(join(dirname(zipPath), 'bundle.js'), code);
  if (map) {
    const mapText = JSON.stringify(map);
    entries['bundle.js.map'] = new TextEncoder().encode(mapText);
    const mapInDist = join(dirname(zipPath), 'bundle.js.map');
    if (existsSync(mapInDist)) writeFileSync(mapInDist, mapText);
  }
  writeFileSync(zipPath, zipSync(Object.fromEntries(Object.entries(entries).map(([name, data]) => [name, [data, { level: 9 }]]))));
  console.log(`minify-bundle: ${templates} templates collapsed, ${styles} styles minified, bundle.js ${before} → ${code.length} bytes`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    console.error(`minify-bundle: ${error instanceof Error ? error.message : error}`);
    process.exit(1);
  });
}
