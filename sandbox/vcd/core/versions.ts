// API versions of VCD 10.6 and the Accept-header negotiation VCD applies to every call.
import { VcdError } from './errors.js';

interface ApiVersion {
  version: string;
  deprecated: boolean;
}

// Ascending, as /api/versions lists them: @vcd/sdk takes the LAST entry as the newest version.
// VCD 10.6 speaks 39.0; the deprecated flags follow the pattern VCD 10.5 reported ("36.x [D]").
export const API_VERSIONS: readonly ApiVersion[] = [
  { version: '35.0', deprecated: true },
  { version: '35.2', deprecated: true },
  { version: '36.0', deprecated: true },
  { version: '36.1', deprecated: true },
  { version: '36.2', deprecated: true },
  { version: '36.3', deprecated: true },
  { version: '37.0', deprecated: false },
  { version: '37.1', deprecated: false },
  { version: '37.2', deprecated: false },
  { version: '37.3', deprecated: false },
  { version: '38.0', deprecated: false },
  { version: '38.1', deprecated: false },
  { version: '39.0', deprecated: false },
];

export const LATEST_API_VERSION = '39.0';

/** GET /api/versions in the JSON form VCD (API ≥ 31) serializes its SupportedVersions type. */
export function versionsJson(origin: string): unknown {
  return {
    versionInfo: API_VERSIONS.map(({ version, deprecated }) => ({
      version,
      loginUrl: `${origin}/api/sessions`,
      mediaTypeMapping: [],
      deprecated,
      otherAttributes: {},
    })),
    any: [],
    otherAttributes: {},
  };
}

/** The same document as XML, for clients that do not ask for JSON (VCD's default). */
export function versionsXml(origin: string): string {
  const infos = API_VERSIONS.map(
    ({ version, deprecated }) =>
      `  <VersionInfo deprecated="${deprecated}">\n    <Version>${version}</Version>\n` +
      `    <LoginUrl>${origin}/api/sessions</LoginUrl>\n  </VersionInfo>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>\n<SupportedVersions xmlns="http://www.vmware.com/vcloud/versions">\n${infos.join('\n')}\n</SupportedVersions>\n`;
}

interface MediaRange {
  type: string;
  params: Map<string, string>;
}

function parseAccept(accept: string): MediaRange[] {
  return accept
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part.length > 0)
    .map((part) => {
      const [type = '', ...rest] = part.split(';').map((piece) => piece.trim());
      const params = new Map<string, string>();
      for (const piece of rest) {
        const eq = piece.indexOf('=');
        if (eq > 0) params.set(piece.slice(0, eq).trim().toLowerCase(), piece.slice(eq + 1).trim());
      }
      return { type: type.toLowerCase(), params };
    });
}

// The legacy /api (tasks) also answers XML, VCD's default there: `application/*+xml;version=…`.
const JSON_RANGES = /^(application\/(json|xml)|application\/\*\+(json|xml)|application\/[\w.+-]*\+(json|xml)|application\/\*|\*\/\*)$/;

export function acceptsJson(accept: string | undefined): boolean {
  return accept !== undefined && parseAccept(accept).some((range) => /json/.test(range.type));
}

/**
 * The API version a request asks for. VCD rejects a missing or unknown version with 406
 * NOT_ACCEPTABLE and this message (seen in terraform-provider-vcd #832, ManageIQ #893).
 */
export function negotiateVersion(accept: string | undefined): string {
  const ranges = parseAccept(accept ?? '').filter((range) => JSON_RANGES.test(range.type));
  const requested = ranges.map((range) => range.params.get('version')).find((v) => v !== undefined);
  const known = API_VERSIONS.find((v) => v.version === requested);
  if (known !== undefined) return known.version;
  const list = [...API_VERSIONS]
    .reverse()
    .map(({ version, deprecated }) => (deprecated ? `${version} [D]` : version))
    .join(', ');
  const reason = requested === undefined ? '' : ' Invalid API version requested.';
  throw new VcdError(
    406,
    `The request has invalid accept header:${reason} Supported API versions are: [${list}] ([D] indicates deprecated versions)`,
  );
}
