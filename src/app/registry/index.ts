/* What other features use of the registry feature: its services, its state and its components. Its pure part is registry/domain. */
export * from './data/external-endpoint.service';
export * from './data/host-users';
export * from './data/registry-check-runner';
export * from './data/registry-http';
export * from './ui/ext-api-access.component';
export * from './ui/registry-check.component';
export * from './ui/registry-settings.component';
export * from './ui/registry-url-feedback.component';
export * from './ui/storage-setup.component';
export * from './ui/step-timeline';
