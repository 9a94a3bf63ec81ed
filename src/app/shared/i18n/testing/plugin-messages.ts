/*
 * The plug-in's own messages (i18n/en.json, i18n/fr.json), flattened to the dotted keys and prepared
 * as the asset build writes them into i18n.json, for the specs that read real English or French.
 */
import english from '../../../../../i18n/en.json';
import french from '../../../../../i18n/fr.json';
import type { Messages } from '../domain';
import { prepareMessages } from '../domain/prepare-messages';

type Tree = { readonly [key: string]: string | Tree };

export function flattenMessages(tree: Tree, prefix = ''): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [key, value] of Object.entries(tree)) {
    if (typeof value === 'string') flat[prefix + key] = value;
    else Object.assign(flat, flattenMessages(value, `${prefix}${key}.`));
  }
  return flat;
}

/** The ICU MessageFormat sources, by locale and flat key. */
export const PLUGIN_SOURCES: Readonly<Record<'en' | 'fr', Readonly<Record<string, string>>>> = {
  en: flattenMessages(english as Tree),
  fr: flattenMessages(french as Tree),
};

/** The messages as i18n.json ships them. */
export const PLUGIN_MESSAGES: Readonly<Record<'en' | 'fr', Messages>> = {
  en: prepareMessages('en', PLUGIN_SOURCES.en),
  fr: prepareMessages('fr', PLUGIN_SOURCES.fr),
};
