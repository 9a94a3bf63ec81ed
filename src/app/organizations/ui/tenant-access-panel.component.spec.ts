import { ChangeDetectionStrategy, Component } from '@angular/core';
import { TestBed, fakeAsync } from '@angular/core/testing';
import { TranslationService } from '../../shared/i18n';
import { MockTranslationService } from '../../shared/i18n/testing';
import { of, throwError } from 'rxjs';
import { VcdError } from '../../vcd';
import { TenantAccessService } from '../data/tenant-access.service';
import { ACCESS_PLAN, FakeTenantAccess } from '../testing/organizations-fakes';
import { TenantAccessPanelWidget } from '../testing/tenant-access-panel.widget';
import { TenantAccessPanelComponent } from './tenant-access-panel.component';

@Component({
  standalone: true,
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TenantAccessPanelComponent],
  template: `<cse-tenant-access-panel (failed)="failures.push($event)" />`,
})
class HostComponent {
  readonly failures: VcdError[] = [];
}

describe('TenantAccessPanelComponent', () => {
  let access: FakeTenantAccess;

  beforeEach(() => {
    access = new FakeTenantAccess();
    TestBed.configureTestingModule({
      providers: [
        { provide: TenantAccessService, useValue: access },
        { provide: TranslationService, useClass: MockTranslationService },
      ],
    });
  });

  function open(): { panel: TenantAccessPanelWidget; host: HostComponent } {
    const fixture = TestBed.createComponent(HostComponent);
    const panel = new TenantAccessPanelWidget(fixture);
    panel.settle();
    return { panel, host: fixture.componentInstance };
  }

  describe('when rights are missing', () => {
    it('lists the bundle and the role that will get the right, as published to every tenant', fakeAsync(() => {
      const { panel } = open();
      expect(panel.isReady()).toBeFalse();
      expect(panel.plan()).toContain('orgs.access.bundleAdd');
      expect(panel.plan()).toContain('orgs.access.publishedAll');
      expect(panel.plan()).toContain('orgs.access.roleAdd');
    }));

    it('changes nothing when the confirmation is cancelled', fakeAsync(() => {
      const { panel } = open();
      panel.review();
      expect(panel.isConfirming()).toBeTrue();
      panel.cancelConfirmation();
      expect(panel.isConfirming()).toBeFalse();
      expect(access.applied).toEqual([]);
    }));

    it('applies the plan once confirmed and says it is ready', fakeAsync(() => {
      const { panel } = open();
      panel.review();
      panel.apply();
      expect(access.applied).toEqual([ACCESS_PLAN]);
      expect(panel.isReady()).toBeTrue();
    }));

    it('reports a refused change and offers the review again', fakeAsync(() => {
      access.applyResult = throwError(() => ({ kind: 'forbidden', status: 403 }));
      const { panel, host } = open();
      panel.review();
      panel.apply();
      expect(host.failures).toEqual([{ kind: 'forbidden', status: 403 }]);
      expect(panel.isConfirming()).toBeFalse();
      expect(panel.isReady()).toBeFalse();
    }));

    it('says when no published bundle or no tenant role was found', fakeAsync(() => {
      access.state$ = of({ kind: 'plan', right: ACCESS_PLAN.right });
      const { panel } = open();
      expect(panel.plan()).toContain('orgs.access.noBundle');
      expect(panel.plan()).toContain('orgs.access.noRole');
    }));
  });

  it('says the storage must exist first when the right does not', fakeAsync(() => {
    access.state$ = of({ kind: 'noRight' });
    const { panel } = open();
    expect(panel.isNoRight()).toBeTrue();
    expect(panel.has('tenant-access-review')).toBeFalse();
  }));

  it('says it is ready when bundle and role have the right, and offers no change', fakeAsync(() => {
    access.state$ = access.applyResult;
    const { panel } = open();
    expect(panel.isReady()).toBeTrue();
    expect(panel.has('tenant-access-review')).toBeFalse();
  }));

  it('reports a failed read and shows no panel', fakeAsync(() => {
    access.state$ = throwError(() => ({ kind: 'network', status: 0 }));
    const { panel, host } = open();
    expect(host.failures).toEqual([{ kind: 'network', status: 0 }]);
    expect(panel.isShown()).toBeFalse();
  }));
});
