import { Provider } from '@angular/core';
import { ComponentFixture, TestBed, fakeAsync, tick } from '@angular/core/testing';
import { MemoryStorage } from '../../shared/browser-settings/testing/memory-storage';
import { FakeVcdKeConfig } from '../../shared/cse-config/testing/fake-vcdke-config';
import { PROVIDER_SESSION } from '../../vcd/testing/vcd-testing';
import { provideEnglish, provideFrench } from '../testing/english';
import { RegistrySettingsWidget } from '../testing/registry-settings.widget';
import { PageHostComponent, registrySettingsProviders } from '../testing/registry-settings.host';

const KEY = `cse-airgap:${PROVIDER_SESSION.apiRootUrl}:settings`;
const BASE_225 = `harbor.local/${'a'.repeat(212)}`;

describe('RegistrySettingsComponent, after a save and for long bases', () => {
  let vcd: FakeVcdKeConfig;
  let settings: RegistrySettingsWidget;
  let fixture: ComponentFixture<PageHostComponent>;

  /** Opens the page as a provider does, with what this browser keeps in `storage`. */
  function open(storage: Storage | null, messages: Provider = provideEnglish()): void {
    TestBed.resetTestingModule();
    TestBed.configureTestingModule({
      imports: [PageHostComponent],
      providers: registrySettingsProviders(vcd, storage, messages),
    });
    fixture = TestBed.createComponent(PageHostComponent);
    fixture.componentInstance.document.set(vcd.document());
    fixture.detectChanges();
    settings = new RegistrySettingsWidget(fixture);
  }

  function saveUrl(url: string): void {
    settings.typeUrl(url);
    settings.save();
    tick();
    settings.settle();
  }

  beforeEach(() => (vcd = new FakeVcdKeConfig('projects.registry.vmware.com')));

  describe('when a save of the URL succeeds', () => {
    it('says the CSE server must restart, with the source, and that this browser keeps the reminder', fakeAsync(() => {
      open(new MemoryStorage());
      expect(settings.byTestId('restart-notice')).toBeNull();
      saveUrl('harbor.corp.local/cse');
      expect(settings.text('restart-notice')).toContain('restart the CSE server (reboot its VM) before new clusters use it');
      expect(settings.text('restart-source')).toContain('the CSE Server VM needs to be rebooted');
      expect(settings.text('restart-kept')).toBe(
        'This reminder is kept in this browser, for this VCD: other administrators and other browsers do not see it.',
      );
    }));

    it('still shows the notice when the page is opened again, until the restart is marked done', fakeAsync(() => {
      const storage = new MemoryStorage();
      open(storage);
      saveUrl('harbor.corp.local/cse');
      expect(storage.json(KEY)).toEqual({ registryRestart: { url: 'harbor.corp.local/cse', savedAt: jasmine.any(String) } });

      open(storage);
      expect(settings.text('restart-notice')).toContain('Registry URL harbor.corp.local/cse saved.');
      settings.click('I restarted the CSE server');
      expect(settings.byTestId('restart-notice')).toBeNull();

      open(storage);
      expect(settings.byTestId('restart-notice')).toBeNull();
    }));

    it('says the reminder is not kept when this browser keeps nothing', fakeAsync(() => {
      open(null);
      saveUrl('harbor.corp.local/cse');
      expect(settings.text('restart-kept')).toContain('This browser keeps nothing for the plug-in');
    }));

    it('ignores, and clears, a stored reminder that does not parse', () => {
      const storage = new MemoryStorage({
        [KEY]: JSON.stringify({ registryRestart: { url: 'admin:pw@harbor.corp.local/cse', savedAt: 'now' } }),
      });
      open(storage);
      expect(settings.byTestId('restart-notice')).toBeNull();
      expect(storage.getItem(KEY)).toBeNull();
    });
  });

  describe('when the base is so long that a derived repository passes 255 characters', () => {
    it('refuses a base of 225 characters with both lengths', () => {
      open(new MemoryStorage());
      settings.typeUrl(BASE_225);
      expect(settings.feedback.problems()).toEqual([
        'This base has 225 characters: the longest repository CSE derives from it has 285, and registries refuse names over 255. Shorten the base to 195 characters or fewer.',
      ]);
      expect(settings.canSave()).toBeFalse();
    });

    it('says so in French, with the same lengths', () => {
      open(new MemoryStorage(), provideFrench());
      settings.type(settings.byLabel('URL du registre de conteneurs'), BASE_225);
      expect(settings.feedback.problems()).toEqual([
        'Cette base compte 225 caractères : le plus long dépôt que CSE en dérive en compte 285, et les registres refusent les noms de plus de 255. Raccourcissez la base à 195 caractères au plus.',
      ]);
    });
  });
});
