/*
 * A registry check the spec drives: it reports the steps it is told to, in the order told, and
 * ends when told to, as the real runner (data/registry-check-runner.ts) reports its progress.
 */
import { Observable, ReplaySubject } from 'rxjs';
import { CHECK_STEPS, CheckStepId, CheckStepResult, ServedCertificate } from '../domain/registry-check';
import { RegistryCheckInput, RegistryCheckProgress } from '../data/registry-check-runner';

export class FakeRegistryCheckRunner {
  /** What each run was asked to check. */
  readonly inputs: RegistryCheckInput[] = [];
  private progress?: ReplaySubject<RegistryCheckProgress>;
  private steps = new Map<CheckStepId, CheckStepResult>();
  private chain: readonly ServedCertificate[] = [];

  run(input: RegistryCheckInput): Observable<RegistryCheckProgress> {
    this.inputs.push(input);
    this.steps = new Map(CHECK_STEPS.map((id) => [id, { id, verdict: 'pending' }]));
    this.chain = [];
    this.progress = new ReplaySubject<RegistryCheckProgress>(1);
    // As the real runner: the first step is running at once.
    this.report({ id: 'connection', verdict: 'running' });
    return this.progress;
  }

  /** One step changes (running, or judged), as the runner reports it. */
  report(step: CheckStepResult, chain: readonly ServedCertificate[] = this.chain): void {
    this.steps.set(step.id, step);
    this.chain = chain;
    this.emit(false);
  }

  /** The run ends: every step still waiting is skipped, as the runner does. */
  finish(harborVersion?: string): void {
    for (const [id, step] of this.steps)
      if (step.verdict === 'pending' || step.verdict === 'running') this.steps.set(id, { id, verdict: 'skipped' });
    this.emit(true, harborVersion);
    this.progress?.complete();
  }

  private emit(done: boolean, harborVersion?: string): void {
    this.progress?.next({
      steps: CHECK_STEPS.map((id) => this.steps.get(id) ?? { id, verdict: 'pending' }),
      chain: this.chain,
      done,
      ...(harborVersion ? { harborVersion } : {}),
    });
  }
}
