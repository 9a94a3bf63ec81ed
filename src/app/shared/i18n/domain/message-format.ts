/*
 * ICU MessageFormat, formatted with the browser's Intl. @messageformat/parser reads the message (the
 * parser that @messageformat/core itself uses); the tokens become a tree of closures, so a message is
 * parsed once and formatting is one walk over it. No JavaScript is generated or evaluated: the host's
 * page may forbid `new Function`, and the compiler that generates it (with plural rules for every
 * locale) weighed 25 KiB gzipped of a bundle VCD loads at every login.
 *
 * The output is that of @messageformat/core 3.0.1 (the equivalence spec formats every shipped message
 * through both): `#` and `{n, number}` are Intl.NumberFormat(locale) of the value (minus the offset),
 * an exact case (`=1`) wins over a plural category, a select without a matching case takes `other`,
 * a missing argument reads "undefined". Plural categories come from Intl.PluralRules, which carries
 * the same CLDR rules as @messageformat/core's make-plural for the numbers a plug-in shows.
 */
import { parse, type Token } from '@messageformat/parser';

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

export function compileMessage(locale: string, source: string): FormatMessage {
  const intl = localeIntl(locale);
  const tokens = parse(source, {
    cardinal: intl.cardinal.resolvedOptions().pluralCategories,
    ordinal: intl.ordinal.resolvedOptions().pluralCategories,
  });
  const render = new Compiler(intl).sequence(tokens, null);
  return (params) => String(render(params));
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
  sequence(tokens: readonly Token[], hash: Hash | null): Render {
    const parts = tokens.map((token) => this.token(token, hash));
    if (parts.length === 0) return () => '';
    if (parts.length === 1) return parts[0] as Render;
    return (params) => parts.map((part) => String(part(params))).join('');
  }

  private token(token: Token, hash: Hash | null): Render {
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
    }
  }

  private cases(type: string, cases: readonly { key: string; tokens: Token[] }[], hash: Hash | null): Cases {
    const compiled: Record<string, Render> = Object.create(null);
    for (const { key, tokens } of cases) compiled[key.replace(/^=/, '')] = this.sequence(tokens, hash);
    if (!compiled['other']) throw new UnsupportedMessageError(`No 'other' case in a ${type}`);
    return compiled;
  }

  private function(arg: string, key: string, param: readonly Token[] | undefined): Render {
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
