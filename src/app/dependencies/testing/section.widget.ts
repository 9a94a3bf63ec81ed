/* Finds and acts on the dependencies section as a user would; the spec asserts. */
import { ComponentFixture } from '@angular/core/testing';
import { DependenciesSectionComponent } from '../ui/dependencies-section.component';

export class SectionPage {
  constructor(private readonly fixture: ComponentFixture<DependenciesSectionComponent>) {}

  private find(test: string): HTMLElement | null {
    return (this.fixture.nativeElement as HTMLElement).querySelector(`[data-test="${test}"]`);
  }

  async settle(): Promise<void> {
    this.fixture.detectChanges();
    await this.fixture.whenStable();
    this.fixture.detectChanges();
  }

  /** Chooses to replace the built-in list, pastes a dependencies.txt and uses it. */
  async useFile(text: string): Promise<void> {
    const root = this.fixture.nativeElement as HTMLElement;
    root.querySelector<HTMLInputElement>('#merge-replace')?.click();
    const paste = this.find('dependencies-paste');
    if (!(paste instanceof HTMLTextAreaElement)) throw new Error('no paste field');
    paste.value = text;
    paste.dispatchEvent(new Event('input'));
    this.click('dependencies-use-paste');
    await this.settle();
  }

  click(test: string): void {
    const element = this.find(test);
    if (!(element instanceof HTMLButtonElement)) throw new Error(`no button ${test}`);
    element.click();
    this.fixture.detectChanges();
  }

  isDisabled(test: string): boolean {
    return (this.find(test) as HTMLButtonElement | null)?.disabled ?? true;
  }

  count(status: string): string {
    return this.find(`dependencies-summary-${status}`)?.textContent?.trim() ?? '';
  }

  rowStatuses(): string[] {
    const rows = (this.fixture.nativeElement as HTMLElement).querySelectorAll('[data-test="dependencies-row"]');
    return Array.from(rows, (row) => row.getAttribute('data-status') ?? '');
  }

  progressState(): string | null {
    return this.find('dependencies-progress')?.getAttribute('data-state') ?? null;
  }

  notice(test: string): string {
    return this.find(test)?.textContent ?? '';
  }

  has(test: string): boolean {
    return this.find(test) !== null;
  }

  /** The text of the grid row whose destination ends with `repositoryEnd`. */
  rowText(repositoryEnd: string): string {
    return this.row(repositoryEnd)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  }

  /** Clicks the button `test` inside the row of `repositoryEnd`. */
  clickInRow(repositoryEnd: string, test: string): void {
    const button = this.row(repositoryEnd)?.querySelector(`[data-test="${test}"]`);
    if (!(button instanceof HTMLButtonElement)) throw new Error(`no ${test} in the row of ${repositoryEnd}`);
    button.click();
    this.fixture.detectChanges();
  }

  private row(repositoryEnd: string): Element | undefined {
    const rows = (this.fixture.nativeElement as HTMLElement).querySelectorAll('[data-test="dependencies-row"]');
    return Array.from(rows).find((candidate) => candidate.textContent?.includes(`/${repositoryEnd}:`));
  }

  problemLines(): string[] {
    const items = (this.fixture.nativeElement as HTMLElement).querySelectorAll('[data-test="dependencies-parse-problem"] strong');
    return Array.from(items, (item) => item.textContent ?? '');
  }
}
