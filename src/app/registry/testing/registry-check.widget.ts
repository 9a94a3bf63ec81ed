/* Acts on the Registry check section as a user does: choose how to reach the registry, run, read each step. */
import { ServedChainWidget } from './served-chain.widget';
import { Widget, visibleText } from './widget';

export interface ShownStep {
  readonly title: string;
  /** The verdict as written in the step's header ("Passed", "Running", …). */
  readonly verdict: string;
  readonly message: string;
  readonly notes: readonly string[];
}

export class RegistryCheckWidget extends Widget {
  readonly chain = new ServedChainWidget(this.fixture);

  chooseAccess(label: string): void {
    this.byLabel(label).click();
    this.render();
  }

  isAccessChosen(label: string): boolean {
    return this.byLabel(label).checked;
  }

  canRun(): boolean {
    return this.hasButton('Run registry check') && !this.button('Run registry check').disabled;
  }

  run(): void {
    this.click('Run registry check');
  }

  /** The words on the run button, '' when there is none. */
  runLabel(): string {
    return this.text('run-check');
  }

  steps(): ShownStep[] {
    return Array.from(this.root.querySelectorAll('clr-timeline-step'), (step) => ({
      title: textOf(step, 'clr-timeline-step-title'),
      verdict: textOf(step, 'clr-timeline-step-header'),
      message: textOf(step, '[data-test="step-message"]'),
      notes: Array.from(step.querySelectorAll('[data-test="step-note"]'), visibleText),
    }));
  }

  step(title: string): ShownStep {
    const found = this.steps().find((step) => step.title === title);
    if (!found) throw new Error(`no step "${title}"`);
    return found;
  }

  /** Whether the result was kept in VCD, as said under the steps. */
  keptNote(): string {
    return [this.text('check-kept'), this.text('check-not-kept'), this.text('check-keep-failed')].join('');
  }
}

function textOf(root: Element, selector: string): string {
  const found = root.querySelector(selector);
  return found ? visibleText(found) : '';
}
