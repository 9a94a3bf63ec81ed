/* What other features use of readiness: the public-endpoint check and the readiness components. Its pure part is readiness/domain. */
export * from './data/public-endpoint.service';
export * from './ui/readiness-summary.component';
export * from './ui/system-readiness.component';
