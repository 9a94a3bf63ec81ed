import { VirtualTimeScheduler } from 'rxjs';
import { Redraw } from './redraw';

describe('Redraw', () => {
  let scheduler: VirtualTimeScheduler;
  let shown: [number, string][];
  let redraw: Redraw<string>;

  /** Virtual time moves on to `ms`, running what was due by then. */
  const at = (ms: number): void => {
    scheduler.schedule(() => undefined, ms - scheduler.now());
    scheduler.maxFrames = ms;
    scheduler.flush();
  };

  beforeEach(() => {
    scheduler = new VirtualTimeScheduler();
    shown = [];
    redraw = new Redraw<string>((value) => shown.push([scheduler.now(), value]), 500, scheduler);
  });

  it('shows the first value at once, then the newest one when the interval is up', () => {
    redraw.offer('a');
    at(100);
    redraw.offer('b');
    at(300);
    redraw.offer('c');
    at(1000);
    expect(shown).toEqual([
      [0, 'a'],
      [500, 'c'],
    ]);
  });

  it('shows a value offered after a quiet interval at once', () => {
    redraw.offer('a');
    at(800);
    redraw.offer('b');
    expect(shown).toEqual([
      [0, 'a'],
      [800, 'b'],
    ]);
  });

  it('shows a final value at once, and nothing older after it', () => {
    redraw.offer('a');
    at(100);
    redraw.offer('b');
    at(200);
    redraw.offer('end', true);
    at(1000);
    expect(shown).toEqual([
      [0, 'a'],
      [200, 'end'],
    ]);
  });

  it('shows nothing more once cancelled', () => {
    redraw.offer('a');
    at(100);
    redraw.offer('b');
    redraw.cancel();
    at(1000);
    expect(shown).toEqual([[0, 'a']]);
  });
});
