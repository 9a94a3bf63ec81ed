/*
 * Every message the plug-in ships, as the plug-in formats it (prepared as the asset build does, through
 * JSON as i18n.json carries it, then compiled) and as @messageformat/core 3.0.1 formats its source
 * (what the VCD SDK's i18n library formatted with before): the same text for every case a message has.
 * Each argument takes every value that picks a different branch: numbers (0, 1, 2, 5, 1000,
 * 1234567.5) for plural and number arguments, each case and an unknown value for a select, a word
 * otherwise. One argument varies at a time, the others keep their first value.
 */
import MessageFormat from '@messageformat/core';
import { parse, type Token } from '@messageformat/parser';
import { PLUGIN_SOURCES } from '../testing/plugin-messages';
import { compilePrepared, type PreparedMessage } from './message-format';
import { prepareMessage } from './prepare-messages';

const NUMBERS: readonly unknown[] = [0, 1, 2, 5, 1000, 1234567.5];

/** The values worth trying for each argument the message names. */
function argumentValues(tokens: readonly Token[], values = new Map<string, unknown[]>()): Map<string, unknown[]> {
  const add = (arg: string, more: readonly unknown[]) => values.set(arg, [...new Set([...(values.get(arg) ?? []), ...more])]);
  for (const token of tokens) {
    if (token.type === 'content' || token.type === 'octothorpe') continue;
    if (token.type === 'argument') add(token.arg, ['word']);
    else if (token.type === 'select') add(token.arg, [...token.cases.map(({ key }) => key), 'unknown-case']);
    else add(token.arg, NUMBERS);
    if ('cases' in token) for (const { tokens: inner } of token.cases) argumentValues(inner, values);
  }
  return values;
}

function paramSets(values: Map<string, unknown[]>): Record<string, unknown>[] {
  const base = Object.fromEntries([...values].map(([arg, options]) => [arg, options[0]]));
  const sets = [base];
  for (const [arg, options] of values) for (const value of options.slice(1)) sets.push({ ...base, [arg]: value });
  return sets;
}

describe('prepared messages, against @messageformat/core 3.0.1', () => {
  for (const locale of ['en', 'fr'] as const) {
    describe(`for every message of i18n/${locale}.json`, () => {
      const messages = Object.entries(PLUGIN_SOURCES[locale]);

      it('has messages to compare', () => {
        expect(messages.length).toBeGreaterThan(700);
      });

      it('writes the same text for every branch of every message', () => {
        const reference = new MessageFormat(locale);
        const differences: string[] = [];
        let compared = 0;
        for (const [key, source] of messages) {
          const shipped = JSON.parse(JSON.stringify(prepareMessage(locale, source))) as PreparedMessage;
          const ours = compilePrepared(locale, shipped);
          const theirs = reference.compile(source);
          for (const params of paramSets(argumentValues(parse(source)))) {
            const [expected, actual] = [String(theirs(params)), ours(params)];
            compared++;
            if (expected !== actual)
              differences.push(`${key} ${JSON.stringify(params)}: ${JSON.stringify(actual)} ≠ ${JSON.stringify(expected)}`);
          }
        }
        expect(differences).toEqual([]);
        expect(compared).toBeGreaterThan(messages.length);
      });
    });
  }
});
