/* Components and helpers every feature's UI shares: safe saves, conflict and error panels, local time. */
export * from './conflict-panel.component';
export * from './local-time.pipe';
export * from './safe-save';
export * from './vcd-error-alert.component';
export * from './page-reader';
