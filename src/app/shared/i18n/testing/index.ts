export { MockTranslationService } from './mock-translation.service';
export { PLUGIN_MESSAGES, PLUGIN_SOURCES, flattenMessages } from './plugin-messages';
