/*
 * "Check now" for a registry a cluster could not reach or did not trust: the registry check of
 * the Airgap tab, run again from VCD against the base configured now, and the CA list CSE gives
 * the nodes proven against the chain the registry serves — what a node created now would see.
 */
import { Injectable, inject } from '@angular/core';
import { Observable, from, last, switchMap, takeUntil } from 'rxjs';
import { proveTrust } from '../../certificates/domain';
import { RegistryCheckRunner } from '../../registry';
import { validateRegistryUrl } from '../../registry/domain';
import { RegistryRecheckOutcome } from '../domain';
import { RegistryReachService } from './registry-reach';

export const RECHECK_TIMEOUT_SECONDS = 10;

@Injectable()
export class RegistryRecheck {
  private readonly runner = inject(RegistryCheckRunner);
  private readonly reach = inject(RegistryReachService);

  check(base: string, nodeCertificates: readonly string[], cancel: Observable<unknown>): Observable<RegistryRecheckOutcome> {
    const validation = validateRegistryUrl(base);
    if (!validation.valid) return from([{ base, reachable: false, trustedByNodes: null, apiAnswered: false }]);
    const parsed = validation.parsed;
    return this.reach.reach(parsed.value).pipe(
      switchMap((reach) =>
        this.runner.run({
          host: parsed.host,
          ...(parsed.port ? { port: parsed.port } : {}),
          ...(parsed.project ? { project: parsed.project } : {}),
          access: reach.path,
          timeoutSeconds: RECHECK_TIMEOUT_SECONDS,
        }),
      ),
      last(),
      takeUntil(cancel),
      switchMap(async (progress): Promise<RegistryRecheckOutcome> => {
        const passed = (id: string): boolean => progress.steps.some((step) => step.id === id && step.verdict === 'passed');
        const chain = progress.chain.map((certificate) => certificate.pem);
        const trustedByNodes = chain.length === 0 ? null : (await proveTrust(chain, nodeCertificates, parsed.host, new Date())).trusted;
        return { base: parsed.value, reachable: passed('connection'), trustedByNodes, apiAnswered: passed('registryApi') };
      }),
    );
  }
}
