// The VCD API stand-in: what the sandbox's orchestration may import.
export { createVcdApi, type VcdApiHandler, type VcdApiOptions } from './core/router.js';
export {
  seedVcdState,
  DEFAULT_FILLER_ORGS,
  DEFAULT_VCDKECONFIG_SCHEMA_PATH,
  DEFAULT_VCDKECONFIG_TEMPLATE_PATH,
  PROXY_SEED,
  SANDBOX_PASSWORD,
  SANDBOX_PERSONAS,
  type SandboxPersona,
  type SeedOptions,
} from './core/seed.js';
export { STATE_FORMAT_VERSION, type VcdState } from './core/model.js';
export type { RecordedRequest, Fault } from './core/faults.js';
export { LATEST_API_VERSION } from './core/versions.js';
export { UiPluginBundles } from './extensions/ui-plugin-bundles.js';
export { readyBundles } from './extensions/ui-plugins.js';
export { closeEndpointAgents } from './extensions/ext-api-connections.js';
