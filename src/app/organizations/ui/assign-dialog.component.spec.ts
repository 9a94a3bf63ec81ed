import { ChangeDetectionStrategy, Component, signal } from '@angular/core';
import { TestBed, discardPeriodicTasks, fakeAsync, flush } from '@angular/core/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { TranslationService } from '../../shared/i18n';
import { MockTranslationService } from '../../shared/i18n/testing';
import { Observable, of, throwError } from 'rxjs';
import { ExternalEndpointService } from '../../registry/data/external-endpoint.service';
import { HostUsers } from '../../registry/data/host-users';
import { ExternalEndpointPlan, externalEndpointPlan } from '../../registry/domain/endpoint-plan';
import { OrganizationsService } from '../data/organizations.service';
import { OrgRow, orgRow } from '../domain/org-row';
import { AssignDialogWidget } from '../testing/assign-dialog.widget';
import { ACME, FakeOrganizations, GLOBEX } from '../testing/organizations-fakes';
import { ASSIGN_PLAN_DEBOUNCE_MS, AssignDialogComponent } from './assign-dialog.component';

const ACME_ROW = orgRow(ACME, { scope: 'organization', orgId: ACME.id, registryBase: 'harbor.example.com/acme' }, new Date());
const GLOBEX_ROW = orgRow(GLOBEX, undefined, new Date());

@Component({
  standalone: true,
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [AssignDialogComponent],
  template: `@if (row(); as row) {
    <cse-assign-dialog
      [row]="row"
      userName="administrator"
      (assigned)="events.push('assigned ' + $event)"
      (failed)="events.push('failed')"
      (closed)="events.push('closed'); close()"
    />
  }`,
})
class HostComponent {
  readonly row = signal<OrgRow | undefined>(undefined);
  readonly events: string[] = [];

  close(): void {
    this.row.set(undefined);
  }
}

describe('AssignDialogComponent', () => {
  let organizations: FakeOrganizations;
  let asked: string[];
  let host: HostComponent;
  let dialog: AssignDialogWidget;

  beforeEach(() => {
    organizations = new FakeOrganizations();
    asked = [];
    const endpoints = {
      state: (plan: ExternalEndpointPlan): Observable<{ kind: 'absent' }> => {
        asked.push(plan.prefix);
        return of({ kind: 'absent' });
      },
    };
    TestBed.configureTestingModule({
      providers: [
        provideNoopAnimations(),
        { provide: OrganizationsService, useValue: organizations },
        { provide: ExternalEndpointService, useValue: endpoints },
        { provide: HostUsers, useValue: { organizationsUsing: () => of({ orgNames: [], isTruncated: false }) } },
        { provide: TranslationService, useClass: MockTranslationService },
      ],
    });
    const fixture = TestBed.createComponent(HostComponent);
    host = fixture.componentInstance;
    dialog = new AssignDialogWidget(fixture);
  });

  /** Opens the dialog for `row` in fake time, lets the spec act, then lets pending timers run out. */
  function opened(row: OrgRow, scenario: () => void): () => void {
    return fakeAsync(() => {
      host.row.set(row);
      dialog.settle();
      scenario();
      flush();
      discardPeriodicTasks();
    });
  }

  it(
    'opens on the organization’s current registry and shows at once how VCD reaches its host',
    opened(ACME_ROW, () => {
      expect(dialog.isOpen()).toBeTrue();
      expect(dialog.title()).toEqual({ key: 'orgs.assignTitle', params: { org: 'acme' } });
      expect(dialog.url()).toBe('harbor.example.com/acme');
      expect(dialog.canSave()).toBeTrue();
      expect(asked).toEqual([externalEndpointPlan('harbor.example.com', undefined).prefix]);
    }),
  );

  it(
    'opens empty for an organization on the system registry, and saves nothing yet',
    opened(GLOBEX_ROW, () => {
      expect(dialog.url()).toBe('');
      expect(dialog.canSave()).toBeFalse();
      expect(dialog.accessPlan()).toBeUndefined();
    }),
  );

  it(
    'reads how VCD reaches a new host only once typing stops, and not again for the same host',
    opened(ACME_ROW, () => {
      dialog.typeUrl('harbor.example.com/acme-2');
      dialog.wait(ASSIGN_PLAN_DEBOUNCE_MS);
      expect(asked.length).toBe(1);
      dialog.typeUrl('harbor2.example.com:8443/acme');
      dialog.typeUrl('harbor3.example.com/acme');
      dialog.wait(ASSIGN_PLAN_DEBOUNCE_MS - 1);
      expect(asked.length).toBe(1);
      dialog.wait(1);
      expect(asked).toEqual([
        externalEndpointPlan('harbor.example.com', undefined).prefix,
        externalEndpointPlan('harbor3.example.com', undefined).prefix,
      ]);
    }),
  );

  it(
    'stores the canonical form of a valid URL, with who assigned it',
    opened(GLOBEX_ROW, () => {
      dialog.typeUrl('https://harbor.example.com/globex');
      expect(dialog.canSave()).toBeFalse();
      dialog.typeUrl('Harbor.Example.com/globex');
      expect(dialog.canSave()).toBeTrue();
      dialog.save();
      expect(organizations.assigned).toEqual([{ org: 'globex', base: 'harbor.example.com/globex', by: 'administrator' }]);
      expect(host.events).toEqual(['assigned harbor.example.com/globex']);
    }),
  );

  it(
    'hands a failed assignment to the tab',
    opened(GLOBEX_ROW, () => {
      organizations.assignResult = throwError(() => new Error('boom'));
      dialog.typeUrl('harbor.example.com/globex');
      dialog.save();
      expect(host.events).toEqual(['failed']);
      expect(dialog.canSave()).toBeTrue();
    }),
  );

  it(
    'closes without storing anything when cancelled',
    opened(ACME_ROW, () => {
      dialog.cancel();
      expect(host.events).toEqual(['closed']);
      expect(organizations.assigned).toEqual([]);
      expect(dialog.isOpen()).toBeFalse();
    }),
  );
});
