/* The status store's pure part: the entity's names and shapes, what a stored check keeps. */
export * from './stored-records';
export * from './registry-status';
