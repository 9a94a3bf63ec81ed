/* The pure part of the browser-kept settings: the key, the reading, the section helpers. */
export * from './browser-settings';
