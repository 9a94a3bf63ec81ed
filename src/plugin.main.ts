// Replaced during `ng build` by @vcd/plugin-builders with an export of the module in angular.json.
export * from './app/airgap-plugin.module';
