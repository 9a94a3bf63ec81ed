// Tasks of the legacy API, as an asynchronous cloudapi call hands them out: `202 Accepted` with
// `Location: <origin>/api/task/<uuid>` and no body (go-vcloud-director's
// OpenApiPostItemAsyncWithHeaders), then `GET /api/task/<uuid>` in JSON (Accept `application/*+json`)
// or XML (VCD's default). Only the task's user and System administrators may read it (assumed).
import { randomUUID } from 'node:crypto';
import { AuthedContext, Reply, orgById, userById } from '../core/context.js';
import { forbidden } from '../core/errors.js';
import type { JsonObject, TaskRecord, TaskStatus, VcdState } from '../core/model.js';
import { acceptsJson } from '../core/versions.js';

const KEPT_TASKS = 500;
const TASK_LIFETIME_MS = 24 * 3600 * 1000;

export interface NewTask {
  operationName: string;
  operation: string;
  owner: TaskRecord['owner'];
  userId: string;
  orgId: string;
}

/** Adds a running task at 1 %, the state VCD shows until the work is done. */
export function startTask(draft: VcdState, task: NewTask): TaskRecord {
  const record: TaskRecord = {
    ...task,
    id: randomUUID(),
    status: 'running',
    progress: 1,
    startTime: new Date().toISOString(),
    endTime: null,
    error: null,
  };
  draft.tasks.push(record);
  if (draft.tasks.length > KEPT_TASKS) draft.tasks = draft.tasks.slice(-KEPT_TASKS);
  return record;
}

export function finishTask(
  draft: VcdState,
  taskId: string | null | undefined,
  status: TaskStatus,
  error: TaskRecord['error'] = null,
): void {
  const task = draft.tasks.find((candidate) => candidate.id === taskId);
  if (!task || task.status !== 'running') return;
  Object.assign(task, { status, error, progress: status === 'success' ? 100 : task.progress, endTime: new Date().toISOString() });
}

export function taskHref(origin: string, id: string): string {
  return `${origin}/api/task/${id}`;
}

export function getTask(ctx: AuthedContext): Reply {
  const [id = ''] = ctx.params;
  const state = ctx.state.get();
  const task = state.tasks.find((candidate) => candidate.id === id);
  if (!task || !(task.userId === ctx.principal.user.id || ctx.principal.isSystemAdministrator)) throw forbidden(`urn:vcloud:task:${id}`);
  if (acceptsJson(ctx.req.headers.accept)) return { status: 200, body: taskJson(state, task, ctx.origin) };
  return {
    status: 200,
    raw: { contentType: `application/vnd.vmware.vcloud.task+xml;version=${ctx.apiVersion ?? ''}`, text: taskXml(state, task, ctx.origin) },
  };
}

function references(state: VcdState, task: TaskRecord, origin: string) {
  const user = userById(state, task.userId);
  const org = orgById(state, task.orgId);
  const uuid = (urn: string): string => urn.slice(urn.lastIndexOf(':') + 1);
  return {
    owner: { href: `${origin}/cloudapi/1.0.0/entities/${task.owner.id}`, id: task.owner.id, type: task.owner.type, name: task.owner.name },
    user: {
      href: `${origin}/api/admin/user/${uuid(task.userId)}`,
      id: task.userId,
      type: 'application/vnd.vmware.admin.user+xml',
      name: user?.name ?? '',
    },
    organization: {
      href: `${origin}/api/org/${uuid(task.orgId)}`,
      id: task.orgId,
      type: 'application/vnd.vmware.vcloud.org+xml',
      name: org?.name ?? '',
    },
  };
}

function expiryTime(task: TaskRecord): string {
  return new Date(Date.parse(task.startTime) + TASK_LIFETIME_MS).toISOString();
}

/** The TaskType in VCD's JSON serialization (camelCase fields, `otherAttributes`, `link`). */
function taskJson(state: VcdState, task: TaskRecord, origin: string): JsonObject {
  const refs = references(state, task, origin);
  const withAttributes = (reference: JsonObject): JsonObject => ({ otherAttributes: {}, ...reference });
  return {
    otherAttributes: {},
    href: taskHref(origin, task.id),
    type: 'application/vnd.vmware.vcloud.task+json',
    id: `urn:vcloud:task:${task.id}`,
    operationKey: null,
    name: 'task',
    status: task.status,
    operation: task.operation,
    operationName: task.operationName,
    serviceNamespace: 'com.vmware.cloud',
    startTime: task.startTime,
    endTime: task.endTime,
    expiryTime: expiryTime(task),
    cancelRequested: false,
    link: [],
    description: null,
    tasks: null,
    owner: withAttributes(refs.owner),
    error: task.error
      ? {
          otherAttributes: {},
          message: task.error.message,
          majorErrorCode: 400,
          minorErrorCode: task.error.minorErrorCode,
          stackTrace: null,
        }
      : null,
    user: withAttributes(refs.user),
    organization: withAttributes(refs.organization),
    progress: task.progress,
    params: null,
    details: task.error?.message ?? '',
    vcTaskList: null,
    result: null,
  };
}

function taskXml(state: VcdState, task: TaskRecord, origin: string): string {
  const refs = references(state, task, origin);
  const attrs = (values: Record<string, string | number | boolean | null>): string =>
    Object.entries(values)
      .filter(([, value]) => value !== null)
      .map(([name, value]) => `${name}="${escapeXml(String(value))}"`)
      .join(' ');
  const ref = (element: string, reference: { href: string; id: string; type: string; name: string }): string =>
    `    <${element} ${attrs(reference)}/>`;
  const error = task.error
    ? `    <Error ${attrs({ majorErrorCode: 400, minorErrorCode: task.error.minorErrorCode, message: task.error.message })}/>\n`
    : '';
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n<Task xmlns="http://www.vmware.com/vcloud/v1.5" ${attrs({
      cancelRequested: false,
      expiryTime: expiryTime(task),
      operation: task.operation,
      operationName: task.operationName,
      serviceNamespace: 'com.vmware.cloud',
      startTime: task.startTime,
      endTime: task.endTime,
      status: task.status,
      name: 'task',
      id: `urn:vcloud:task:${task.id}`,
      href: taskHref(origin, task.id),
      type: 'application/vnd.vmware.vcloud.task+xml',
    })}>\n` +
    `${ref('Owner', refs.owner)}\n${error}${ref('User', refs.user)}\n${ref('Organization', refs.organization)}\n` +
    `    <Progress>${task.progress}</Progress>\n    <Details>${escapeXml(task.error?.message ?? '')}</Details>\n</Task>\n`
  );
}

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (char) => `&#${char.charCodeAt(0)};`);
}
