// Every locale has the same keys, the same ICU placeholders per key, no BOM, and valid ICU.
import MessageFormat from '@messageformat/core';
import { parse } from '@messageformat/parser';
import { LOCALES, flatten, readLocaleFile } from './i18n-lib.mjs';

const problems = [];
const catalogs = {};
for (const locale of LOCALES) {
  const { text, messages } = readLocaleFile(locale);
  if (text.charCodeAt(0) === 0xfeff) problems.push(`i18n/${locale}.json starts with a BOM`);
  catalogs[locale] = flatten(messages);
}

/** The argument names a message uses ({name}, {name, plural, …}), read by the ICU parser itself. */
function placeholders(message) {
  const names = new Set();
  const walk = (tokens) => {
    for (const token of tokens) {
      if (token.arg) names.add(token.arg);
      for (const branch of token.cases ?? []) walk(branch.tokens);
    }
  };
  try {
    walk(parse(message));
  } catch {
    // Invalid ICU is reported below, with the compiler's message.
  }
  return [...names].sort().join(',');
}

const [reference, ...others] = LOCALES;
for (const locale of others) {
  for (const key of Object.keys(catalogs[reference])) {
    if (!(key in catalogs[locale])) problems.push(`${key}: missing in ${locale}`);
  }
  for (const key of Object.keys(catalogs[locale])) {
    if (!(key in catalogs[reference])) problems.push(`${key}: in ${locale} but not in ${reference}`);
    else if (placeholders(catalogs[locale][key]) !== placeholders(catalogs[reference][key])) {
      problems.push(
        `${key}: placeholders differ (${reference}: ${placeholders(catalogs[reference][key])}; ${locale}: ${placeholders(catalogs[locale][key])})`,
      );
    }
  }
}
for (const locale of LOCALES) {
  const mf = new MessageFormat(locale);
  for (const [key, message] of Object.entries(catalogs[locale])) {
    if (typeof message !== 'string' || message.trim() === '') {
      problems.push(`${locale} ${key}: empty or not a string`);
      continue;
    }
    try {
      mf.compile(message);
    } catch (error) {
      problems.push(`${locale} ${key}: invalid ICU message (${error.message})`);
    }
  }
}

if (problems.length > 0) {
  console.error(`check-i18n: ${problems.length} problem(s):\n  - ${problems.join('\n  - ')}`);
  process.exit(1);
}
console.log(`check-i18n: ${LOCALES.join(', ')} OK, ${Object.keys(catalogs[reference]).length} keys each`);
