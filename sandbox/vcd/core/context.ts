// What the router hands to every endpoint, and what an endpoint hands back.
import type { IncomingMessage } from 'node:http';
import type { StateStore } from '../../lib/state.js';
import type { OrgRecord, RoleRecord, UserRecord, VcdState } from './model.js';

/** An endpoint's answer; the router serializes it (JSON unless `raw` is set). */
export interface Reply {
  status: number;
  body?: unknown;
  /** Sent as-is with this content type instead of JSON (the XML form of /api/versions). */
  raw?: { contentType: string; text: string };
  headers?: Record<string, string>;
}

/** Who is calling, resolved from the bearer token and the tenant-context header. */
export interface Principal {
  sessionId: string;
  user: UserRecord;
  /** The org the user belongs to. */
  org: OrgRecord;
  /** The org the request acts in: `org`, or the one named by X-VMWARE-VCLOUD-TENANT-CONTEXT. */
  operatingOrg: OrgRecord;
  roles: RoleRecord[];
  rights: ReadonlySet<string>;
  /** A System-org user (a provider). What he may do still comes from his rights. */
  isProvider: boolean;
  /** Holds VCD's System Administrator role: every right, including those of new entity types. */
  isSystemAdministrator: boolean;
}

export interface PublicContext {
  req: IncomingMessage;
  /** Absolute request URL, built from the Host header so that links point back at the caller's origin. */
  url: URL;
  origin: string;
  requestId: string;
  /** The negotiated API version (undefined only for /api/versions, which needs none). */
  apiVersion: string | undefined;
  state: StateStore<VcdState>;
  /** Path parameters captured by the route pattern, already URL-decoded. */
  params: string[];
  readJson(): Promise<unknown>;
  /** Set by a sandbox fault `{truncateBody: n}`: the endpoint sees only the first n bytes of the body. */
  bodyLimit?: number;
}

export interface AuthedContext extends PublicContext {
  principal: Principal;
}

export function ref(record: { name: string; id: string }): { name: string; id: string } {
  return { name: record.name, id: record.id };
}

export function orgById(state: VcdState, id: string): OrgRecord | undefined {
  return state.orgs.find((org) => org.id === id);
}

export function userById(state: VcdState, id: string): UserRecord | undefined {
  return state.users.find((user) => user.id === id);
}

export function uuidOf(urn: string): string {
  return urn.slice(urn.lastIndexOf(':') + 1);
}
