export { MockTranslationService } from './mock-translation.service';
export { PLUGIN_MESSAGES, flattenMessages } from './plugin-messages';
