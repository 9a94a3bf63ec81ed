/*
 * The plug-in speaks English and French. VCD hands its session locale to plug-ins as LOCALE_ID,
 * possibly with a region ('fr-FR', 'fr-CA'); the TranslationService looks messages up by the
 * exact locale, so a region would silently fall back to English. Map to what the plug-in ships.
 */
import { LOCALE_ID, Provider, inject } from '@angular/core';

export const PLUGIN_LOCALES = ['en', 'fr'] as const;
export type PluginLocale = (typeof PLUGIN_LOCALES)[number];

export function pluginLocale(hostLocale: string | null | undefined): PluginLocale {
  const language = (hostLocale ?? '').trim().toLowerCase().split(/[-_]/)[0];
  return PLUGIN_LOCALES.find((locale) => locale === language) ?? 'en';
}

/** LOCALE_ID inside the plug-in: the host's, reduced to a language the plug-in has. */
export function providePluginLocale(): Provider {
  return { provide: LOCALE_ID, useFactory: () => pluginLocale(inject(LOCALE_ID, { skipSelf: true, optional: true })) };
}
