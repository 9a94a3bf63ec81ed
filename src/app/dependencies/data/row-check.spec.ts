import { Observable, Subject, lastValueFrom, of, throwError, toArray } from 'rxjs';
import { ResultRow, imagesOf } from '../domain';
import { CheckEvent, ImageToCheck, PresenceChecker } from './presence-check';
import { checkRows } from './row-check';

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
