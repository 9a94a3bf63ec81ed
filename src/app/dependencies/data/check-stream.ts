/*
 * A check's results as `PresenceChecker.check` reports them: a strategy's work turned into the
 * event stream, each image reported once, the ones it never reached reported `notChecked`.
 */
import { HttpClient } from '@angular/common/http';
import { Observable } from 'rxjs';
import { CheckFailed, CheckRun } from './check-run';
import { CheckEvent, CheckOptions, ImageToCheck, PresenceResult } from './presence-check';

/** The error result for `image` when `error` is a check failure; anything else (a cancellation) goes on up. */
export function failureResult(image: ImageToCheck, error: unknown): PresenceResult {
  if (error instanceof CheckFailed) return { status: 'error', image, failure: error.failure };
  throw error;
}

/**
 * The event stream of one check. `execute` reports each image once; when it ends, images it did
 * not report (it stopped early) are reported `notChecked`, then `done` closes the stream.
 */
export function streamCheck(
  http: HttpClient,
  images: readonly ImageToCheck[],
  options: CheckOptions,
  execute: (run: CheckRun, report: (result: PresenceResult) => void) => Promise<void>,
): Observable<CheckEvent> {
  return new Observable<CheckEvent>((subscriber) => {
    const run = new CheckRun(http, options);
    const unreported = new Set(images);
    const total = unreported.size;
    let done = 0;
    let hasErrors = false;
    let finished = false;
    const report = (result: PresenceResult): void => {
      if (finished || !unreported.delete(result.image)) return;
      done++;
      hasErrors ||= result.status === 'error';
      subscriber.next({ type: 'result', result });
      subscriber.next({ type: 'progress', done, total, requests: run.requests });
    };
    const finish = (): void => {
      if (finished || subscriber.closed) return;
      const cancelled = run.isCancelled;
      if (!cancelled) for (const image of [...unreported]) report({ status: 'error', image, failure: { kind: 'notChecked' } });
      finished = true;
      subscriber.next({ type: 'done', cancelled, partial: cancelled || hasErrors, requests: run.requests });
      subscriber.complete();
    };

    subscriber.next({ type: 'progress', done: 0, total, requests: 0 });
    const cancelling = options.cancel?.subscribe(() => {
      run.cancel();
      finish();
    });
    execute(run, report).then(finish, finish);
    return () => {
      cancelling?.unsubscribe();
      finished = true;
      run.cancel();
    };
  });
}
