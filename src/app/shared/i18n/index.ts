/* The plug-in's locale and its translations (the translate pipe, the service behind it). */
export * from './plugin-locale';
export { TranslationService, TRANSLATIONS_URL } from './data/translation.service';
export { provideTranslations } from './data/provide-translations';
export { TranslatePipe } from './ui/translate.pipe';
export { I18nModule } from './ui/i18n.module';
