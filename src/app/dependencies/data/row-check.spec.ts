import { Observable, Subject, VirtualTimeScheduler, lastValueFrom, of, throwError, toArray } from 'rxjs';
import { ResultRow, imagesOf } from '../domain';
import { CheckEvent, ImageToCheck, PresenceChecker } from './presence-check';
import { RowCheckUpdate, UPDATE_INTERVAL_MS, checkRows } from './row-check';

const row = (id: string, destination: string, status: ResultRow['status'] = 'missing'): ResultRow => ({
  id,
  status,
  source: `projects.registry.vmware.com/tkg/${id}:v1`,
  destination,
  group: 'tkg',
});
const ROWS = [
  row('a', 'harbor.example.com/cse/tkg/a:v1'),
  row('b', 'harbor.example.com/cse/tkg/b:v1', 'present'),
  row('u', '', 'unmapped'),
];
const OPTIONS = { access: { baseUrl: 'https://vcd.example.com/ext-api/x', project: 'cse' }, cancel: new Subject<void>() };

const checker = (events: (images: readonly ImageToCheck[]) => Observable<CheckEvent>): PresenceChecker => ({
  check: (images) => events(images),
});

describe('checkRows', () => {
  it('asks only for the chosen rows that map to an image, and sets them pending first', async () => {
    const images = imagesOf(ROWS, (candidate) => candidate.status !== 'present');
    expect(images).toEqual([{ id: 'a', repository: 'cse/tkg/a', reference: 'v1' }]);
    const updates = await lastValueFrom(
      checkRows(
        checker(() => of({ type: 'done', cancelled: false, partial: false, requests: 0 })),
        ROWS,
        images,
        OPTIONS,
      ).pipe(toArray()),
    );
    expect(updates.at(-1)?.rows.map((candidate) => candidate.status)).toEqual(['pending', 'present', 'unmapped']);
    expect(updates.at(-1)?.outcome).toBe('done');
  });

  it('replaces each answered row and counts progress; a cancelled check ends as cancelled', async () => {
    const images = imagesOf(ROWS);
    const updates = await lastValueFrom(
      checkRows(
        checker((asked) =>
          of(
            ...([
              { type: 'result', result: { status: 'present', image: asked[0]!, manifestKind: 'manifest', digest: 'sha256:1' } },
              { type: 'progress', done: 1, total: 2, requests: 1 },
              { type: 'done', cancelled: true, partial: true, requests: 1 },
            ] satisfies CheckEvent[]),
          ),
        ),
        ROWS,
        images,
        OPTIONS,
      ).pipe(toArray()),
    );
    const last = updates.at(-1);
    expect(last?.rows[0]?.status).toBe('present');
    expect(last?.rows[1]?.status).toBe('pending');
    expect(last?.done).toBe(1);
    expect(last?.total).toBe(2);
    expect(last?.outcome).toBe('cancelled');
  });

  describe('when answers arrive faster than the page can redraw', () => {
    const MANY = Array.from({ length: 300 }, (_, index) => row(`i${index}`, `harbor.example.com/cse/tkg/i${index}:v1`));
    const present = (image: ImageToCheck): CheckEvent => ({ type: 'result', result: { status: 'present', image } });

    function follow(): { events: Subject<CheckEvent>; updates: RowCheckUpdate[]; time: VirtualTimeScheduler } {
      const events = new Subject<CheckEvent>();
      const updates: RowCheckUpdate[] = [];
      const time = new VirtualTimeScheduler();
      checkRows(
        checker(() => events),
        MANY,
        imagesOf(MANY),
        OPTIONS,
        time,
      ).subscribe({
        next: (update) => updates.push(update),
        error: () => undefined,
      });
      return { events, updates, time };
    }

    it('shows a burst of answers as one update, with every answer and the progress in it', () => {
      const { events, updates, time } = follow();
      imagesOf(MANY).forEach((image, index) => {
        events.next(present(image));
        events.next({ type: 'progress', done: index + 1, total: MANY.length, requests: index + 1 });
      });
      expect(updates.length).toBe(0);
      time.flush();
      expect(updates.length).toBe(1);
      expect(updates[0]?.rows.every((candidate) => candidate.status === 'present')).toBeTrue();
      expect(updates[0]?.done).toBe(300);
    });

    it('updates at most once per interval while answers keep coming, and at once when the check is done', () => {
      const { events, updates, time } = follow();
      const images = imagesOf(MANY);
      // One answer every 5 ms for a second: 200 answers, ten updates a second at most.
      images.slice(0, 200).forEach((image, index) => time.schedule(() => events.next(present(image)), index * 5));
      time.schedule(() => events.next({ type: 'done', cancelled: false, partial: true, requests: 200 }), 999);
      time.flush();
      expect(updates.length).toBeLessThanOrEqual(1000 / UPDATE_INTERVAL_MS + 1);
      expect(updates.at(-1)?.outcome).toBe('partial');
      expect(updates.at(-1)?.rows.filter((candidate) => candidate.status === 'present').length).toBe(200);
      expect(updates.at(-1)?.rows.filter((candidate) => candidate.status === 'pending').length).toBe(100);
    });

    it('hands out what was answered before a checker failure', () => {
      const { events, updates } = follow();
      events.next(present(imagesOf(MANY)[0]!));
      events.error(new Error('gone'));
      expect(updates.at(-1)?.rows[0]?.status).toBe('present');
    });
  });

  it('lets a checker failure through, so the caller ends its bar', async () => {
    const result = await lastValueFrom(
      checkRows(
        checker(() => throwError(() => new Error('gone'))),
        ROWS,
        imagesOf(ROWS),
        OPTIONS,
      ),
    ).catch((error: unknown) => error);
    expect(result).toEqual(jasmine.any(Error));
  });
});
