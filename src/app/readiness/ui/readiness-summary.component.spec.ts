import { LOCALE_ID } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { TranslationService } from '../../shared/i18n';
import { MockTranslationService } from '../../shared/i18n/testing';
import { ReadinessLevel, ReadinessLine, ReadinessSection } from '../domain/readiness';
import { ReadinessSummaryComponent, formatCheckTime } from './readiness-summary.component';

/** Reads the summary as a user sees it; the specs assert. */
class ReadinessSummaryWidget {
  constructor(private readonly fixture: ComponentFixture<ReadinessSummaryComponent>) {}

  private get root(): HTMLElement {
    return this.fixture.nativeElement as HTMLElement;
  }
  private row(id: string): HTMLElement {
    const row = this.root.querySelector<HTMLElement>(`[data-test="readiness-line"][data-line="${id}"]`);
    if (!row) throw new Error(`no row ${id}`);
    return row;
  }
  /** The translation double renders {"key":…,"params":…}. */
  private read(element: Element | null): { key?: string; params?: Record<string, unknown> } {
    const text = element?.textContent?.trim() ?? '';
    if (!text.startsWith('{')) return {};
    // The pipe hands its arguments on as a list: the params object is the first.
    const { key, params } = JSON.parse(text) as { key: string; params?: Record<string, unknown>[] };
    return params?.[0] ? { key, params: params[0] } : { key };
  }

  rowIds(): string[] {
    return [...this.root.querySelectorAll<HTMLElement>('[data-test="readiness-line"]')].map((row) => row.dataset['line'] ?? '');
  }
  iconOf(id: string): { shape: string | null; status: string | null; hidden: string | null } {
    const icon = this.row(id).querySelector('[data-test="readiness-icon"]');
    return {
      shape: icon?.getAttribute('shape') ?? null,
      status: icon?.getAttribute('status') ?? null,
      hidden: icon?.getAttribute('aria-hidden') ?? null,
    };
  }
  levelTextKey(id: string): string | undefined {
    return this.read(this.row(id).querySelector('[data-test="readiness-level"]')).key;
  }
  message(id: string): { key?: string; params?: Record<string, unknown> } {
    return this.read(this.row(id).querySelector('[data-test="readiness-message"]'));
  }
  timeOf(id: string): { text: string; datetime: string | null } {
    const cell = this.row(id).querySelector('[data-test="readiness-time"]');
    return { text: cell?.textContent?.trim() ?? '', datetime: cell?.querySelector('time')?.getAttribute('datetime') ?? null };
  }
  linkKey(id: string): string | undefined {
    return this.read(this.row(id).querySelector('[data-test="readiness-link"]')).key;
  }
  followLink(id: string): void {
    this.row(id).querySelector<HTMLButtonElement>('[data-test="readiness-link"]')?.click();
  }
  verdict(): { key?: string; params?: Record<string, unknown> } {
    return this.read(this.root.querySelector('[data-test="readiness-verdict"]'));
  }
}

const AT = '2026-03-01T10:05:00.000Z';

function line(id: ReadinessLine['id'], level: ReadinessLevel, section: ReadinessSection, checkedAt?: string): ReadinessLine {
  return { id, level, section, message: { key: `readiness.${id}.x`, params: { n: 1 } }, ...(checkedAt ? { checkedAt } : {}) };
}

describe('ReadinessSummaryComponent', () => {
  let fixture: ComponentFixture<ReadinessSummaryComponent>;
  let summary: ReadinessSummaryWidget;

  function show(lines: ReadinessLine[]): void {
    TestBed.configureTestingModule({
      imports: [ReadinessSummaryComponent],
      providers: [
        { provide: TranslationService, useClass: MockTranslationService },
        { provide: LOCALE_ID, useValue: 'fr' },
      ],
    });
    fixture = TestBed.createComponent(ReadinessSummaryComponent);
    fixture.componentRef.setInput('lines', lines);
    fixture.detectChanges();
    summary = new ReadinessSummaryWidget(fixture);
  }

  it('shows one row per line, in the given order', () => {
    show([line('registryUrl', 'ready', 'settings'), line('publicEndpoint', 'manual', 'publicEndpoint')]);
    expect(summary.rowIds()).toEqual(['registryUrl', 'publicEndpoint']);
  });

  const levels: [ReadinessLevel, string, string][] = [
    ['ready', 'check-circle', 'success'],
    ['attention', 'exclamation-triangle', 'warning'],
    ['blocked', 'error-standard', 'danger'],
    ['unknown', 'help', 'neutral'],
    ['manual', 'info-standard', 'info'],
  ];
  for (const [level, shape, status] of levels) {
    it(`marks a ${level} line with the ${shape} icon and says "${level}" in words`, () => {
      show([line('certificates', level, 'certificates', AT)]);
      expect(summary.iconOf('certificates')).toEqual({ shape, status, hidden: 'true' });
      expect(summary.levelTextKey('certificates')).toBe(`readiness.level.${level}`);
    });
  }

  it('translates the message with its parameters', () => {
    show([line('dependencies', 'blocked', 'dependencies', AT)]);
    expect(summary.message('dependencies')).toEqual({ key: 'readiness.dependencies.x', params: { n: 1 } });
  });

  it("shows when each line was checked, in the session's locale, and says so when it never was", () => {
    show([line('dependencies', 'blocked', 'dependencies', AT), line('certificates', 'unknown', 'certificates')]);
    expect(summary.timeOf('dependencies')).toEqual({ text: formatCheckTime(AT, 'fr'), datetime: AT });
    expect(summary.timeOf('dependencies').text).toContain('2026');
    expect(summary.timeOf('certificates').datetime).toBeNull();
    expect(summary.timeOf('certificates').text).toContain('readiness.summary.neverChecked');
  });

  it('emits the section to open when a link is followed: "Fix it" for a problem, "Open" for a ready line', () => {
    show([line('registryUrl', 'ready', 'settings', AT), line('projectPublic', 'blocked', 'registryCheck', AT)]);
    const opened: ReadinessSection[] = [];
    fixture.componentInstance.navigate.subscribe((section: ReadinessSection) => opened.push(section));
    expect(summary.linkKey('registryUrl')).toBe('readiness.summary.open');
    expect(summary.linkKey('projectPublic')).toBe('readiness.summary.fix');
    summary.followLink('projectPublic');
    summary.followLink('registryUrl');
    expect(opened).toEqual(['registryCheck', 'settings']);
  });

  it('offers no "Fix it" to a read-only viewer (a tenant): every link says "Details"', () => {
    show([line('registryUrl', 'ready', 'settings', AT), line('projectPublic', 'blocked', 'registryCheck', AT)]);
    fixture.componentRef.setInput('readOnly', true);
    fixture.detectChanges();
    expect(summary.linkKey('registryUrl')).toBe('readiness.summary.details');
    expect(summary.linkKey('projectPublic')).toBe('readiness.summary.details');
  });

  describe('the overall verdict', () => {
    it('counts the blockers', () => {
      show([
        line('registryUrl', 'blocked', 'settings'),
        line('certificates', 'blocked', 'certificates'),
        line('dependencies', 'attention', 'dependencies'),
      ]);
      expect(summary.verdict()).toEqual({ key: 'readiness.verdict.blocked', params: { count: 2 } });
    });

    it('counts what needs attention when nothing blocks', () => {
      show([
        line('registryUrl', 'ready', 'settings'),
        line('certificates', 'unknown', 'certificates'),
        line('dependencies', 'attention', 'dependencies'),
      ]);
      expect(summary.verdict()).toEqual({ key: 'readiness.verdict.attention', params: { count: 2 } });
    });

    it('says ready for Kubernetes clusters when every line is green', () => {
      show([line('registryUrl', 'ready', 'settings')]);
      expect(summary.verdict().key).toBe('readiness.verdict.ready');
    });
  });

  it('follows new lines', () => {
    show([line('registryUrl', 'blocked', 'settings')]);
    fixture.componentRef.setInput('lines', [line('registryUrl', 'ready', 'settings')]);
    fixture.detectChanges();
    expect(summary.iconOf('registryUrl').shape).toBe('check-circle');
    expect(summary.verdict().key).toBe('readiness.verdict.ready');
  });
});
