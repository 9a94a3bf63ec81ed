import { ComponentFixture, TestBed } from '@angular/core/testing';
import { RegistryStatus } from '../../shared/status-store/domain/registry-status';
import { FakeChecker } from '../testing/fake-presence-checker';
import { SectionPage } from '../testing/section.widget';
import { FILE, STATUS, openSection } from '../testing/section.harness';
import { DependenciesSectionComponent } from './dependencies-section.component';
import { RegistryCheckState } from '../../shared/session-state';

describe('DependenciesSectionComponent', () => {
  let fixture: ComponentFixture<DependenciesSectionComponent>;
  let page: SectionPage;
  let checker: FakeChecker;
  let stored: RegistryStatus[];
  let strategies: string[];

  let storage: ('ready' | 'notSetUp')[];

  async function open(status: RegistryStatus | undefined = STATUS, writes: 'succeed' | 'timeOut' = 'succeed'): Promise<void> {
    ({ fixture, page, checker, stored, strategies } = await openSection({ status, writes, storage }));
  }

  async function checkAndAnswer(): Promise<void> {
    await page.useFile(FILE);
    page.click('dependencies-check');
    checker.answer('csi-attacher', (image) => ({ status: 'present', image, digest: 'sha256:1', manifestKind: 'index' }));
    checker.answer('csi-resizer', (image) => ({ status: 'missing', image, existingTags: ['1.4.0'], nearMiss: '1.4.0' }));
    checker.answer('etcd', (image) => ({ status: 'repositoryMissing', image }));
    checker.answer('pause', (image) => ({ status: 'notPullableAnonymously', image, reason: 'privateProject' }));
    checker.finish();
    await page.settle();
  }

  beforeEach(() => (storage = []));

  describe('when a registry check has been run', () => {
    beforeEach(() => open());

    it('reports each malformed line of a pasted file with its number and keeps the others', async () => {
      await page.useFile(FILE);
      const lines = page.problemLines();
      expect(lines.length).toBe(1);
      expect(lines[0]).toContain('dependencies.view.line');
      expect(lines[0]).toContain('"line":5');
      expect(fixture.componentInstance.catalog().length).toBe(4);
    });

    it('checks the images under the base through Harbor, and counts each status', async () => {
      await checkAndAnswer();
      expect(strategies).toEqual(['harborRest']);
      expect(checker.images.map((image) => image.repository)).toContain('cse/vmware-cloud-director/sig-storage/csi-attacher');
      expect([page.count('present'), page.count('missing'), page.count('repositoryMissing'), page.count('notPullableAnonymously')]).toEqual(
        ['1', '1', '1', '1'],
      );
      expect(page.progressState()).toBe('done');
    });

    it('keeps the result, counts included, in the status entity', async () => {
      await checkAndAnswer();
      const record = stored[0]?.lastDependencyCheck as { counts: Record<string, number>; results: unknown[]; release: string };
      expect(record.counts['missing']).toBe(1);
      expect(record.results.length).toBe(4);
      expect(record.release).toBe('4.2.1');
      expect(stored[0]?.accessPath).toEqual(STATUS.accessPath);
    });

    it('filters the grid to what needs a fix', async () => {
      await checkAndAnswer();
      page.click('dependencies-filter-missing');
      await page.settle();
      expect(page.rowStatuses().sort()).toEqual(['missing', 'notPullableAnonymously', 'repositoryMissing']);
    });

    it('ends the progress bar as cancelled when the user cancels', async () => {
      await page.useFile(FILE);
      page.click('dependencies-check');
      checker.answer('csi-attacher', (image) => ({ status: 'present', image, manifestKind: 'manifest' }));
      await page.settle();
      expect(page.progressState()).toBe('running');
      page.click('dependencies-cancel');
      await page.settle();
      expect(page.progressState()).toBe('cancelled');
      expect(page.has('dependencies-cancel')).toBeFalse();
      expect(page.isDisabled('dependencies-check')).toBeFalse();
    });

    it('downloads a dependencies.txt holding only the missing lines', async () => {
      await checkAndAnswer();
      let saved: Blob | undefined;
      spyOn(URL, 'createObjectURL').and.callFake((blob: Blob | MediaSource) => {
        saved = blob as Blob;
        return 'blob:test';
      });
      spyOn(HTMLAnchorElement.prototype, 'click');
      page.click('dependencies-download-missing');
      expect(await saved?.text()).toBe(
        'registry.k8s.io sig-storage/csi-resizer v1.4.0\nprojects.registry.vmware.com tkg/etcd v3.5.10_vmware.1\n',
      );
    });

    describe('when the check told presence from tag lists (no digests)', () => {
      async function checkWithoutDigests(): Promise<void> {
        await page.useFile(FILE);
        page.click('dependencies-check');
        checker.answer('csi-attacher', (image) => ({ status: 'present', image }));
        checker.answer('csi-resizer', (image) => ({ status: 'present', image }));
        checker.answer('etcd', (image) => ({ status: 'repositoryMissing', image }));
        checker.answer('pause', (image) => ({ status: 'present', image, digest: 'sha256:3', manifestKind: 'manifest' }));
        checker.finish();
        await page.settle();
      }

      it('looks up the digest of the one row the user opens, with one HEAD', async () => {
        await checkWithoutDigests();
        expect(page.rowText('csi-attacher')).toContain('dependencies.view.showDigest');
        page.clickInRow('csi-attacher', 'dependencies-show-digest');
        expect(checker.images.map((image) => image.repository.split('/').pop())).toEqual(['csi-attacher']);
        expect(checker.options?.withDigests).toBeTrue();
        checker.answer('csi-attacher', (image) => ({ status: 'present', image, digest: 'sha256:9', manifestKind: 'index' }));
        checker.finish();
        await page.settle();
        expect(page.rowText('csi-attacher')).toContain('sha256:9');
        expect(page.rowText('csi-attacher')).not.toContain('dependencies.view.showDigest');
      });

      it('adds the missing digests to the exports on request, only for present rows without one', async () => {
        await checkWithoutDigests();
        page.click('dependencies-fetch-digests');
        expect(checker.images.map((image) => image.repository.split('/').pop())).toEqual(['csi-attacher', 'csi-resizer']);
        expect(checker.options?.withDigests).toBeTrue();
        checker.answer('csi-attacher', (image) => ({ status: 'present', image, digest: 'sha256:7', manifestKind: 'manifest' }));
        checker.answer('csi-resizer', (image) => ({ status: 'present', image, digest: 'sha256:8', manifestKind: 'manifest' }));
        checker.finish();
        await page.settle();
        expect(page.has('dependencies-fetch-digests')).toBeFalse();
        expect(page.rowText('csi-resizer')).toContain('sha256:8');
      });
    });

    it('re-checks only what is not present', async () => {
      await checkAndAnswer();
      page.click('dependencies-recheck');
      expect(checker.images.map((image) => image.repository.split('/').pop())).toEqual(['csi-resizer', 'etcd', 'pause']);
    });
  });

  describe('when a complete result is kept', () => {
    const KEPT: RegistryStatus = {
      ...STATUS,
      lastDependencyCheck: {
        checkedAt: '2026-01-02T03:04:05.000Z',
        base: 'harbor.corp.local/cse',
        tkrs: [],
        outcome: 'done',
        elapsedMs: 900,
        results: [['present', 'registry.k8s.io/sig-storage/csi-attacher:v3.2.1', 'harbor.corp.local/cse/x:v3.2.1', 'vcd']],
      },
    };

    it('keeps nothing of a check cancelled at 20 %, shows its rows marked not kept, and names the result still kept', async () => {
      await open(KEPT);
      await page.useFile(FILE);
      page.click('dependencies-check');
      checker.answer('csi-attacher', (image) => ({ status: 'present', image, manifestKind: 'manifest' }));
      page.click('dependencies-cancel');
      await page.settle();
      expect(stored).toEqual([]);
      expect(page.rowStatuses().sort()).toEqual(['pending', 'pending', 'pending', 'present']);
      expect(page.notice('dependencies-not-whole')).toContain('dependencies.notice.cancelled');
      expect(page.notice('dependencies-not-whole')).toContain('"done":1,"total":4');
      expect(page.notice('dependencies-not-whole')).toContain('dependencies.notice.previous');
      expect(page.has('dependencies-kept')).toBeFalse();
    });

    it('keeps nothing of a check that ends with images unanswered', async () => {
      await open(KEPT);
      await page.useFile(FILE);
      page.click('dependencies-check');
      checker.answer('csi-attacher', (image) => ({ status: 'error', image, failure: { kind: 'http', status: 403 } }));
      checker.finish();
      await page.settle();
      expect(stored).toEqual([]);
      expect(page.notice('dependencies-not-whole')).toContain('dependencies.notice.partial');
    });

    it('says why a whole result could not be kept, and keeps it on retry', async () => {
      await open(KEPT, 'timeOut');
      await checkAndAnswer();
      expect(page.has('dependencies-keep-failed')).toBeTrue();
      expect(page.notice('vcd-error')).toContain('vcd.errors.timeout');
      expect(stored).toEqual([]);
      page.click('vcd-error-retry');
      await page.settle();
      expect(stored.length).toBe(1);
      expect(page.has('dependencies-kept')).toBeTrue();
    });
  });

  describe('when the storage is set up on this page, then a registry check runs', () => {
    it('keeps the next whole result', async () => {
      storage = ['notSetUp', 'ready'];
      await open(undefined);
      TestBed.inject(RegistryCheckState).reach.set({ path: STATUS.accessPath!, harbor: true });
      await page.settle();
      await checkAndAnswer();
      expect(stored.length).toBe(1);
      expect(page.has('dependencies-kept')).toBeTrue();
    });
  });

  describe('when no registry check has been run', () => {
    beforeEach(() => open({ scope: 'system' }));

    it('says so and disables Check', async () => {
      await page.useFile(FILE);
      expect(page.has('dependencies-no-registry-check')).toBeTrue();
      expect(page.isDisabled('dependencies-check')).toBeTrue();
    });
  });
});
