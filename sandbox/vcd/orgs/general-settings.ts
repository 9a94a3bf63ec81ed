// GET /api/admin/extension/settings/general (legacy API, since 1.5): VCD's GeneralSettings, where
// the provider portal's Administration → Settings → Public Addresses are kept (restApiBaseUri,
// tenantPortalExternalAddress, consoleProxyExternalAddress…). In JSON
// (application/vnd.vmware.admin.generalSettings+json) VCD names the fields in lower camel case.
// The sandbox's public addresses are its own origin, as if the provider had set them. Only a
// system administrator reads /api/admin/extension (assumed 403 for anyone else, as for the
// other provider-only endpoints here).
import type { AuthedContext, Reply } from '../core/context.js';
import { requireSystemAdministrator } from '../entities/entity-types.js';

export const GENERAL_SETTINGS_PATH = '/api/admin/extension/settings/general';

export function getGeneralSettings(ctx: AuthedContext): Reply {
  requireSystemAdministrator(ctx.principal, 'general settings');
  const host = new URL(ctx.origin).host;
  return {
    status: 200,
    body: {
      href: `${ctx.origin}${GENERAL_SETTINGS_PATH}`,
      type: 'application/vnd.vmware.admin.generalSettings+json',
      link: [],
      absoluteSessionTimeoutMinutes: 1440,
      activityLogDisplayDays: 30,
      activityLogKeepDays: 90,
      consoleProxyExternalAddress: host,
      hostCheckDelayInSeconds: 300,
      hostCheckTimeoutSeconds: 30,
      restApiBaseHttpUri: null,
      restApiBaseUri: ctx.origin,
      sessionTimeoutMinutes: 30,
      syncIntervalInHours: 24,
      tenantPortalExternalHttpAddress: null,
      tenantPortalExternalAddress: ctx.origin,
    },
  };
}
