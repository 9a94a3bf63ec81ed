/*
 * ICU MessageFormat, formatted with the browser's Intl. The asset build reads every message with
 * @messageformat/parser (prepare-messages.ts) and ships its tokens in i18n.json, so the bundle carries
 * neither a parser nor a compiler: here the tokens become a tree of closures, once per message, and
 * formatting is one walk over it. No JavaScript is generated or evaluated: the host's page may forbid
 * `new Function`, and the compiler that generates it (with plural rules for every locale) weighed
 * 25 KiB gzipped of a bundle VCD loads at every login; the parser, 5 KiB more.
 *
 * The output is that of @messageformat/core 3.0.1 (the equivalence spec formats every shipped message
 * through both): `#` and `{n, number}` are Intl.NumberFormat(locale) of the value (minus the offset),
 * an exact case (`=1`) wins over a plural category, a select without a matching case takes `other`,
 * a missing argument reads "undefined". Plural categories come from Intl.PluralRules, which carries
 * the same CLDR rules as @messageformat/core's make-plural for the numbers a plug-in shows.
 */

/** One part of a message, as @messageformat/parser reads it, without its source positions. */
export type PreparedToken =
  | { readonly type: 'content'; readonly value: string }
  | { readonly type: 'argument'; readonly arg: string }
  | { readonly type: 'octothorpe' }
  | { readonly type: 'function'; readonly arg: string; readonly key: string; readonly param?: readonly PreparedToken[] }
  | {
      readonly type: 'plural' | 'selectordinal' | 'select';
      readonly arg: string;
      readonly pluralOffset?: number;
      readonly cases: readonly PreparedCase[];
    };
export interface PreparedCase {
  readonly key: string;
  readonly tokens: readonly PreparedToken[];
}
/** A message as i18n.json ships it: its text when it has no arguments (quotes already resolved), else its tokens. */
export type PreparedMessage = string | readonly PreparedToken[];

/** The values a message names, by argument name. */
export type MessageParams = Readonly<Record<string, unknown>>;
export type FormatMessage = (params: MessageParams) => string;

/** Thrown for a message this formatter cannot render (a function other than number, or no `other` case). */
export class UnsupportedMessageError extends Error {
  override readonly name = 'UnsupportedMessageError';
}

type Render = (params: MessageParams) => unknown;
type Cases = Readonly<Record<string, Render>>;
/** The plural argument that `#` stands for, inside its cases. */
interface Hash {
  readonly arg: string;
  readonly offset: number;
}

/** A prepared message as a function of its parameters; throws UnsupportedMessageError for what it cannot format. */
export function compilePrepared(locale: string, message: PreparedMessage): FormatMessage {
  if (typeof message === 'string') return () => message;
  if (!Array.isArray(message)) throw new UnsupportedMessageError('A message is neither text nor tokens');
  const render = new Compiler(localeIntl(locale)).sequence(message, null);
  return (params) => String(render(params));
}

/** The plural categories of a locale (what a plural's cases may be named), for the parser. */
export function pluralCategories(locale: string): { cardinal: Intl.LDMLPluralRule[]; ordinal: Intl.LDMLPluralRule[] } {
  const intl = localeIntl(locale);
  return { cardinal: intl.cardinal.resolvedOptions().pluralCategories, ordinal: intl.ordinal.resolvedOptions().pluralCategories };
}

/** One locale's Intl objects, made once: building them costs more than formatting with them. */
class LocaleIntl {
  readonly cardinal: Intl.PluralRules;
  readonly ordinal: Intl.PluralRules;
  private readonly numberFormats = new Map<string, Intl.NumberFormat>();

  constructor(private readonly locale: string) {
    this.cardinal = new Intl.PluralRules(locale, { type: 'cardinal' });
    this.ordinal = new Intl.PluralRules(locale, { type: 'ordinal' });
  }

  number(style = '', options: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
    let format = this.numberFormats.get(style);
    if (!format) this.numberFormats.set(style, (format = new Intl.NumberFormat(this.locale, options)));
    return format;
  }
}

const intlByLocale = new Map<string, LocaleIntl>();
function localeIntl(locale: string): LocaleIntl {
  let intl = intlByLocale.get(locale);
  if (!intl) intlByLocale.set(locale, (intl = new LocaleIntl(locale)));
  return intl;
}

class Compiler {
  constructor(private readonly intl: LocaleIntl) {}

  /**
   * The parts as one text, "" for none. @messageformat/core joins them with JavaScript's `+`, which would
   * add two numbers given to adjacent arguments (`{a}{b}`); here they are written side by side. No
   * shipped message has two adjacent arguments.
   */
  sequence(tokens: readonly PreparedToken[], hash: Hash | null): Render {
    const parts = tokens.map((token) => this.token(token, hash));
    if (parts.length === 0) return () => '';
    if (parts.length === 1) return parts[0] as Render;
    return (params) => parts.map((part) => String(part(params))).join('');
  }

  private token(token: PreparedToken, hash: Hash | null): Render {
    switch (token.type) {
      case 'content': {
        const text = token.value;
        return () => text;
      }
      case 'argument': {
        const arg = token.arg;
        return (params) => params[arg];
      }
      case 'octothorpe': {
        if (!hash) return () => '#';
        const { arg, offset } = hash;
        return (params) => this.intl.number().format(Number(params[arg]) - offset);
      }
      case 'function':
        return this.function(token.arg, token.key, token.param);
      case 'select': {
        const { arg } = token;
        const cases = this.cases(token.type, token.cases, hash);
        return (params) => (own(cases, params[arg]) ?? (cases['other'] as Render))(params);
      }
      case 'plural':
      case 'selectordinal': {
        const { arg } = token;
        const offset = token.pluralOffset ?? 0;
        const rules = token.type === 'plural' ? this.intl.cardinal : this.intl.ordinal;
        const cases = this.cases(token.type, token.cases, { arg, offset });
        return (params) => {
          const value = params[arg];
          const exact = own(cases, value);
          if (exact) return exact(params);
          const category = rules.select(Number(value) - offset);
          return (own(cases, category) ?? (cases['other'] as Render))(params);
        };
      }
      default:
        // Tokens come from i18n.json: a part of no known kind makes the message unusable, not blank.
        throw new UnsupportedMessageError(`Unknown message part: ${String((token as { type?: unknown }).type)}`);
    }
  }

  private cases(type: string, cases: readonly PreparedCase[], hash: Hash | null): Cases {
    const compiled: Record<string, Render> = Object.create(null);
    for (const { key, tokens } of cases) compiled[key.replace(/^=/, '')] = this.sequence(tokens, hash);
    if (!compiled['other']) throw new UnsupportedMessageError(`No 'other' case in a ${type}`);
    return compiled;
  }

  private function(arg: string, key: string, param: readonly PreparedToken[] | undefined): Render {
    if (key !== 'number') throw new UnsupportedMessageError(`Unsupported formatter: ${key}`);
    if (!param || param.length === 0) return (params) => this.intl.number().format(Number(params[arg]));
    const style = param.length === 1 && param[0]?.type === 'content' ? param[0].value.trim() : '';
    const options = NUMBER_STYLES[style];
    if (!options) throw new UnsupportedMessageError(`Unsupported number style: ${style}`);
    return (params) => this.intl.number(style, options).format(params[arg] as number);
  }
}

/** The styles of `{n, number, style}` that @messageformat/core maps onto Intl.NumberFormat options. */
const NUMBER_STYLES: Readonly<Record<string, Intl.NumberFormatOptions>> = {
  integer: { maximumFractionDigits: 0 },
  percent: { style: 'percent' },
};

/** The case named by the value, as a property key (so 1 finds `=1`), if the message has one. */
function own(cases: Cases, value: unknown): Render | undefined {
  const key = String(value);
  return Object.hasOwn(cases, key) ? cases[key] : undefined;
}
