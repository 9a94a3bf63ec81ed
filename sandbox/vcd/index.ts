// The VCD API stand-in: what the sandbox's orchestration may import.
export { createVcdApi, type VcdApiHandler, type VcdApiOptions } from './router.js';
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
} from './seed.js';
export { STATE_FORMAT_VERSION, type VcdState } from './model.js';
export type { RecordedRequest, Fault } from './faults.js';
export { LATEST_API_VERSION } from './versions.js';
export { UiPluginBundles } from './ui-plugin-bundles.js';
export { readyBundles } from './ui-plugins.js';
