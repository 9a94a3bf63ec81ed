// Shared by the asset build and the i18n check: the nested i18n/*.json files, flattened to the
// dotted keys the plug-in's TranslationService looks up.
import { readFileSync } from 'node:fs';

export const LOCALES = ['en', 'fr'];

export function readLocaleFile(locale) {
  const text = readFileSync(new URL(`../i18n/${locale}.json`, import.meta.url), 'utf8');
  return { text, messages: JSON.parse(text) };
}

export function flatten(tree, prefix = '') {
  return Object.entries(tree).reduce((flat, [key, value]) => {
    const path = prefix + key;
    if (value !== null && typeof value === 'object') {
      Object.assign(flat, flatten(value, `${path}.`));
    } else {
      flat[path] = value;
    }
    return flat;
  }, {});
}
