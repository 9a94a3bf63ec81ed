// Times a user action as the page sees it: from the first click, input or change event the action
// delivers to the page to the first moment the page's DOM shows the expected state (a
// MutationObserver, so before the next paint). What Playwright spends around it (actionability
// checks, round trips to the browser, polling) is the harness's, not the plug-in's; the dependency
// check's timing (browser-check.ts) works the same way.
import type { Page, Request } from '@playwright/test';

/** A state of the page: a JavaScript expression evaluated in it, true once the state is shown. */
export type Shown = string;

/** The element `selector` is there and its text contains `text` (or matches it). */
export function hasText(selector: string, text: RegExp | string): Shown {
  const test = text instanceof RegExp ? `${text.toString()}.test(t)` : `t.includes(${JSON.stringify(text)})`;
  return `((e) => { const t = e ? e.textContent ?? '' : null; return t !== null && ${test}; })(document.querySelector(${JSON.stringify(selector)}))`;
}

/** The element `selector` is there. */
export function isThere(selector: string): Shown {
  return `document.querySelector(${JSON.stringify(selector)}) !== null`;
}

/** The first element `selector` is there and its `attribute` is no longer `was` (a grid shows another page). */
export function firstChangedFrom(selector: string, attribute: string, was: string): Shown {
  return `((e) => e !== null && e.getAttribute(${JSON.stringify(attribute)}) !== ${JSON.stringify(was)})(document.querySelector(${JSON.stringify(selector)}))`;
}

export interface PageTimed {
  readonly ms: number;
  /** Requests the page sent meanwhile that `requests` collects (the caller's listener fills it). */
  readonly asked: readonly Request[];
}

const INSTALL = (shown: Shown): string => `(() => {
  const clock = { start: undefined, end: undefined };
  window.__benchPageClock = clock;
  const types = ['click', 'input', 'change'];
  const begin = () => { if (clock.start === undefined) clock.start = performance.now(); };
  for (const type of types) document.addEventListener(type, begin, { capture: true });
  const observer = new MutationObserver(() => {
    if (clock.start === undefined || !(${shown})) return;
    clock.end = performance.now();
    observer.disconnect();
    for (const type of types) document.removeEventListener(type, begin, { capture: true });
  });
  observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
})()`;

export async function timeInPage(
  page: Page,
  requests: Request[],
  action: () => Promise<void>,
  shown: Shown,
  timeoutMs = 120_000,
): Promise<PageTimed> {
  requests.length = 0;
  await page.evaluate(INSTALL(shown));
  await action();
  await page.waitForFunction('window.__benchPageClock.end !== undefined', undefined, { timeout: timeoutMs });
  const clock = (await page.evaluate('window.__benchPageClock')) as { start: number; end: number };
  return { ms: clock.end - clock.start, asked: [...requests] };
}
