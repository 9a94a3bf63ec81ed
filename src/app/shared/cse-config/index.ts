export * from './domain/vcdke-config';
export { CseConfigRepository, type CseConfigDocument, type SaveOutcome } from './data/cse-config.repository';
export * from './domain/safe-write';
export * from './domain/write-access';
export { showChange, type ShownChange, type ShownValue } from './domain/secret-fields';
