import { HttpTestingController } from '@angular/common/http/testing';
import { ComponentFixture, TestBed, fakeAsync, tick } from '@angular/core/testing';
import { TranslationService } from '../../shared/i18n';
import { MockTranslationService } from '../../shared/i18n/testing';
import { RegistryStatusRepository } from '../../shared/status-store/data/registry-status.repository';
import { answerVersions, provideVcdTesting } from '../../vcd/testing/vcd-testing';
import { StorageSetupComponent } from './storage-setup.component';

const ROOT = 'https://vcd.example.com/cloudapi/1.0.0';

/** Finds and acts on the setup panel as a user would; the spec asserts. */
class SetupPanel {
  constructor(private readonly fixture: ComponentFixture<StorageSetupComponent>) {}

  private find(test: string): HTMLElement | null {
    return (this.fixture.nativeElement as HTMLElement).querySelector(`[data-test="${test}"]`);
  }

  click(test: string): void {
    this.find(test)?.click();
    this.fixture.detectChanges();
  }

  text(test: string): string {
    this.fixture.detectChanges();
    return this.find(test)?.textContent ?? '';
  }

  isCreateDisabled(): boolean {
    return (this.find('storage-create') as HTMLButtonElement).disabled;
  }
}

describe('StorageSetupComponent', () => {
  let fixture: ComponentFixture<StorageSetupComponent>;
  let panel: SetupPanel;
  let backend: HttpTestingController;
  let ready: number;

  beforeEach(() => {
    TestBed.configureTestingModule({
      imports: [StorageSetupComponent],
      providers: [...provideVcdTesting(), RegistryStatusRepository, { provide: TranslationService, useClass: MockTranslationService }],
    });
    backend = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(StorageSetupComponent);
    panel = new SetupPanel(fixture);
    ready = 0;
    fixture.componentInstance.ready.subscribe(() => ready++);
    fixture.detectChanges();
  });

  describe('when VCD does not answer', () => {
    it('says how long VCD has while creating, then shows a timeout with a retry that starts again', fakeAsync(() => {
      panel.click('storage-create');
      answerVersions(backend);
      backend.expectOne(`${ROOT}/interfaces`);
      expect(panel.text('storage-creating')).toContain('"seconds":30');
      expect(panel.isCreateDisabled()).toBeTrue();
      tick(30_000);
      expect(panel.text('vcd-error')).toContain('vcd.errors.timeout');
      expect(panel.text('vcd-error')).toContain('"seconds":30');
      expect(panel.isCreateDisabled()).toBeFalse();
      expect(ready).toBe(0);

      panel.click('vcd-error-retry');
      backend.expectOne(`${ROOT}/interfaces`).flush({ id: 'urn:vcloud:interface:cseairgap:registryStatus:1.0.0' });
      tick();
      backend.expectOne(`${ROOT}/entityTypes`).flush({ id: 'urn:vcloud:type:cseairgap:registryStatus:1.0.0' });
      tick();
      expect(ready).toBe(1);
      expect(panel.text('vcd-error')).toBe('');
      backend.verify();
    }));
  });
});
