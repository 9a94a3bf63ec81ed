/*
 * The shared modules VCD 10.6's plug-in runtime hands to plug-ins through SystemJS, kept in one
 * JSON file that the portal (registers them), the sandbox server and scripts/check-bundle.mjs
 * (refuse bundles needing anything else) all read.
 */
import hostModules from './host-modules.json';

export const HOST_MODULE_NAMES: readonly string[] = hostModules.modules;
