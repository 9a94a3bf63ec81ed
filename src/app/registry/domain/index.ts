export {
  DEFAULT_PUBLIC_REGISTRY,
  DERIVED_PATHS,
  MAX_REGISTRY_URL_LENGTH,
  REGISTRY_URL_ERROR_CODES,
  REGISTRY_URL_WARNING_CODES,
  registryUrlErrors,
  registryUrlMessageKey,
  validateRegistryUrl,
  type ParsedRegistryUrl,
  type RegistryUrlErrorCode,
  type RegistryUrlProblem,
  type RegistryUrlValidation,
  type RegistryUrlWarningCode,
} from './registry-url';
export * from './access-path';
export * from './endpoint-plan';
export * from './registry-check';
