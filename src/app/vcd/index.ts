export * from './cloudapi.models';
export { CloudApiClient, MAX_PAGE_SIZE } from './cloudapi-client';
export { ApiVersionService, SUPPORTED_API_VERSIONS, negotiateApiVersion } from './api-version';
export {
  AUTH_TOKEN_HOLDER,
  VCD_SESSION,
  containerHooks,
  type AuthTokenHolder,
  type SessionScope,
  type VcdSession,
} from './container-hooks';
export { VCD_ERROR_MESSAGE_KEYS, isVcdError, toVcdError, type VcdError, type VcdErrorKind } from './errors';
export { provideVcdHost } from './providers';
export { SessionRights } from './session-rights';
export { DEFAULT_VCD_TIMEOUT_SECONDS, VCD_TIMEOUT_SECONDS } from './vcd-timeout.interceptor';
