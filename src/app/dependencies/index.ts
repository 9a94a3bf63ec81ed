/* What other features use of the dependency check: the runner, the presence checkers and the result components. Its pure part is dependencies/domain. */
export * from './data/choose-strategy';
export * from './data/dependency-check-runner';
export * from './data/presence-check';
export * from './data/presence-checkers';
export * from './ui/check-notice.component';
export * from './ui/dependencies-section.component';
export * from './ui/dependency-results.component';
