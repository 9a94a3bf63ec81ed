/* The clusters domain: pure TypeScript, no Angular, no rxjs, no Clarity. */
export * from './cluster-record';
export { boundedJson, boundedString } from './bounded-text';
export { readClusterEntity } from './read-cluster';
export { classifyCluster, hasProblems } from './classify';
export * from './finding';
export { imageTarget, type ImageTarget } from './image-target';
export { KNOWN_CAPVCD_ERRORS, knownNameKey } from './known-names';
export * from './recheck';
export * from './list-query';
export { connectionProblem, hostOf, imagePulls, type ConnectionCause, type PullCause } from './text-evidence';
