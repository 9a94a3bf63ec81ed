/*
 * The base of the Organizations widget objects: they find and act as a user would (by the
 * `data-test` names the templates carry) and read what is shown; specs only assert. Time is fake:
 * every widget is driven inside fakeAsync, and `settle` lets pending zero-delay work run.
 */
import { ComponentFixture, tick } from '@angular/core/testing';

/** A message as the translation double renders it: its key and parameters. */
export interface ShownMessage {
  readonly key: string;
  readonly params?: Readonly<Record<string, unknown>>;
}

/** The translate pipe hands its parameters on as a list of one object. */
export function readMessage(text: string | null | undefined): ShownMessage | undefined {
  if (!text?.trim()) return undefined;
  const shown = JSON.parse(text) as { key: string; params?: unknown };
  const params = Array.isArray(shown.params) ? (shown.params[0] as ShownMessage['params']) : (shown.params as ShownMessage['params']);
  return params === undefined ? { key: shown.key } : { key: shown.key, params };
}

export class Widget {
  constructor(protected readonly fixture: ComponentFixture<unknown>) {}

  protected get root(): HTMLElement {
    return this.fixture.nativeElement as HTMLElement;
  }

  settle(): void {
    this.fixture.detectChanges();
    tick();
    this.fixture.detectChanges();
  }

  /** Lets `ms` of fake time pass (debounces, delays), then shows the outcome. */
  wait(ms: number): void {
    tick(ms);
    this.settle();
  }

  has(test: string): boolean {
    return this.find(test) !== null;
  }

  text(test: string): string {
    return this.find(test)?.textContent ?? '';
  }

  /** The one translated message an element shows, as the translation double renders it. */
  message(test: string, within: ParentNode = this.root): ShownMessage | undefined {
    return readMessage(this.find(test, within)?.textContent);
  }

  isDisabled(test: string): boolean {
    return this.button(test).disabled;
  }

  protected find(test: string, within: ParentNode = this.root): HTMLElement | null {
    return within.querySelector<HTMLElement>(`[data-test="${test}"]`);
  }

  protected button(test: string, within: ParentNode = this.root): HTMLButtonElement {
    const element = this.find(test, within);
    if (!(element instanceof HTMLButtonElement)) throw new Error(`no button "${test}"`);
    return element;
  }

  protected click(test: string, within: ParentNode = this.root): void {
    this.button(test, within).click();
    this.settle();
  }

  protected type(test: string, value: string): void {
    const input = this.find(test);
    if (!(input instanceof HTMLInputElement)) throw new Error(`no input "${test}"`);
    input.value = value;
    input.dispatchEvent(new Event('input'));
    this.settle();
  }
}
