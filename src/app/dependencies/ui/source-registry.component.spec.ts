import { ComponentFixture, TestBed } from '@angular/core/testing';
import { TranslationService } from '../../shared/i18n';
import { MockTranslationService } from '../../shared/i18n/testing';
import { BrowserSettingsStore } from '../../shared/browser-settings';
import { MemoryStorage, provideBrowserStorage } from '../../shared/browser-settings/testing/memory-storage';
import { VCD_SESSION } from '../../vcd';
import { PROVIDER_SESSION } from '../../vcd/testing/vcd-testing';
import { SourceRegistrySetting } from '../data/source-registry.setting';
import { SourceRegistryComponent } from './source-registry.component';

const KEY = `cse-airgap:${PROVIDER_SESSION.apiRootUrl}:settings`;

/** The source registry form as a provider uses it: type, save, read what it says (keys in specs). */
class SourcePage {
  constructor(private readonly fixture: ComponentFixture<SourceRegistryComponent>) {}

  find<T extends HTMLElement>(test: string): T | null {
    return (this.fixture.nativeElement as HTMLElement).querySelector<T>(`[data-test="${test}"]`);
  }

  text(test: string): string {
    return this.find(test)?.textContent?.trim() ?? '';
  }

  field(): HTMLInputElement {
    const input = this.find<HTMLInputElement>('source-registry-input');
    if (!input) throw new Error('no source registry field');
    return input;
  }

  type(value: string): void {
    this.field().value = value;
    this.field().dispatchEvent(new Event('input'));
    this.fixture.detectChanges();
  }

  canSave(): boolean {
    return this.find<HTMLButtonElement>('source-registry-save')?.disabled === false;
  }

  click(test: string): void {
    this.find<HTMLButtonElement>(test)?.click();
    this.fixture.detectChanges();
  }
}

describe('SourceRegistryComponent', () => {
  let page: SourcePage;

  function open(storage: Storage | null): void {
    TestBed.resetTestingModule();
    TestBed.configureTestingModule({
      imports: [SourceRegistryComponent],
      providers: [
        { provide: VCD_SESSION, useValue: PROVIDER_SESSION },
        { provide: TranslationService, useClass: MockTranslationService },
        BrowserSettingsStore,
        SourceRegistrySetting,
        provideBrowserStorage(storage),
      ],
    });
    const fixture = TestBed.createComponent(SourceRegistryComponent);
    fixture.detectChanges();
    page = new SourcePage(fixture);
  }

  it('starts from the documented registry, marked as documented, and says where a choice is kept', () => {
    open(new MemoryStorage());
    expect(page.field().value).toBe('projects.registry.vmware.com');
    expect(page.text('source-registry-kind')).toContain('dependencies.source.documented');
    expect(page.text('source-registry-kept')).toContain('dependencies.source.keptHere');
  });

  describe('when the source is not a registry host', () => {
    const cases: readonly (readonly [string, string, string | undefined])[] = [
      ['https://projects.packages.broadcom.com', 'scheme', 'projects.packages.broadcom.com'],
      ['projects.packages.broadcom.com/tkg', 'path', 'projects.packages.broadcom.com'],
      ['robot:secret@mirror.corp.local', 'credentials', 'mirror.corp.local'],
      ['mirror corp', 'whitespace', undefined],
    ];
    for (const [input, code, fix] of cases) {
      it(`refuses "${input}" with its own message${fix ? ' and offers the host alone' : ''}, and saves nothing`, () => {
        const storage = new MemoryStorage();
        open(storage);
        page.type(input);
        expect(page.text('source-registry-problem')).toContain(`dependencies.source.problem.${code}`);
        expect(page.find('source-registry-fix') !== null).toBe(fix !== undefined);
        expect(page.canSave()).toBeFalse();
        expect(storage.getItem(KEY)).toBeNull();
      });
    }
  });

  it('keeps a chosen source in this browser, shows it as the provider’s choice, and reads it back on the next visit', () => {
    const storage = new MemoryStorage();
    open(storage);
    page.type('https://projects.packages.broadcom.com');
    page.click('source-registry-fix');
    page.click('source-registry-save');
    expect(page.text('source-registry-saved')).toContain('dependencies.source.saved');
    expect(storage.json(KEY)).toEqual({ sourceRegistry: 'projects.packages.broadcom.com' });

    open(storage);
    expect(page.field().value).toBe('projects.packages.broadcom.com');
    expect(page.text('source-registry-kind')).toContain('dependencies.source.yourChoice');
  });

  it('going back to the documented registry removes the choice', () => {
    const storage = new MemoryStorage({ [KEY]: '{"sourceRegistry":"mirror.corp.local"}' });
    open(storage);
    page.click('source-registry-default');
    page.click('source-registry-save');
    expect(storage.getItem(KEY)).toBeNull();
  });

  it('says the choice is not kept when this browser keeps nothing', () => {
    open(null);
    page.type('mirror.corp.local');
    page.click('source-registry-save');
    expect(page.text('source-registry-not-kept')).toContain('dependencies.source.notKept');
    expect(page.text('source-registry-kind')).toContain('dependencies.source.yourChoice');
  });

  it('ignores, and clears, a stored source that is not a registry host', () => {
    const storage = new MemoryStorage({ [KEY]: '{"sourceRegistry":"https://user:pw@mirror.corp.local/x"}' });
    open(storage);
    expect(page.field().value).toBe('projects.registry.vmware.com');
    expect(storage.getItem(KEY)).toBeNull();
  });
});
