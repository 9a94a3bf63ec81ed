/*
 * What every widget object of the registry feature does: find elements as a user does (by label,
 * role and name, or test id when nothing visible names them), act on them, read what is shown.
 * The per-component widgets build on it; the specs only assert.
 */
import { ComponentFixture } from '@angular/core/testing';

export class Widget {
  constructor(protected readonly fixture: ComponentFixture<unknown>) {}

  protected get root(): HTMLElement {
    return this.fixture.nativeElement as HTMLElement;
  }

  /** Runs change detection, as after any user action. */
  protected render(): void {
    this.fixture.detectChanges();
  }

  /** Shows what changed while time passed (an answer arrived), as the browser would. */
  settle(): void {
    this.render();
  }

  byTestId(test: string): HTMLElement | null {
    return this.root.querySelector<HTMLElement>(`[data-test="${test}"]`);
  }

  allByTestId(test: string): HTMLElement[] {
    return Array.from(this.root.querySelectorAll<HTMLElement>(`[data-test="${test}"]`));
  }

  /** The form control a visible <label for> names. */
  byLabel(label: string): HTMLInputElement {
    const found = Array.from(this.root.querySelectorAll('label')).find((candidate) => visibleText(candidate) === label);
    const control = found?.htmlFor ? this.root.querySelector(`#${CSS.escape(found.htmlFor)}`) : null;
    if (!(control instanceof HTMLInputElement)) throw new Error(`no field labelled "${label}"`);
    return control;
  }

  /** A button by the words on it. */
  button(name: string): HTMLButtonElement {
    const found = this.buttons().find((candidate) => visibleText(candidate) === name);
    if (!found) throw new Error(`no button "${name}" among ${this.buttons().map((candidate) => `"${visibleText(candidate)}"`)}`);
    return found;
  }

  hasButton(name: string): boolean {
    return this.buttons().some((candidate) => visibleText(candidate) === name);
  }

  /** Clicks a button by the words on it; a disabled one is an error (a user cannot click it). */
  click(name: string): void {
    const target = this.button(name);
    if (target.disabled) throw new Error(`button "${name}" is disabled`);
    target.click();
    this.render();
  }

  /** Types into a field, replacing its value, as input events do. */
  type(field: HTMLInputElement, value: string): void {
    field.value = value;
    field.dispatchEvent(new Event('input'));
    field.dispatchEvent(new Event('blur'));
    this.render();
  }

  /** The text a user reads in an element (whitespace collapsed), '' when it is not shown. */
  text(test: string): string {
    const element = this.byTestId(test);
    return element ? visibleText(element) : '';
  }

  pageText(): string {
    return visibleText(this.root);
  }

  private buttons(): HTMLButtonElement[] {
    return Array.from(this.root.querySelectorAll('button'));
  }
}

export function visibleText(element: Element): string {
  return (element.textContent ?? '').replace(/\s+/g, ' ').trim();
}
