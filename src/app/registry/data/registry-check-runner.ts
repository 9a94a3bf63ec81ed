/*
 * Runs the registry check step by step and reports each change as it happens, so the step list
 * fills in while the user watches. Every step ends (passed, warning, failed or skipped): nothing
 * is left spinning, whatever fails.
 */
import { Injectable, inject } from '@angular/core';
import { Observable, Subject, firstValueFrom, takeUntil, timeout } from 'rxjs';
import { summarizeCertificate, certificateCoversHost, validityAt, splitPemBlocks } from '../../certificates/domain';
import { CloudApiClient, isVcdError } from '../../vcd';
import { AccessPath } from '../domain/access-path';
import { connectionVerdict } from '../domain/connection-verdict';
import {
  Answer,
  CHECK_STEPS,
  CheckStepId,
  CheckStepResult,
  ServedCertificate,
  StepMessage,
  judgeHarbor,
  judgeProject,
  judgeRegistryApi,
} from '../domain/registry-check';
import { RegistryAnswer, RegistryHttp, isRegistryHttpError, parseJson } from './registry-http';

export interface RegistryCheckInput {
  readonly host: string;
  readonly port?: number;
  readonly project?: string;
  readonly access: AccessPath;
  readonly timeoutSeconds: number;
}

export interface RegistryCheckProgress {
  readonly steps: readonly CheckStepResult[];
  readonly chain: readonly ServedCertificate[];
  readonly harborVersion?: string;
  readonly done: boolean;
}

const DEFAULT_HTTPS_PORT = 443;

function toAnswer(answer: RegistryAnswer): Answer {
  return { ...answer, distributionApiVersion: answer.headers.get('Docker-Distribution-Api-Version') };
}

async function summarizeChain(pem: string | null | undefined): Promise<ServedCertificate[]> {
  const blocks = splitPemBlocks(pem ?? '').filter((block) => block.label === 'CERTIFICATE');
  const summaries = await Promise.all(blocks.map((block) => summarizeCertificate(block.der)));
  return summaries.map((summary) => ({
    subject: summary.subject,
    issuer: summary.issuer,
    notBefore: summary.notBefore.toISOString(),
    notAfter: summary.notAfter.toISOString(),
    dnsNames: summary.dnsNames,
    ipAddresses: summary.ipAddresses,
    sha256Fingerprint: summary.sha256Fingerprint,
    isCa: summary.isCa,
    pem: summary.pem,
  }));
}

/** Judges the leaf the registry serves: its names must cover the host, and it must be in date. */
export function judgeChain(chain: readonly ServedCertificate[], host: string, now: Date): Omit<CheckStepResult, 'id'> {
  const [leaf] = chain;
  if (!leaf) return { verdict: 'skipped', message: { key: 'registry.check.certificate.none' } };
  const notes: StepMessage[] = [];
  if (!certificateCoversHost(leaf, host)) notes.push({ key: 'registry.check.certificate.hostNotCovered', params: { host } });
  const validity = validityAt({ notBefore: new Date(leaf.notBefore), notAfter: new Date(leaf.notAfter) }, now);
  if (validity === 'expired') notes.push({ key: 'registry.check.certificate.expired', params: { date: leaf.notAfter } });
  if (validity === 'notYetValid') notes.push({ key: 'registry.check.certificate.notYetValid', params: { date: leaf.notBefore } });
  return notes.length === 0
    ? { verdict: 'passed', message: { key: 'registry.check.certificate.passed', params: { count: chain.length } } }
    : { verdict: 'warning', message: { key: 'registry.check.certificate.warnings', params: { count: notes.length } }, notes };
}

@Injectable()
export class RegistryCheckRunner {
  private readonly cloudApi = inject(CloudApiClient);
  private readonly registryHttp = inject(RegistryHttp);

  run(input: RegistryCheckInput): Observable<RegistryCheckProgress> {
    return new Observable<RegistryCheckProgress>((subscriber) => {
      const cancel$ = new Subject<void>();
      const steps = new Map<CheckStepId, CheckStepResult>(CHECK_STEPS.map((id) => [id, { id, verdict: 'pending' }]));
      let chain: ServedCertificate[] = [];
      let harborVersion: string | undefined;
      const emit = (done = false): void =>
        subscriber.next({
          steps: CHECK_STEPS.map((id) => steps.get(id) ?? { id, verdict: 'pending' }),
          chain,
          done,
          ...(harborVersion ? { harborVersion } : {}),
        });
      const set = (id: CheckStepId, result: Omit<CheckStepResult, 'id'>): void => {
        steps.set(id, { id, ...result });
        emit();
      };
      const skipRest = (key: string): void => {
        for (const [id, step] of steps)
          if (step.verdict === 'pending' || step.verdict === 'running') steps.set(id, { id, verdict: 'skipped', message: { key } });
      };
      const get = (path: string): Promise<RegistryAnswer> =>
        firstValueFrom(this.registryHttp.get(input.access, path, input.timeoutSeconds).pipe(takeUntil(cancel$)));
      const httpFailure = (error: unknown): Omit<CheckStepResult, 'id'> => {
        if (isRegistryHttpError(error) && error.kind === 'timeout') {
          return { verdict: 'failed', message: { key: 'registry.check.http.timeout', params: { seconds: error.seconds } } };
        }
        return {
          verdict: 'failed',
          message: { key: input.access.kind === 'direct' ? 'registry.check.http.unreachableDirect' : 'registry.check.http.unreachable' },
        };
      };

      const run = async (): Promise<void> => {
        set('connection', { verdict: 'running' });
        try {
          const result = await firstValueFrom(
            this.cloudApi
              .testConnection({
                host: input.host.replace(/^\[|\]$/g, ''),
                port: input.port ?? DEFAULT_HTTPS_PORT,
                secure: true,
                timeout: input.timeoutSeconds,
                hostnameVerificationAlgorithm: 'HTTPS',
              })
              // VCD itself waits up to `timeout`; give its answer a few seconds more to arrive.
              .pipe(timeout({ first: (input.timeoutSeconds + 5) * 1000 }), takeUntil(cancel$)),
          );
          const verdict = connectionVerdict(result.targetProbe);
          set('connection', {
            verdict: verdict.verdict,
            message: { key: verdict.messageKey, params: { code: verdict.code, host: input.host, port: input.port ?? DEFAULT_HTTPS_PORT } },
            ...(result.targetProbe.resolvedIp ? { detail: result.targetProbe.resolvedIp } : {}),
          });
          chain = await summarizeChain(result.targetProbe.certificateChain);
          set('certificate', judgeChain(chain, input.host, new Date()));
          if (!result.targetProbe.canConnect) {
            skipRest('registry.check.skipped.noConnection');
            return;
          }
        } catch (error) {
          const detail = isVcdError(error) ? error.detail : undefined;
          set('connection', {
            verdict: 'failed',
            message: {
              key: isVcdError(error) ? 'registry.check.connection.vcdFailed' : 'registry.check.http.timeout',
              params: { seconds: input.timeoutSeconds + 5 },
            },
            ...(detail ? { detail } : {}),
          });
          set('certificate', { verdict: 'skipped', message: { key: 'registry.check.skipped.noConnection' } });
        }

        set('registryApi', { verdict: 'running' });
        try {
          set('registryApi', judgeRegistryApi(toAnswer(await get('/v2/'))));
        } catch (error) {
          set('registryApi', httpFailure(error));
        }

        set('harbor', { verdict: 'running' });
        let isHarbor = false;
        try {
          const ping = toAnswer(await get('/api/v2.0/ping'));
          const judged = judgeHarbor(ping, undefined);
          isHarbor = judged.verdict === 'passed';
          if (isHarbor) {
            const info = parseJson<{ harbor_version?: string }>(await get('/api/v2.0/systeminfo'));
            harborVersion = info?.harbor_version;
          }
          set('harbor', judgeHarbor(ping, harborVersion));
        } catch (error) {
          set('harbor', httpFailure(error));
        }

        if (!input.project) {
          set('project', { verdict: 'warning', message: { key: 'registry.check.project.none' } });
        } else if (!isHarbor) {
          set('project', { verdict: 'skipped', message: { key: 'registry.check.project.notHarbor', params: { project: input.project } } });
        } else {
          set('project', { verdict: 'running' });
          try {
            set('project', judgeProject(toAnswer(await get(`/api/v2.0/projects/${encodeURIComponent(input.project)}`)), input.project));
          } catch (error) {
            set('project', httpFailure(error));
          }
        }
      };

      run()
        .catch(() => skipRest('registry.check.skipped.error'))
        .finally(() => {
          if (!subscriber.closed) {
            emit(true);
            subscriber.complete();
          }
        });
      return () => {
        cancel$.next();
        cancel$.complete();
      };
    });
  }
}
