/* The plug-in's locale: which of its languages VCD's session asks for. */
export * from './plugin-locale';
