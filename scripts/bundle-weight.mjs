// What weighs in bundle.js: every generated character is attributed, through the build's source
// map, to the file it came from, and files are grouped by npm package (the plug-in's own code by
// feature folder). Pure functions; check-bundle.mjs prints the table and enforces the budget.
import { gzipSync } from 'node:zlib';

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const DIGIT = new Map([...BASE64].map((char, index) => [char, index]));

/** One segment's fields (relative values, as the format stores them), from its Base64 VLQ text. */
function decodeSegment(text) {
  const fields = [];
  let value = 0;
  let shift = 0;
  for (const char of text) {
    const digit = DIGIT.get(char);
    if (digit === undefined) throw new Error(`source map: "${char}" is not Base64 VLQ`);
    value += (digit & 31) << shift;
    if (digit & 32) {
      shift += 5;
      continue;
    }
    fields.push(value & 1 ? -(value >>> 1) : value >>> 1);
    value = 0;
    shift = 0;
  }
  return fields;
}

/** `webpack:///./node_modules/@peculiar/x509/build/x509.es.js` → `@peculiar/x509`; `src/app/certificates/…` → `plug-in: certificates`. */
export function ownerOf(source) {
  // webpack names a module `tslib?1763` when several copies are told apart, `external amd "rxjs"` for the host's.
  const path = source
    .replace(/^webpack:\/\/\/?/, '')
    .replace(/^\.\//, '')
    .replace(/\?[0-9a-f]+$/, '');
  if (path.startsWith('external ')) return '(webpack runtime)';
  const inModules = path.lastIndexOf('node_modules/');
  if (inModules >= 0) {
    const [first = '', second = ''] = path.slice(inModules + 'node_modules/'.length).split('/');
    return first.startsWith('@') ? `${first}/${second}` : first;
  }
  const feature = /(?:^|\/)src\/app\/([^/]+)\//.exec(path)?.[1];
  if (feature) return `plug-in: ${feature}`;
  if (/(?:^|\/)src\/app\/[^/]+$/.test(path)) return 'plug-in: (root)';
  return path.startsWith('webpack/') || path === '' ? '(webpack runtime)' : path;
}

/**
 * The generated text of each owner, in bundle order. Columns count UTF-16 code units, as source
 * maps do; text no segment maps is `(unmapped)`.
 */
export function textByOwner(bundle, map) {
  const owners = map.sources.map(ownerOf);
  const pieces = new Map();
  const add = (owner, text) => {
    if (text === '') return;
    const list = pieces.get(owner);
    if (list) list.push(text);
    else pieces.set(owner, [text]);
  };
  const lines = bundle.split('\n');
  let source = 0;
  map.mappings.split(';').forEach((lineMappings, lineIndex) => {
    const line = lines[lineIndex] ?? '';
    let column = 0;
    const segments = [];
    for (const text of lineMappings.split(',')) {
      if (text === '') continue;
      const fields = decodeSegment(text);
      column += fields[0] ?? 0;
      if (fields.length >= 4) source += fields[1] ?? 0;
      segments.push({ column, owner: fields.length >= 4 ? (owners[source] ?? '(unmapped)') : '(unmapped)' });
    }
    segments.sort((a, b) => a.column - b.column);
    add('(unmapped)', line.slice(0, segments[0]?.column ?? line.length));
    segments.forEach((segment, index) => add(segment.owner, line.slice(segment.column, segments[index + 1]?.column ?? line.length)));
    if (lineIndex < lines.length - 1) add('(unmapped)', '\n');
  });
  for (let rest = map.mappings.split(';').length; rest < lines.length; rest++) add('(unmapped)', `${lines[rest]}\n`);
  return new Map([...pieces].map(([owner, list]) => [owner, list.join('')]));
}

/**
 * Bytes and gzipped bytes per owner, heaviest first. Each owner's gzip is its own text compressed
 * alone: an upper bound of what removing it saves (the sum exceeds the bundle's gzip).
 */
export function weighBundle(bundle, map) {
  const rows = [...textByOwner(bundle, map)].map(([owner, text]) => ({
    owner,
    bytes: Buffer.byteLength(text, 'utf8'),
    gzipBytes: gzipSync(text, { level: 9 }).length,
  }));
  return rows.sort((a, b) => b.bytes - a.bytes);
}

export function gzipSize(bytes) {
  return gzipSync(bytes, { level: 9 }).length;
}

const kib = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;

export function weightTable(rows, totalBytes, totalGzip) {
  const width = Math.max(...rows.map((row) => row.owner.length), 'package'.length);
  const line = (owner, bytes, gzip, share) => `  ${owner.padEnd(width)}  ${bytes.padStart(10)}  ${gzip.padStart(10)}  ${share.padStart(6)}`;
  return [
    line('package', 'raw', 'gzip alone', 'share'),
    ...rows.map((row) => line(row.owner, kib(row.bytes), kib(row.gzipBytes), `${((row.bytes * 100) / totalBytes).toFixed(1)}%`)),
    line('bundle.js', kib(totalBytes), kib(totalGzip), '100%'),
  ].join('\n');
}
