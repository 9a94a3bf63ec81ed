/*
 * Messages read at build time: the asset build (scripts/prepare-plugin-assets.mjs) and the specs turn
 * each ICU MessageFormat source of i18n/*.json into what i18n.json ships — its text when it names no
 * argument (ICU quotes resolved: `'{'` is `{`), else the parser's tokens without their source
 * positions. Not exported by the domain's index: the bundle must not carry @messageformat/parser.
 */
import { parse, type Token } from '@messageformat/parser';
import { compilePrepared, pluralCategories, type FormatMessage, type PreparedMessage, type PreparedToken } from './message-format';

/** Reads one message; throws the parser's error for a source that is not ICU MessageFormat, or names a plural case the locale lacks. */
export function prepareMessage(locale: string, source: string): PreparedMessage {
  const tokens = parse(source, pluralCategories(locale)).map(withoutPositions);
  return tokens.every((token) => token.type === 'content')
    ? tokens.map((token) => (token.type === 'content' ? token.value : '')).join('')
    : tokens;
}

/** Every message of one locale, by key. */
export function prepareMessages(locale: string, sources: Readonly<Record<string, string>>): Record<string, PreparedMessage> {
  return Object.fromEntries(Object.entries(sources).map(([key, source]) => [key, prepareMessage(locale, source)]));
}

/** A source read and compiled in one step (for the specs). */
export function compileMessage(locale: string, source: string): FormatMessage {
  return compilePrepared(locale, prepareMessage(locale, source));
}

function withoutPositions(token: Token): PreparedToken {
  switch (token.type) {
    case 'content':
      return { type: 'content', value: token.value };
    case 'argument':
      return { type: 'argument', arg: token.arg };
    case 'octothorpe':
      return { type: 'octothorpe' };
    case 'function':
      return { type: 'function', arg: token.arg, key: token.key, ...(token.param ? { param: token.param.map(withoutPositions) } : {}) };
    default:
      return {
        type: token.type,
        arg: token.arg,
        ...(token.pluralOffset ? { pluralOffset: token.pluralOffset } : {}),
        cases: token.cases.map(({ key, tokens }) => ({ key, tokens: tokens.map(withoutPositions) })),
      };
  }
}
