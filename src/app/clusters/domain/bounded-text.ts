/*
 * Text out of hostile JSON in time proportional to what is kept, never to what was sent: a
 * 50 MB additionalDetails string costs one slice, a deep or wide object stops at the budget.
 * JSON.stringify would walk the whole value first.
 */
import { BoundedText } from './cluster-record';

export function boundedString(text: string, max: number): BoundedText {
  return text.length <= max ? { text, truncated: false } : { text: text.slice(0, max), truncated: true };
}

/** A string field, cut to `max`; anything that is not a string is absent. */
export function optionalString(value: unknown, max: number): string | undefined {
  return typeof value === 'string' && value !== '' ? value.slice(0, max) : undefined;
}

/** Nesting deeper than this is written as "…": real additionalDetails are one or two levels deep. */
const MAX_DEPTH = 8;

/**
 * JSON text of `value`, at most `max` characters. Each step writes at least one character or
 * stops, so the walk ends after O(max) steps whatever the size of the value.
 */
export function boundedJson(value: unknown, max: number): BoundedText {
  const parts: string[] = [];
  let used = 0;
  let truncated = false;
  const write = (text: string): boolean => {
    if (truncated) return false;
    if (used + text.length > max) {
      parts.push(text.slice(0, max - used));
      used = max;
      truncated = true;
      return false;
    }
    parts.push(text);
    used += text.length;
    return true;
  };
  const walk = (current: unknown, depth: number): boolean => {
    if (current === null || typeof current === 'number' || typeof current === 'boolean') return write(String(current));
    if (typeof current === 'string') return write(JSON.stringify(current.length > max ? current.slice(0, max) : current));
    if (depth >= MAX_DEPTH || typeof current !== 'object') return write('"…"');
    if (Array.isArray(current)) {
      if (!write('[')) return false;
      for (let i = 0; i < current.length; i++) {
        if ((i > 0 && !write(',')) || !walk(current[i], depth + 1)) return false;
      }
      return write(']');
    }
    if (!write('{')) return false;
    let first = true;
    for (const key in current) {
      if (!Object.prototype.hasOwnProperty.call(current, key)) continue;
      if ((!first && !write(',')) || !write(`${JSON.stringify(key.slice(0, max))}:`)) return false;
      first = false;
      if (!walk((current as Record<string, unknown>)[key], depth + 1)) return false;
    }
    return write('}');
  };
  walk(value, 0);
  return { text: parts.join(''), truncated };
}
