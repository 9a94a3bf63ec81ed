import { ComponentFixture, TestBed } from '@angular/core/testing';
import { TranslationService } from '../i18n';
import { MockTranslationService } from '../i18n/testing';
import { diffJson } from '../cse-config';
import { ConflictPanelComponent, ConflictView } from './conflict-panel.component';

const TOKEN = 'ghp_NEWnewNEWnewNEWnewNEWnew0123456789';
const OLD_TOKEN = 'ghp_OLDoldOLDoldOLDoldOLDold0123456789';
const PROXY_PASSWORD = 's3cr3t-proxy-pw';

/** Finds and acts on the panel as a user would; the spec asserts. */
class ConflictPanelPage {
  constructor(private readonly fixture: ComponentFixture<ConflictPanelComponent>) {}

  text(): string {
    return (this.fixture.nativeElement as HTMLElement).textContent ?? '';
  }

  rowOf(path: string): string {
    const rows = Array.from((this.fixture.nativeElement as HTMLElement).querySelectorAll('[data-test="conflict-changes"] tbody tr'));
    const row = rows.find((candidate) => candidate.querySelector('td')?.textContent?.trim() === path);
    if (!row) throw new Error(`no row for ${path}`);
    return row.textContent ?? '';
  }

  reapply(): void {
    const button = (this.fixture.nativeElement as HTMLElement).querySelector<HTMLButtonElement>('[data-test="conflict-reapply"]');
    if (!button) throw new Error('no re-apply button');
    button.click();
  }
}

describe('ConflictPanelComponent', () => {
  let fixture: ComponentFixture<ConflictPanelComponent>;
  let page: ConflictPanelPage;

  function open(conflict: ConflictView): void {
    TestBed.configureTestingModule({
      imports: [ConflictPanelComponent],
      providers: [{ provide: TranslationService, useClass: MockTranslationService }],
    });
    fixture = TestBed.createComponent(ConflictPanelComponent);
    fixture.componentRef.setInput('conflict', conflict);
    fixture.componentRef.setInput('yoursKey', 'registry.settings.yours');
    fixture.detectChanges();
    page = new ConflictPanelPage(fixture);
  }

  describe('when someone changed the GitHub token and a proxy URL with credentials', () => {
    beforeEach(() => {
      const before = {
        profiles: [
          {
            githubConfig: { githubPersonalAccessToken: OLD_TOKEN },
            bootstrapClusterConfig: { proxyConfig: { httpProxy: 'http://proxy.corp.local:3128' } },
            K8Config: { mhc: { maxUnhealthyNodes: 100 } },
          },
        ],
      };
      const after = {
        profiles: [
          {
            githubConfig: { githubPersonalAccessToken: TOKEN },
            bootstrapClusterConfig: { proxyConfig: { httpProxy: `http://ops:${PROXY_PASSWORD}@proxy.corp.local:3128` } },
            K8Config: { mhc: { maxUnhealthyNodes: 42 } },
            credentials: { apiKey: 'key-123456' },
          },
        ],
      };
      open({ theirChanges: diffJson(before, after), sameField: false });
    });

    it('never shows a secret value, old or new', () => {
      for (const secret of [TOKEN, OLD_TOKEN, PROXY_PASSWORD, 'key-123456']) {
        expect(page.text()).not.toContain(secret);
      }
    });

    it('says the token changed, hidden, under its field name', () => {
      const row = page.rowOf('profiles[0].githubConfig.githubPersonalAccessToken');
      expect(row).toContain('conflict.hidden');
      expect(page.text()).toContain('conflict.hiddenNote');
    });

    it('shows the proxy URL without its credentials', () => {
      expect(page.rowOf('profiles[0].bootstrapClusterConfig.proxyConfig.httpProxy')).toContain('http://***@proxy.corp.local:3128');
    });

    it('still shows a harmless change in clear', () => {
      const row = page.rowOf('profiles[0].K8Config.mhc.maxUnhealthyNodes');
      expect(row).toContain('100');
      expect(row).toContain('42');
    });

    it('still lets the user re-apply', () => {
      let reapplied = 0;
      fixture.componentInstance.reapply.subscribe(() => reapplied++);
      page.reapply();
      expect(reapplied).toBe(1);
    });
  });

  describe('when nothing secret changed', () => {
    it('adds no note about hidden values', () => {
      open({ theirChanges: [{ path: 'profiles[0].K8Config.mhc.maxUnhealthyNodes', before: 100, after: 42 }], sameField: false });
      expect(page.text()).not.toContain('conflict.hiddenNote');
    });
  });
});
