export * from './domain/vcdke-config';
export { CseConfigRepository } from './data/cse-config.repository';
