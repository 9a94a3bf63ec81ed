/* A presence checker a spec drives: it answers when told to, and honours cancellation as the real ones do. */
import { Observable, Subject } from 'rxjs';
import { CheckEvent, CheckOptions, ImageToCheck, PresenceChecker, PresenceResult } from '../data/presence-check';

export class FakeChecker implements PresenceChecker {
  images: readonly ImageToCheck[] = [];
  options?: CheckOptions;
  private events?: Subject<CheckEvent>;
  private done = 0;

  check(images: readonly ImageToCheck[], options: CheckOptions): Observable<CheckEvent> {
    this.images = images;
    this.options = options;
    this.done = 0;
    const events = new Subject<CheckEvent>();
    this.events = events;
    options.cancel?.subscribe(() => {
      events.next({ type: 'done', cancelled: true, partial: true, requests: this.done });
      events.complete();
    });
    return events;
  }

  answer(repositoryEnd: string, result: (image: ImageToCheck) => PresenceResult): void {
    const image = this.images.find((candidate) => candidate.repository.endsWith(repositoryEnd));
    if (!image || !this.events) throw new Error(`not asked for ${repositoryEnd}`);
    this.done++;
    this.events.next({ type: 'result', result: result(image) });
    this.events.next({ type: 'progress', done: this.done, total: this.images.length, requests: this.done });
  }

  finish(): void {
    this.events?.next({ type: 'done', cancelled: false, partial: false, requests: this.done });
    this.events?.complete();
  }
}
