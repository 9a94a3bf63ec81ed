/*
 * The plug-in's real English (or French) messages (i18n/*.json, flattened as the asset build does), so a
 * component spec reads what a user reads. A missing key shows as "?key", which a spec notices.
 */
import { Provider } from '@angular/core';
import { MessageFormatTranslationService, TranslationService } from '@vcd/i18n';
import english from '../../../../i18n/en.json';
import french from '../../../../i18n/fr.json';

type Tree = { readonly [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [key, value] of Object.entries(tree)) {
    if (typeof value === 'string') flat[prefix + key] = value;
    else Object.assign(flat, flatten(value, `${prefix}${key}.`));
  }
  return flat;
}

export function provideEnglish(): Provider {
  return provideMessages('en', english as Tree);
}

/** The French messages (i18n/fr.json): for the specs that check a French text a user reads. */
export function provideFrench(): Provider {
  return provideMessages('fr', french as Tree);
}

function provideMessages(locale: string, messages: Tree): Provider {
  return {
    provide: TranslationService,
    useFactory: () => {
      const service = new MessageFormatTranslationService(locale, locale);
      service.registerTranslations({ [locale]: flatten(messages) });
      return service;
    },
  };
}
