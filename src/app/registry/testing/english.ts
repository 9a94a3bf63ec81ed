/*
 * The plug-in's real English messages (i18n/en.json, flattened as the asset build does), so a
 * component spec reads what a user reads. A missing key shows as "?key", which a spec notices.
 */
import { Provider } from '@angular/core';
import { MessageFormatTranslationService, TranslationService } from '@vcd/i18n';
import english from '../../../../i18n/en.json';

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
  return {
    provide: TranslationService,
    useFactory: () => {
      const service = new MessageFormatTranslationService('en', 'en');
      service.registerTranslations({ en: flatten(english as Tree) });
      return service;
    },
  };
}
