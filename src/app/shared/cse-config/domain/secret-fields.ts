/*
 * What of a vcdKeConfig change may be shown to the user who hit a 412. CSE's configuration holds
 * secrets (githubConfig.githubPersonalAccessToken, proxy URLs with user:password@): the conflict
 * panel names the field that changed but never its value. The rule errs on the side of hiding: a
 * field whose name merely sounds secret is hidden too, since showing one token costs more than
 * hiding one harmless value.
 */
import type { FieldChange } from './safe-write';
import type { JsonValue } from './vcdke-config';

/** Parts of a field name (lowercase, separators removed) that mark it as holding a secret. */
const SECRET_NAME_PARTS = [
  'token',
  'password',
  'passwd',
  'passphrase',
  'secret',
  'apikey',
  'privatekey',
  'credential',
  'authorization',
  'cookie',
] as const;

/** What replaces a secret inside a structured value that is otherwise shown. */
export const REDACTED = '***';

/** Longer values (a PEM) are cut: the path says which field, the start says which value. */
const MAX_SHOWN = 120;

/** Whether a field name says it holds a secret: `githubPersonalAccessToken`, `api_key`, `Password`… */
export function isSecretFieldName(name: string): boolean {
  const compact = name.toLowerCase().replace(/[^a-z0-9]/g, '');
  return SECRET_NAME_PARTS.some((part) => compact.includes(part));
}

/** Whether any field along a diff path (`profiles[0].githubConfig.githubPersonalAccessToken`) is secret. */
export function isSecretPath(path: string): boolean {
  return path
    .replace(/\[\d+\]/g, '')
    .split('.')
    .some(isSecretFieldName);
}

function isSpace(char: string): boolean {
  return char === ' ' || char === '\t' || char === '\n' || char === '\r' || char === '\f' || char === '\v';
}

/**
 * `http://user:pass@proxy:3128` → `http://***@proxy:3128`, for every `scheme://` in the text, and
 * a bare `user:pass@proxy:3128`. Everything up to the last '@' before the next space is hidden. Linear in the text's length (each character is looked at a
 * bounded number of times), whatever it holds.
 */
export function redactUrlCredentials(text: string): string {
  const schemes: number[] = [];
  for (let at = text.indexOf('://'); at !== -1; at = text.indexOf('://', at + 3)) schemes.push(at);
  if (schemes.length === 0) return redactBareCredentials(text);
  let out = '';
  let copied = 0;
  schemes.forEach((at, index) => {
    const start = at + 3;
    const limit = index + 1 < schemes.length ? (schemes[index + 1] as number) : text.length;
    let lastAt = -1;
    for (let end = start; end < limit; end++) {
      const char = text.charAt(end);
      // Not only up to '/': a password with an unescaped '/' must not show either.
      if (isSpace(char)) break;
      if (char === '@') lastAt = end;
    }
    if (lastAt !== -1) {
      out += `${text.slice(copied, start)}${REDACTED}`;
      copied = lastAt;
    }
  });
  return out + text.slice(copied);
}

/** `user:pass@host:port` written without a scheme (a form some proxy settings accept). */
function redactBareCredentials(text: string): string {
  const lastAt = text.lastIndexOf('@');
  if (lastAt <= 0 || /\s/.test(text)) return text;
  const colon = text.indexOf(':');
  return colon !== -1 && colon < lastAt ? `${REDACTED}${text.slice(lastAt)}` : text;
}

/** A copy of a structured value with every secret-named field and URL credential replaced. */
function redactDeep(value: JsonValue): JsonValue {
  if (typeof value === 'string') return redactUrlCredentials(value);
  if (Array.isArray(value)) return value.map(redactDeep);
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, isSecretFieldName(key) ? REDACTED : redactDeep(inner)]));
  }
  return value;
}

export type ShownValue =
  | { readonly kind: 'absent' }
  /** The field holds a secret: that it changed is all the user learns. */
  | { readonly kind: 'hidden' }
  | { readonly kind: 'shown'; readonly text: string };

export interface ShownChange {
  readonly path: string;
  readonly before: ShownValue;
  readonly after: ShownValue;
  readonly isHidden: boolean;
}

function showValue(value: JsonValue | undefined, hidden: boolean): ShownValue {
  if (value === undefined) return { kind: 'absent' };
  if (hidden) return { kind: 'hidden' };
  const redacted = redactDeep(value);
  // Cut only after redacting: a cut before the '@' would leave the start of a password visible.
  const text = typeof redacted === 'string' ? redacted : JSON.stringify(redacted);
  return { kind: 'shown', text: text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN - 3)}…` : text };
}

/** What the conflict panel may show of one field another writer changed. */
export function showChange(change: FieldChange): ShownChange {
  const isHidden = isSecretPath(change.path);
  return { path: change.path, before: showValue(change.before, isHidden), after: showValue(change.after, isHidden), isHidden };
}
