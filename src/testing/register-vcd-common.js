// Loaded by karma after SystemJS 0.20.19 and before the specs: registers '@vcd/common' the way
// a VCD portal does, so the plug-in's container-hooks code runs unchanged in unit tests.
(function () {
  class AuthTokenHolderService {
    constructor() {
      this.jwt = 'spec-jwt';
      this.token = null;
    }
  }
  window.System.registry.set(
    '@vcd/common',
    window.System.newModule({
      API_ROOT_URL: 'API_ROOT_URL',
      SESSION_SCOPE: 'SESSION_SCOPE',
      SESSION_ORGANIZATION: 'SESSION_ORGANIZATION',
      SESSION_ORG_ID: 'SESSION_ORG_ID',
      EXTENSION_ASSET_URL: 'EXTENSION_ASSET_URL',
      EXTENSION_ROUTE: 'EXTENSION_ROUTE',
      AuthTokenHolderService: AuthTokenHolderService,
    }),
  );
})();
