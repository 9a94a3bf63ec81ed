import { ChangeDetectionStrategy, Component, signal } from '@angular/core';
import { TestBed, fakeAsync } from '@angular/core/testing';
import { TranslationService } from '../../shared/i18n';
import { MockTranslationService } from '../../shared/i18n/testing';
import { BulkRun, startBulkRun } from '../domain/bulk-run';
import { ACME, GLOBEX } from '../testing/organizations-fakes';
import { BulkProgressWidget } from '../testing/bulk-progress.widget';
import { BulkProgressComponent } from './bulk-progress.component';

@Component({
  standalone: true,
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [BulkProgressComponent],
  template: `<cse-bulk-progress [run]="run()" (cancel)="cancels = cancels + 1" />`,
})
class HostComponent {
  readonly run = signal<BulkRun>(startBulkRun(3));
  cancels = 0;
}

describe('BulkProgressComponent', () => {
  let host: HostComponent;
  let progress: BulkProgressWidget;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [{ provide: TranslationService, useClass: MockTranslationService }] });
    const fixture = TestBed.createComponent(HostComponent);
    host = fixture.componentInstance;
    progress = new BulkProgressWidget(fixture);
  });

  function show(run: BulkRun): void {
    host.run.set(run);
    progress.settle();
  }

  describe('while organizations are checked', () => {
    const running: BulkRun = {
      total: 3,
      done: 1,
      failed: 0,
      current: [
        { orgId: ACME.id, org: 'acme', phase: 'dependencies', images: '3/40' },
        { orgId: GLOBEX.id, org: 'globex', phase: 'registry' },
      ],
      finished: false,
      cancelled: false,
    };

    it('shows how many are done, the bar, and each organization in flight with its phase', fakeAsync(() => {
      show(running);
      expect(progress.isFinished()).toBeFalse();
      expect(progress.counts()).toEqual({ key: 'orgs.progress', params: { done: 1, total: 3 } });
      expect(progress.percentShown()).toBe(33);
      const inFlight = progress.inFlight();
      expect(inFlight.length).toBe(2);
      expect(inFlight[0]).toContain('acme');
      expect(inFlight[0]).toContain('orgs.phase.dependencies');
      expect(inFlight[0]).toContain('3/40');
      expect(inFlight[1]).toContain('orgs.phase.registry');
    }));

    it('asks to cancel once, then waits for the checks to stop', fakeAsync(() => {
      show(running);
      expect(progress.canCancel()).toBeTrue();
      progress.cancel();
      expect(host.cancels).toBe(1);
      show({ ...running, cancelled: true });
      expect(progress.canCancel()).toBeFalse();
      expect(progress.isFinished()).toBeFalse();
    }));
  });

  describe('when the run finished', () => {
    it('says how many were done and failed, and no bar is left running', fakeAsync(() => {
      show({ total: 2, done: 2, failed: 1, current: [], finished: true, cancelled: false });
      expect(progress.isFinished()).toBeTrue();
      expect(progress.percentShown()).toBeUndefined();
      expect(progress.summary()).toEqual({ key: 'orgs.progressDone', params: { done: 2, failed: 1 } });
      expect(progress.skipped()).toBeUndefined();
    }));

    it('says how many a cancelled run left unchecked', fakeAsync(() => {
      show({ total: 5, done: 2, failed: 0, current: [], finished: true, cancelled: true });
      expect(progress.skipped()).toEqual({ key: 'orgs.progressCancelled', params: { skipped: 3 } });
    }));
  });
});
