/*
 * The plug-in's own messages (i18n/en.json, i18n/fr.json), flattened to the dotted keys the asset build
 * writes into i18n.json, for the specs that read real English or French.
 */
import english from '../../../../../i18n/en.json';
import french from '../../../../../i18n/fr.json';
import type { Messages } from '../domain';

type Tree = { readonly [key: string]: string | Tree };

export function flattenMessages(tree: Tree, prefix = ''): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [key, value] of Object.entries(tree)) {
    if (typeof value === 'string') flat[prefix + key] = value;
    else Object.assign(flat, flattenMessages(value, `${prefix}${key}.`));
  }
  return flat;
}

export const PLUGIN_MESSAGES: Readonly<Record<'en' | 'fr', Messages>> = {
  en: flattenMessages(english as Tree),
  fr: flattenMessages(french as Tree),
};
