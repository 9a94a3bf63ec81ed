// The Harbor v2.0 REST façade under `/api/v2.0` on the front door, answering the way Harbor 2.10's
// nginx + core do (goharbor/harbor v2.10.2 sources):
// - the path is decoded once by nginx (`proxy_pass https://core/api/`), so a repository name with a
//   slash must arrive encoded twice (`tkg%252Fkube-proxy`); encoded once, it becomes extra path
//   segments and core answers 404 "path … was not found";
// - credentials: Basic of the admin user; wrong or other credentials make the request anonymous
//   (Harbor's security middleware falls through to an unauthenticated context);
// - access (BaseAPI.RequireProjectAccess): public projects are readable anonymously; anything else
//   is 401 for anonymous and 403 for a user without the permission; an unknown project is 401 for
//   anonymous (no permission can be proven) and 404 for the admin;
// - errors: `{"errors":[{"code","message"}]}` with codes NOT_FOUND, UNAUTHORIZED, FORBIDDEN,
//   UNPROCESSABLE_ENTITY (go-swagger validation), METHOD_NOT_ALLOWED, and UNKNOWN/"internal server
//   error" for anything that failed inside; every answer carries `X-Request-Id`.
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendError, sendJson, type HarborErrorCode } from '../http-errors.js';
import type { TokenIssuer } from '../token-service.js';
import { RegistryUnavailable } from './distribution-client.js';
import type { HarborData, ProjectView } from './harbor-data.js';
import { artifactJson, linkHeader, pageOf, parsePaging, projectJson, repositoryJson, systemInfoJson, type Json } from './harbor-json.js';

export const API_PREFIX = '/api/v2.0';

export interface HarborApiOptions {
  data: HarborData;
  issuer: TokenIssuer;
  /** `https://127.0.0.1:<port>`: Harbor's external URL, for systeminfo. */
  externalUrl: () => string;
  version: string;
  /** What systeminfo/getcert hands over: Harbor's default root certificate (absent: 404). */
  caPem?: string;
}

type Caller = { kind: 'anonymous' } | { kind: 'admin'; name: string };

interface Call {
  req: IncomingMessage;
  res: ServerResponse;
  caller: Caller;
  /** The path as core received it (decoded once), for Link headers. */
  corePath: string;
  query: URLSearchParams;
  params: string[];
}

class HarborError extends Error {
  constructor(
    readonly status: number,
    readonly code: HarborErrorCode,
    message: string,
  ) {
    super(message);
  }
}

const unauthorized = (): HarborError => new HarborError(401, 'UNAUTHORIZED', 'unauthorized');

interface Route {
  method: 'GET' | 'HEAD';
  pattern: RegExp;
  handle(call: Call): Promise<void> | void;
}

export function createHarborApi(opts: HarborApiOptions): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  const { data } = opts;
  const SEGMENT = '([^/]+)';
  const route = (method: Route['method'], path: string, handle: Route['handle']): Route => ({
    method,
    pattern: new RegExp(`^${API_PREFIX.replace('.', '\\.')}${path}$`),
    handle,
  });

  /**
   * RequireProjectAccess: the project when the caller may read it, else 401 (the 403 of an
   * authenticated user without permission cannot happen: the admin is the only user); undefined
   * for the admin when it is unknown.
   */
  const readableProject = (caller: Caller, name: string, isResourceName = false): ProjectView | undefined => {
    const project = data.project(name, isResourceName);
    if (caller.kind === 'admin') return project;
    if (project?.public) return project;
    throw unauthorized();
  };
  const existingProject = (caller: Caller, name: string, isResourceName = false): ProjectView => {
    const project = readableProject(caller, name, isResourceName);
    if (!project) throw new HarborError(404, 'NOT_FOUND', `project ${name} not found`);
    return project;
  };
  const paging = (query: URLSearchParams) => {
    const parsed = parsePaging(query);
    if ('invalid' in parsed) throw new HarborError(422, 'UNPROCESSABLE_ENTITY', parsed.invalid);
    return parsed;
  };
  const sendPage = (call: Call, items: Json[], total: number): void => {
    const link = linkHeader(call.corePath, call.query, total, paging(call.query));
    sendJson(call.res, 200, items, { 'X-Total-Count': String(total), ...(link ? { Link: link } : {}) });
  };

  const routes: Route[] = [
    route('GET', '/ping', ({ res }) => {
      res.writeHead(200, { 'Content-Type': 'text/plain' }).end('Pong');
    }),
    route('GET', '/systeminfo', ({ res, caller }) => {
      sendJson(res, 200, systemInfoJson(caller.kind === 'admin', opts.externalUrl(), opts.version));
    }),
    // SysInfoAPI.GetCert asks for no credentials; 404 when Harbor has no default root certificate.
    route('GET', '/systeminfo/getcert', ({ res }) => {
      if (opts.caPem === undefined) throw new HarborError(404, 'NOT_FOUND', 'root certificate not found');
      res
        .writeHead(200, { 'Content-Type': 'application/octet-stream', 'Content-Disposition': 'attachment; filename=ca.crt' })
        .end(opts.caPem);
    }),
    route('HEAD', '/projects', ({ res, caller, query }) => {
      if (caller.kind === 'anonymous') throw unauthorized();
      const name = query.get('project_name');
      if (name === null) throw new HarborError(422, 'UNPROCESSABLE_ENTITY', 'validation failure list:\nproject_name in query is required');
      if (!data.project(name, true)) throw new HarborError(404, 'NOT_FOUND', `project ${name} not found`);
      res.writeHead(200).end();
    }),
    route('GET', `/projects/${SEGMENT}`, async ({ req, res, caller, params }) => {
      const isResourceName = String(req.headers['x-is-resource-name'] ?? '').toLowerCase() === 'true';
      const project = existingProject(caller, params[0] ?? '', isResourceName);
      const repositories = await data.repositories(project);
      sendJson(res, 200, projectJson(project, repositories.length, caller.kind === 'admin'));
    }),
    route('GET', `/projects/${SEGMENT}/repositories`, async (call) => {
      paging(call.query); // go-swagger validates parameters before the handler checks access
      const project = existingProject(call.caller, call.params[0] ?? '', true);
      const nameFilter = parseNameQuery(call.query.get('q'));
      const repositories = (await data.repositories(project)).filter((repository) => nameFilter(repository.name));
      const shown = pageOf(repositories, paging(call.query));
      const counts = await Promise.all(
        shown.map(async (repository) => (await data.artifacts(project, repository.name, repository.tags)).length),
      );
      sendPage(
        call,
        shown.map((repository, index) => repositoryJson(repository, counts[index] ?? 0)),
        repositories.length,
      );
    }),
    route('GET', `/projects/${SEGMENT}/repositories/${SEGMENT}`, async ({ res, caller, params }) => {
      const project = existingProject(caller, params[0] ?? '', true);
      const name = `${project.name}/${params[1] ?? ''}`;
      const repository = (await data.repositories(project)).find((candidate) => candidate.name === name);
      if (!repository) throw new HarborError(404, 'NOT_FOUND', `repository ${name} not found`);
      sendJson(res, 200, repositoryJson(repository, (await data.artifacts(project, name, repository.tags)).length));
    }),
    route('GET', `/projects/${SEGMENT}/repositories/${SEGMENT}/artifacts`, async (call) => {
      paging(call.query);
      // ListArtifacts does not look the project up: the admin gets an empty list for an unknown one.
      const projectName = call.params[0] ?? '';
      const project = readableProject(call.caller, projectName, true);
      const repository = call.params[1] ?? '';
      const artifacts = project ? await data.artifacts(project, `${project.name}/${repository}`) : [];
      const withTag = call.query.get('with_tag') !== 'false';
      const shown = pageOf(artifacts, paging(call.query));
      const repositoryPathName = encodeURIComponent(encodeURIComponent(repository));
      sendPage(
        call,
        shown.map((artifact) => artifactJson(artifact, { withTag, projectName, repositoryPathName })),
        artifacts.length,
      );
    }),
    route('GET', `/projects/${SEGMENT}/repositories/${SEGMENT}/artifacts/${SEGMENT}`, async ({ res, caller, params, query }) => {
      const [projectName = '', repository = '', reference = ''] = params;
      const project = readableProject(caller, projectName, true);
      const artifact = project ? await data.artifact(project, `${project.name}/${repository}`, reference) : undefined;
      if (!artifact) throw new HarborError(404, 'NOT_FOUND', `artifact ${projectName}/${repository}:${reference} not found`);
      const repositoryPathName = encodeURIComponent(encodeURIComponent(repository));
      sendJson(res, 200, artifactJson(artifact, { withTag: query.get('with_tag') !== 'false', projectName, repositoryPathName }));
    }),
  ];

  return async (req, res) => {
    res.setHeader('X-Request-Id', String(req.headers['x-request-id'] ?? randomUUID()));
    try {
      req.resume();
      const rawPath = (req.url ?? '/').split('?')[0] ?? '/';
      const query = new URLSearchParams((req.url ?? '').split('?').slice(1).join('?'));
      let corePath: string;
      try {
        corePath = decodeURIComponent(rawPath); // nginx
      } catch {
        throw new HarborError(400, 'BAD_REQUEST', `malformed path ${rawPath}`);
      }
      const matching = routes.filter((candidate) => candidate.pattern.test(corePath));
      if (matching.length === 0) throw new HarborError(404, 'NOT_FOUND', `path ${corePath} was not found`);
      const chosen = matching.find((candidate) => candidate.method === req.method);
      if (!chosen) {
        const allowed = [...new Set(matching.map((candidate) => candidate.method))];
        res.setHeader('Allow', allowed.join(','));
        throw new HarborError(405, 'METHOD_NOT_ALLOWED', `method ${req.method ?? ''} is not allowed, but [${allowed.join(',')}] are`);
      }
      // go-openapi unescapes each path parameter; Harbor's handlers unescape the repository again.
      const params = (chosen.pattern.exec(corePath) ?? []).slice(1).map((param) => decodeSafely(decodeSafely(param)));
      await chosen.handle({ req, res, caller: callerOf(opts.issuer, req.headers.authorization), corePath, query, params });
    } catch (error) {
      if (error instanceof HarborError) {
        sendError(res, error.status, error.code, error.message);
      } else {
        if (!(error instanceof RegistryUnavailable)) console.error('[harbor] request failed:', req.method, req.url, error);
        sendError(res, 500, 'UNKNOWN', 'internal server error');
      }
    }
  };
}

function callerOf(issuer: TokenIssuer, authorization: string | undefined): Caller {
  if (!/^Basic\s/i.test(authorization ?? '')) return { kind: 'anonymous' };
  const result = issuer.authenticate(authorization);
  return result.kind === 'ok' && result.principal.kind === 'user' ? { kind: 'admin', name: result.principal.name } : { kind: 'anonymous' };
}

/** `q=name=~tkg` (fuzzy) or `q=name=cse/tkg/etcd` (exact), the part of Harbor's query syntax used here; other keys are ignored. */
function parseNameQuery(q: string | null): (name: string) => boolean {
  const match = /^name=(~?)(.*)$/.exec(q ?? '');
  if (!match) return () => true;
  const [, fuzzy, value = ''] = match;
  return fuzzy ? (name) => name.includes(value) : (name) => name === value;
}

function decodeSafely(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
