/* The provider's choices kept in this browser for this VCD site. Its pure part is browser-settings/domain. */
export * from './data/browser-settings.store';
