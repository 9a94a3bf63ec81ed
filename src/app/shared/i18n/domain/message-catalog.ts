/*
 * The plug-in's messages by locale, and the rule that picks one, as the VCD SDK's i18n library had it (so the plug-in
 * reads the same for a user): the preferred locale's message, else the fallback locale's, else
 * "?key", so that a missing key shows on the page instead of a blank. A message is compiled once per
 * locale and key, when it is first shown; one that cannot be (tokens of no known kind) counts as missing.
 */
import { compilePrepared, type FormatMessage, type MessageParams, type PreparedMessage } from './message-format';

/** Flat keys (`registry.settings.title`) to prepared messages (prepare-messages.ts), as i18n.json ships them. */
export type Messages = Readonly<Record<string, PreparedMessage>>;
/** Messages by locale, as i18n.json serves them: `{ "en": {…}, "fr": {…} }`. */
export type TranslationSet = Readonly<Record<string, Messages | undefined>>;

export const FALLBACK_LOCALE = 'en';

export class MessageCatalog {
  private readonly sources = new Map<string, Map<string, PreparedMessage>>();
  private readonly compiled = new Map<string, FormatMessage | null>();

  constructor(
    readonly preferredLocale: string,
    readonly fallbackLocale: string = FALLBACK_LOCALE,
  ) {}

  /** Adds (or replaces) messages; a later set wins key by key. Values that are neither text nor tokens are ignored. */
  add(set: TranslationSet): void {
    for (const [locale, messages] of Object.entries(set)) {
      if (!messages || typeof messages !== 'object') continue;
      let known = this.sources.get(locale);
      if (!known) this.sources.set(locale, (known = new Map()));
      for (const [key, source] of Object.entries(messages)) {
        if (typeof source !== 'string' && !Array.isArray(source)) continue;
        known.set(key, source);
        this.compiled.delete(cacheKey(locale, key));
      }
    }
  }

  /**
   * The message for `key` with `params`: `[{ name: value }]` for named arguments (what the translate
   * pipe passes), or positional values `[a, b]` for `{0}`, `{1}`, numbers written without grouping.
   */
  translate(key: string, params: readonly unknown[] = []): string {
    for (const locale of [this.preferredLocale, this.fallbackLocale]) {
      const source = this.sources.get(locale)?.get(key);
      // An empty message counts as missing, as it did for the VCD SDK's library.
      const format = source?.length ? this.compile(locale, key, source) : null;
      if (format) return format(this.namedParams(params));
    }
    return `?${key}`;
  }

  private compile(locale: string, key: string, source: PreparedMessage): FormatMessage | null {
    const id = cacheKey(locale, key);
    let format = this.compiled.get(id);
    if (format === undefined) {
      try {
        format = compilePrepared(locale, source);
      } catch (error) {
        console.warn(`The message ${key} (${locale}) cannot be shown:`, error);
        format = null;
      }
      this.compiled.set(id, format);
    }
    return format;
  }

  private namedParams(params: readonly unknown[]): MessageParams {
    const first: unknown = params.length ? params[0] : {};
    if (first !== null && typeof first === 'object') return first as MessageParams;
    const positional = new Intl.NumberFormat(this.preferredLocale, { maximumFractionDigits: 20, useGrouping: false });
    return Object.fromEntries(params.map((value, at) => [String(at), typeof value === 'number' ? positional.format(value) : value]));
  }
}

function cacheKey(locale: string, key: string): string {
  return `${locale}\n${key}`;
}
