/*
 * The plug-in's real English (or French) messages (i18n/*.json, flattened as the asset build does), so a
 * component spec reads what a user reads. A missing key shows as "?key", which a spec notices.
 */
import { Provider } from '@angular/core';
import { TranslationService } from '../../shared/i18n';
import { PLUGIN_MESSAGES } from '../../shared/i18n/testing';

export function provideEnglish(): Provider {
  return provideMessages('en');
}

/** The French messages (i18n/fr.json): for the specs that check a French text a user reads. */
export function provideFrench(): Provider {
  return provideMessages('fr');
}

function provideMessages(locale: 'en' | 'fr'): Provider {
  return {
    provide: TranslationService,
    useFactory: () => {
      const service = new TranslationService(locale);
      service.registerTranslations({ [locale]: PLUGIN_MESSAGES[locale] });
      return service;
    },
  };
}
