/*
 * The registry check as data: its steps, how each answer is judged, and the record kept of it.
 * Pure: the runner (data/registry-check-runner.ts) feeds it the answers it gets.
 */
import type { CheckStepId, CheckStepResult, MessageParams } from '../../shared/status-store/domain';

export type {
  CheckStepId,
  CheckStepResult,
  MessageParams,
  RegistryCheckRecord,
  ServedCertificate,
  StepMessage,
} from '../../shared/status-store/domain';
import { StepVerdict } from './connection-verdict';

export const CHECK_STEPS: readonly CheckStepId[] = ['connection', 'certificate', 'registryApi', 'harbor', 'project'];

/** What a registry answered (a subset of the HTTP response the judges need). */
export interface Answer {
  readonly status: number;
  readonly body: string;
  readonly fromVcd: boolean;
  readonly isHtml: boolean;
  readonly distributionApiVersion?: string | null;
}

const fail = (key: string, params?: MessageParams): Pick<CheckStepResult, 'verdict' | 'message'> => ({
  verdict: 'failed',
  message: { key: `registry.check.${key}`, ...(params ? { params } : {}) },
});

/** Answers that did not come from the registry at all, the same for every HTTP step. */
export function judgeIntermediary(answer: Answer): Pick<CheckStepResult, 'verdict' | 'message'> | undefined {
  if (answer.fromVcd) {
    if (answer.status === 404) return fail('http.noApiFilter');
    if (answer.status === 401 || answer.status === 403) return fail('http.vcdRefused', { status: answer.status });
    return fail('http.vcdProxyFailed', { status: answer.status });
  }
  if (answer.isHtml) return fail('http.htmlPage', { status: answer.status });
  if (answer.status >= 500) return fail('http.serverError', { status: answer.status });
  return undefined;
}

/** GET /v2/ must answer 200 or 401 with Docker-Distribution-Api-Version: the registry API is there. */
export function judgeRegistryApi(answer: Answer): Pick<CheckStepResult, 'verdict' | 'message'> {
  const intermediary = judgeIntermediary(answer);
  if (intermediary) return intermediary;
  if ((answer.status === 200 || answer.status === 401) && answer.distributionApiVersion) {
    return { verdict: 'passed', message: { key: 'registry.check.registryApi.passed', params: { version: answer.distributionApiVersion } } };
  }
  return fail('registryApi.notARegistry', { status: answer.status });
}

/** Harbor answers /api/v2.0/ping with "Pong"; anything else is a registry without Harbor's API. */
export function isHarborPing(answer: Answer): boolean {
  return answer.status === 200 && answer.body.trim() === 'Pong';
}

export function judgeHarbor(ping: Answer, version: string | undefined): Pick<CheckStepResult, 'verdict' | 'message'> {
  const intermediary = judgeIntermediary(ping);
  if (intermediary) return intermediary;
  if (!isHarborPing(ping)) return { verdict: 'warning', message: { key: 'registry.check.harbor.notHarbor' } };
  return { verdict: 'passed', message: { key: 'registry.check.harbor.passed', params: { version: version ?? '?' } } };
}

/** The project must exist and be public: CSE has no pull credentials, nodes pull anonymously. */
export function judgeProject(answer: Answer, project: string): Pick<CheckStepResult, 'verdict' | 'message'> {
  const intermediary = judgeIntermediary(answer);
  if (intermediary) return intermediary;
  if (answer.status === 404) return fail('project.missing', { project });
  if (answer.status === 401 || answer.status === 403) return fail('project.private', { project });
  if (answer.status !== 200) return fail('project.unexpected', { project, status: answer.status });
  let isPublic: unknown;
  try {
    isPublic = (JSON.parse(answer.body) as { metadata?: { public?: unknown } }).metadata?.public;
  } catch {
    return fail('project.unexpected', { project, status: answer.status });
  }
  // Harbor keeps project metadata as strings.
  return isPublic === 'true' || isPublic === true
    ? { verdict: 'passed', message: { key: 'registry.check.project.passed', params: { project } } }
    : fail('project.private', { project });
}

const SEVERITY: Record<StepVerdict, number> = { passed: 0, skipped: 0, warning: 1, failed: 2 };

export function overallVerdict(steps: readonly CheckStepResult[]): StepVerdict {
  const worst = steps.reduce((max, step) => {
    const verdict = step.verdict === 'pending' || step.verdict === 'running' ? 'skipped' : step.verdict;
    return Math.max(max, SEVERITY[verdict]);
  }, 0);
  return worst === 2 ? 'failed' : worst === 1 ? 'warning' : 'passed';
}
