/* Reads the feedback under a registry URL field: the problems, their one-click fixes, the derived locations. */
import { Widget, visibleText } from './widget';

export class UrlFeedbackWidget extends Widget {
  /** Each problem's message, without the words of its fix button. */
  problems(): string[] {
    return this.allByTestId('url-errors').flatMap((list) =>
      Array.from(list.querySelectorAll(':scope > li'), (item) => {
        const fix = item.querySelector('button');
        return visibleText(item)
          .replace(fix ? visibleText(fix) : '', '')
          .trim();
      }),
    );
  }

  /** The words on every fix button offered. */
  fixes(): string[] {
    return this.allByTestId('url-errors').flatMap((list) => Array.from(list.querySelectorAll('button'), visibleText));
  }

  warnings(): string[] {
    return Array.from(this.root.querySelectorAll('.warning'), visibleText);
  }

  /** The locations CSE will pull from, as listed under the field; [] when none is shown. */
  derivedLocations(): string[] {
    const derived = this.byTestId('derived-locations');
    return derived ? Array.from(derived.querySelectorAll('code'), visibleText) : [];
  }

  derivedNote(): string {
    return this.text('idn-note');
  }
}
