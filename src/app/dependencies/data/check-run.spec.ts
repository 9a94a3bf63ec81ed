import { HttpClient } from '@angular/common/http';
import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed, fakeAsync, flushMicrotasks } from '@angular/core/testing';
import { provideVcdTesting } from '../../vcd/testing/vcd-testing';
import { CheckRun } from './check-run';
import { takeOpen } from './testing/check-harness';

describe('CheckRun slots', () => {
  const BASE = 'https://registry.example.com';

  it('gives the next free slot to an urgent request before those already waiting, the others in order', fakeAsync(() => {
    TestBed.configureTestingModule({ providers: [...provideVcdTesting()] });
    const backend = TestBed.inject(HttpTestingController);
    const run = new CheckRun(TestBed.inject(HttpClient), {
      access: { baseUrl: BASE, project: 'cse' },
      concurrency: 1,
      protocolOf: () => 'http/1.1',
    });
    const answered: string[] = [];
    for (const [path, isUrgent] of [
      ['/a', false],
      ['/b', false],
      ['/c', false],
      ['/page-2', true],
    ] as const) {
      void run.send({ method: 'GET', url: `${BASE}${path}`, isUrgent }).then(() => answered.push(path));
    }
    const sentOneByOne: string[] = [];
    for (;;) {
      flushMicrotasks();
      const [open, ...more] = takeOpen(backend);
      if (!open) break;
      expect(more).toEqual([]);
      sentOneByOne.push(new URL(open.request.url).pathname);
      open.flush('{}');
    }
    expect(sentOneByOne).toEqual(['/a', '/page-2', '/b', '/c']);
    expect(answered).toEqual(sentOneByOne);
    backend.verify();
  }));
});
