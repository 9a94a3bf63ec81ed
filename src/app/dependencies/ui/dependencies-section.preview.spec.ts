import { FakeChecker } from '../testing/fake-presence-checker';
import { FILE, STATUS, openSection } from '../testing/section.harness';
import { SectionPage } from '../testing/section.widget';

// What the section shows before a check and while one runs: the images to check, and no fix yet.
describe('DependenciesSectionComponent before and during a check', () => {
  let page: SectionPage;
  let checker: FakeChecker;

  describe('for a provider', () => {
    beforeEach(async () => ({ page, checker } = await openSection()));

    it('lists what Check will ask for before any check, not checked yet, with nothing to fix from', async () => {
      await page.useFile(FILE);
      expect(page.rowStatuses()).toEqual(['pending', 'pending', 'pending', 'pending']);
      expect(page.rowText('csi-attacher')).toContain('dependencies.view.notChecked');
      expect(page.notice('dependencies-fixes-waiting')).toContain('dependencies.fix.waitingFor.check');
      expect(page.has('dependencies-download-missing')).toBeFalse();
      expect(page.has('dependencies-progress')).toBeFalse();
    });

    // Clarity eases the bar's width over 0.23 s; moved ten times a second, that repaints the page for
    // the whole check. Chromium computes no style for ::-webkit-progress-value, so the rule is read.
    it('moves the progress bar without a transition, so the page does not repaint for the whole check', async () => {
      await page.useFile(FILE);
      page.click('dependencies-check');
      await page.settle();
      const bar = document.querySelector('[data-test="dependencies-progress"] progress');
      if (!bar) throw new Error('no progress bar');
      const rules = Array.from(document.styleSheets).flatMap((sheet) => Array.from(sheet.cssRules));
      const ours = rules.filter(
        (rule): rule is CSSStyleRule =>
          rule instanceof CSSStyleRule &&
          rule.selectorText.includes('_ngcontent') &&
          rule.selectorText.endsWith('::-webkit-progress-value') &&
          bar.matches(rule.selectorText.replace(/::-webkit-progress-value$/, '')),
      );
      expect(ours.map((rule) => rule.style.transitionDuration)).toEqual(['0s']);
    });

    it('offers no download or export from a check that is still running, then offers them at its end', async () => {
      await page.useFile(FILE);
      page.click('dependencies-check');
      checker.answer('csi-resizer', (image) => ({ status: 'missing', image }));
      await page.settle();
      expect(page.rowText('csi-attacher')).toContain('dependencies.status.pending');
      expect(page.notice('dependencies-fixes-waiting')).toContain('dependencies.fix.waitingFor.end');
      expect(page.has('dependencies-download-missing')).toBeFalse();
      expect(page.has('dependencies-export-csv')).toBeFalse();
      checker.answer('csi-attacher', (image) => ({ status: 'present', image }));
      checker.answer('etcd', (image) => ({ status: 'present', image }));
      checker.answer('pause', (image) => ({ status: 'present', image }));
      checker.finish();
      await page.settle();
      expect(page.has('dependencies-fixes-waiting')).toBeFalse();
      expect(page.isDisabled('dependencies-download-missing')).toBeFalse();
    });
  });

  describe('for a tenant administrator', () => {
    it('shows no list of images to check: only a result the provider kept', async () => {
      ({ page } = await openSection({ status: STATUS, isProvider: false }));
      expect(page.rowStatuses()).toEqual([]);
      expect(page.has('dependencies-fixes')).toBeFalse();
    });
  });
});
