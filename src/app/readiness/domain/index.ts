/* Readiness as data: what is checked, and when the system is ready. */
export * from './readiness';
