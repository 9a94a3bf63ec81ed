import { Provider, ProviderToken, inject } from '@angular/core';
import { TRANSLATIONS_URL, TranslationService } from './translation.service';

/**
 * The plug-in's TranslationService, reading i18n.json one segment above the plug-in's asset URL
 * (`${EXTENSION_ASSET_URL}/../i18n.json`, where the VCD plug-in build puts the combined file).
 */
export function provideTranslations(assetUrl: ProviderToken<string>): Provider[] {
  return [{ provide: TRANSLATIONS_URL, useFactory: () => `${inject(assetUrl)}/../i18n.json` }, TranslationService];
}
