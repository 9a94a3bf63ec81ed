/*
 * Readers for the two structured headers a presence check acts on: the challenges of
 * `WWW-Authenticate` (RFC 9110 §11.6.1) and the `rel="next"` target of `Link` (RFC 8288). A
 * registry's headers may be hostile — a browser lets up to 256 KiB through — so each reader moves
 * one index forward and never searches back from where it stands: the work is proportional to the
 * header, whatever it holds (runs of commas or quotes, quotes that never close, `<` without `>`).
 * A header longer than MAX_HEADER_LENGTH is refused before it is read.
 */
import { HttpHeaders } from '@angular/common/http';
import { CheckFailed } from './check-run';

/** 64 KiB: real challenges and links are a few hundred bytes; nginx refuses request headers over 8 KiB. */
export const MAX_HEADER_LENGTH = 65_536;

export interface Challenge {
  /** As sent: compare case-insensitively. */
  readonly scheme: string;
  /** Parameter names in lower case; a repeated name keeps its last value. */
  readonly params: ReadonlyMap<string, string>;
}

const TAB = 0x09;
const SPACE = 0x20;
const QUOTE = 0x22;
const COMMA = 0x2c;
const SEMICOLON = 0x3b;
const LESS_THAN = 0x3c;
const EQUALS = 0x3d;
const BACKSLASH = 0x5c;

/** RFC 9110 tchar: the characters of a token (scheme, parameter name). */
const TCHAR = new Uint8Array(128);
for (const char of "!#$%&'*+-.^_`|~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz") TCHAR[char.charCodeAt(0)] = 1;

const isTchar = (unit: number): boolean => unit < 128 && TCHAR[unit] === 1;
const isSpace = (unit: number): boolean => unit === SPACE || unit === TAB;
const isListSeparator = (unit: number): boolean => isSpace(unit) || unit === COMMA;
/** An unquoted value runs to the next space, comma or semicolon (realms are URLs: wider than a token). */
const isBareValue = (unit: number): boolean => !isSpace(unit) && unit !== COMMA && unit !== SEMICOLON;

/** The first index from `from` whose character does not satisfy `accept`. */
function skipWhile(text: string, from: number, accept: (unit: number) => boolean): number {
  let at = from;
  while (at < text.length && accept(text.charCodeAt(at))) at++;
  return at;
}

/**
 * A value at `from`: a quoted-string (backslash escapes undone) or a bare value. A quote that
 * never closes yields no value and ends the header: it is broken, not to be guessed at.
 */
function readValue(text: string, from: number): { readonly value?: string; readonly end: number } {
  if (text.charCodeAt(from) !== QUOTE) {
    const end = skipWhile(text, from, isBareValue);
    return { value: text.slice(from, end), end };
  }
  const parts: string[] = [];
  let chunk = from + 1;
  for (let at = chunk; at < text.length; at++) {
    const unit = text.charCodeAt(at);
    if (unit === QUOTE) {
      parts.push(text.slice(chunk, at));
      return { value: parts.join(''), end: at + 1 };
    }
    if (unit === BACKSLASH) {
      parts.push(text.slice(chunk, at));
      chunk = at + 1;
      at++;
    }
  }
  return { end: text.length };
}

/**
 * Every challenge, in order: `Bearer realm="…",service="…", Basic realm="…"`. A token followed by
 * `=` is a parameter of the challenge before it; any other token starts a challenge. Characters
 * that fit nowhere are stepped over.
 */
export function parseChallenges(header: string): Challenge[] {
  if (header.length > MAX_HEADER_LENGTH) return [];
  const challenges: { scheme: string; params: Map<string, string> }[] = [];
  let at = 0;
  while (at < header.length) {
    at = skipWhile(header, at, isListSeparator);
    const tokenEnd = skipWhile(header, at, isTchar);
    if (tokenEnd === at) {
      at++;
      continue;
    }
    const token = header.slice(at, tokenEnd);
    const afterToken = skipWhile(header, tokenEnd, isSpace);
    if (header.charCodeAt(afterToken) !== EQUALS) {
      challenges.push({ scheme: token, params: new Map() });
      at = afterToken;
      continue;
    }
    const { value, end } = readValue(header, skipWhile(header, afterToken + 1, isSpace));
    const current = challenges[challenges.length - 1];
    if (current && value !== undefined) current.params.set(token.toLowerCase(), value);
    at = Math.max(end, afterToken + 1);
  }
  return challenges;
}

/**
 * The target of the first link whose `rel` names `next`: `</v2/x/tags/list?last=t&n=100>; rel="next"`.
 * Undefined when there is none, or the header is longer than MAX_HEADER_LENGTH.
 */
export function nextLinkTarget(header: string): string | undefined {
  if (header.length > MAX_HEADER_LENGTH) return undefined;
  let at = 0;
  while (at < header.length) {
    at = skipWhile(header, at, isListSeparator);
    if (at >= header.length) break;
    if (header.charCodeAt(at) === LESS_THAN) {
      const close = header.indexOf('>', at + 1);
      // No `>` anywhere after: no link can follow either.
      if (close < 0) break;
      const target = header.slice(at + 1, close);
      const params = readLinkParams(header, close + 1);
      if (params.isNext) return target;
      at = params.end;
    }
    // Whatever is left of this link value (or is not one) runs to the next comma.
    const comma = header.indexOf(',', at);
    at = comma < 0 ? header.length : comma + 1;
  }
  return undefined;
}

/** `; name=value` parameters from `from`; isNext when a `rel` lists `next` among its relation types. */
function readLinkParams(header: string, from: number): { readonly isNext: boolean; readonly end: number } {
  let isNext = false;
  let at = skipWhile(header, from, isSpace);
  while (header.charCodeAt(at) === SEMICOLON) {
    const nameStart = skipWhile(header, at + 1, isSpace);
    const nameEnd = skipWhile(header, nameStart, isTchar);
    at = skipWhile(header, nameEnd, isSpace);
    if (header.charCodeAt(at) !== EQUALS) continue;
    const { value, end } = readValue(header, skipWhile(header, at + 1, isSpace));
    if (header.slice(nameStart, nameEnd).toLowerCase() === 'rel' && value !== undefined) {
      isNext ||= value
        .toLowerCase()
        .split(/[ \t]+/)
        .includes('next');
    }
    at = skipWhile(header, end, isSpace);
  }
  return { isNext, end: at };
}

/** The header's value, or a CheckFailed that names it when it is longer than MAX_HEADER_LENGTH. */
export function boundedHeader(headers: HttpHeaders, name: string): string | null {
  const value = headers.get(name);
  if (value !== null && value.length > MAX_HEADER_LENGTH) {
    throw new CheckFailed({ kind: 'headerTooLarge', header: name, size: value.length, max: MAX_HEADER_LENGTH });
  }
  return value;
}
