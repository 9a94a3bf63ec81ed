export * from './message-format';
export * from './message-catalog';
