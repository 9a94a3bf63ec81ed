/* The plug-in's status entity in VCD: its repository. Its shapes and rules are status-store/domain. */
export * from './data/registry-status.repository';
