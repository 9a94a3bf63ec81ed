/*
 * Reads a dependencies.txt as getting_started.sh consumes it: one image per line, either
 * `<source-registry> <repository> <tag>` or one full reference. Liberal in what it accepts (BOM,
 * CRLF, tabs, comments, placeholders), precise about what it refuses: every other line is
 * reported with its number and a reason, and reading goes on. The text is only ever split and
 * matched against patterns — nothing in it is executed, evaluated or sent anywhere.
 */
import { FileRejectionCode, LineProblemCode, MessageParams } from './codes';
import { ImageReference, imageFromParts, parseImageReference } from './image-reference';

/** Where release builds of CAPVCD, CPI and CSI publish, i.e. what `__REGISTRY__` stands for. */
export const DEFAULT_SOURCE_REGISTRY = 'projects.registry.vmware.com/vmware-cloud-director';
export const MAX_FILE_BYTES = 1024 * 1024;
export const MAX_IMAGE_LINES = 5000;
/** No valid line comes near this; longer ones are refused before any pattern runs on them. */
export const MAX_LINE_LENGTH = 1024;

export interface PlaceholderValues {
  /** `__REGISTRY__`; defaults to DEFAULT_SOURCE_REGISTRY. */
  readonly registry?: string;
  /** `__VERSION__`: the component's tag; left unresolved (and reported) when not given. */
  readonly version?: string;
}

export interface DependencyLine {
  /** 1-based, counted as an editor counts them. */
  readonly line: number;
  readonly image: ImageReference;
}

export interface LineProblem {
  readonly line: number;
  readonly code: LineProblemCode;
  readonly params?: MessageParams;
  /** The line as written (trimmed, shortened for display). */
  readonly text: string;
}

export type DependencyFileReading =
  | { readonly kind: 'rejected'; readonly code: FileRejectionCode; readonly params?: MessageParams }
  | {
      readonly kind: 'parsed';
      readonly images: readonly DependencyLine[];
      /** Image lines the user put a `#` in front of: the documented way to leave one out. */
      readonly skippedByUser: readonly DependencyLine[];
      readonly problems: readonly LineProblem[];
      readonly lineCount: number;
    };

type LineResult =
  | { readonly ok: true; readonly image: ImageReference }
  | { readonly ok: false; readonly code: LineProblemCode; readonly params?: MessageParams };

const MAX_SHOWN_TEXT = 200;
// C0 and C1 controls except tab, DEL, zero-width and bidi controls, invisible operators, BOM,
// interlinear annotations, and lone surrogates: nothing a person can see or mean in a reference.
// With the u flag a valid surrogate pair is one code point, so the range only catches lone halves.
const NON_PRINTABLE =
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  /[\u0000-\u0008\u000A-\u001F\u007F-\u009F\u00AD\u061C\u180E\u200B-\u200F\u2028-\u202E\u2060-\u206F\uD800-\uDFFF\uFEFF\uFFF9-\uFFFB]/u;
const SCHEME = /(?:^|[\s/])([a-z][a-z0-9+.-]*):\/\//i;
// Glob brackets are left out: an IPv6 registry needs them, and elsewhere the reference check refuses them.
const SHELL_METACHARACTERS = /[`$;|&<>(){}\\!*?'"]/g;
// Tabs and the Unicode spaces a copy from a web page or a word processor brings.
const FIELD_SEPARATOR = /[ \t\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]+/;
const PLACEHOLDER = /__[A-Z][A-Z0-9_]*?__/g;
const TRAILING_COMMENT = /[ \t]#.*$/;

export function readDependencyFile(input: string | Uint8Array, placeholders: PlaceholderValues = {}): DependencyFileReading {
  const decoded = decode(input);
  if (decoded.kind === 'rejected') {
    return decoded;
  }
  // String.trim() also drops a BOM, but only at the very start is one expected: strip it there.
  const lines = decoded.text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  const imageLineCount = lines.filter((line) => !isBlankOrComment(line)).length;
  if (imageLineCount > MAX_IMAGE_LINES) {
    return { kind: 'rejected', code: 'tooManyLines', params: { max: MAX_IMAGE_LINES, lines: imageLineCount } };
  }
  const images: DependencyLine[] = [];
  const skippedByUser: DependencyLine[] = [];
  const problems: LineProblem[] = [];
  lines.forEach((raw, index) => {
    const line = index + 1;
    const text = raw.trim();
    if (text === '') {
      return;
    }
    if (text.startsWith('#')) {
      // A commented-out image is a decision, not a remark: keep it. Prose comments stay silent.
      const commented = readLine(text.replace(/^#+/, '').trim(), placeholders);
      if (commented.ok) {
        skippedByUser.push({ line, image: commented.image });
      }
      return;
    }
    const result = readLine(text, placeholders);
    if (result.ok) {
      images.push({ line, image: result.image });
    } else {
      problems.push({ line, code: result.code, ...(result.params ? { params: result.params } : {}), text: shorten(text) });
    }
  });
  return { kind: 'parsed', images, skippedByUser, problems, lineCount: lines.length };
}

/** One line, comment marker already removed. The checks run from the most telling to the most specific. */
function readLine(text: string, placeholders: PlaceholderValues): LineResult {
  if (text.length > MAX_LINE_LENGTH) {
    return { ok: false, code: 'invalidReference', params: { maxLength: MAX_LINE_LENGTH } };
  }
  const hidden = NON_PRINTABLE.exec(text);
  if (hidden) {
    return { ok: false, code: 'nonPrintable', params: { codePoint: codePointLabel(hidden[0]) } };
  }
  const content = text.replace(TRAILING_COMMENT, '');
  const scheme = SCHEME.exec(content);
  if (scheme) {
    return { ok: false, code: 'urlLike', params: { scheme: scheme[1] ?? '' } };
  }
  const metacharacters = [...new Set(content.match(SHELL_METACHARACTERS) ?? [])];
  if (metacharacters.length > 0) {
    return { ok: false, code: 'shellMetacharacters', params: { characters: metacharacters.join(' ') } };
  }
  const resolved = resolvePlaceholders(content, placeholders);
  const unresolved = resolved.match(PLACEHOLDER);
  if (unresolved) {
    return { ok: false, code: 'unresolvedPlaceholder', params: { placeholder: unresolved[0] } };
  }
  const fields = resolved.split(FIELD_SEPARATOR).filter((field) => field !== '');
  if (fields.length > 3) {
    return { ok: false, code: 'tooManyFields', params: { fields: fields.length } };
  }
  if (fields.length === 2) {
    return { ok: false, code: 'tooFewFields', params: { fields: fields.length } };
  }
  const [first = '', repository = '', tagOrDigest = ''] = fields;
  return fields.length === 1 ? parseImageReference(first) : fromThreeFields(first, repository, tagOrDigest);
}

/** `<source-registry> <repository> <tag>`: the registry may carry a path, the repository may too. */
function fromThreeFields(registry: string, repository: string, tagOrDigest: string): LineResult {
  const name = `${registry.replace(/\/+$/, '')}/${repository.replace(/^\/+/, '')}`;
  if (tagOrDigest.startsWith('@') || /^sha\d+:/.test(tagOrDigest)) {
    return imageFromParts(name, undefined, tagOrDigest.replace(/^@/, ''));
  }
  return imageFromParts(name, tagOrDigest, undefined);
}

function resolvePlaceholders(text: string, { registry = DEFAULT_SOURCE_REGISTRY, version }: PlaceholderValues): string {
  const withRegistry = text.split('__REGISTRY__').join(registry);
  return version === undefined ? withRegistry : withRegistry.split('__VERSION__').join(version);
}

function decode(
  input: string | Uint8Array,
): { kind: 'text'; text: string } | { kind: 'rejected'; code: FileRejectionCode; params?: MessageParams } {
  const bytes = typeof input === 'string' ? utf8Length(input) : input.length;
  if (bytes > MAX_FILE_BYTES) {
    return { kind: 'rejected', code: 'tooLarge', params: { maxBytes: MAX_FILE_BYTES, bytes } };
  }
  if (typeof input === 'string') {
    return input.includes('\u0000') ? { kind: 'rejected', code: 'binary' } : { kind: 'text', text: input };
  }
  if (input.includes(0)) {
    return { kind: 'rejected', code: 'binary' };
  }
  try {
    return { kind: 'text', text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(input) };
  } catch {
    // Not UTF-8: an image, an archive, a UTF-16 export. None of it is a dependency list.
    return { kind: 'rejected', code: 'binary' };
  }
}

/** Exact for anything near the limit, without encoding a string that is obviously too long. */
function utf8Length(text: string): number {
  return text.length > MAX_FILE_BYTES ? text.length : new TextEncoder().encode(text).length;
}

function isBlankOrComment(line: string): boolean {
  const text = line.trim();
  return text === '' || text.startsWith('#');
}

function codePointLabel(character: string): string {
  return `U+${(character.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

function shorten(text: string): string {
  return text.length > MAX_SHOWN_TEXT ? `${text.slice(0, MAX_SHOWN_TEXT - 1)}…` : text;
}
