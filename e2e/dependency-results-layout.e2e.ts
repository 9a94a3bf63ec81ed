/*
 * The dependency results as a user sees them after a first check: each grid row as tall as its
 * text, every status inside its label, the fix buttons' (long, French) text shown whole. Clarity
 * sizes auto-width columns once, from the first rows it shows (all still waiting, no detail yet),
 * so this starts from a system with no stored result.
 */
import { expect, test } from '@playwright/test';
import { Portal } from './support/portal';
import { VcdApi } from './support/vcd-api';

const TKR = 'v1.27.5---vmware.1-tkg.1';
/** The tallest a row may be, in lines of its cells' text (the vertical padding comes on top). */
const MAX_LINES_PER_ROW = 5;

/** Forgets the last dependency check, so that the grid first appears with waiting rows. */
async function forgetLastDependencyCheck(api: VcdApi): Promise<void> {
  const list = await api.get('/cloudapi/1.0.0/entities/types/cseairgap/registryStatus/1.0.0?filter=name==system');
  const [system] = (list.body['values'] ?? []) as { id: string }[];
  if (!system) return;
  const { body, etag } = await api.get(`/cloudapi/1.0.0/entities/${system.id}`);
  const entity = { ...(body['entity'] as Record<string, unknown>) };
  delete entity['lastDependencyCheck'];
  expect(await api.put(`/cloudapi/1.0.0/entities/${system.id}`, { ...body, entity }, etag)).toBe(200);
}

test('after a first check in French, rows are sized to their text and no status or button cuts its text', async ({ page, request }) => {
  const api = new VcdApi(request);
  await api.logInAsSystemAdministrator();
  await api.setRegistryUrl(api.info.containerRegistryUrl);
  await forgetLastDependencyCheck(api);

  const plugin = await new Portal(page).openAirgapAs('sysadmin', 'fr');
  const check = plugin.registryCheck();
  await check.setUpAndRun();
  await plugin.keepOnlyTkr(TKR);
  await page.locator('[data-test="dependencies-check"]').click();
  await expect(page.locator('[data-test="dependencies-progress"]')).toHaveAttribute('data-state', 'done', { timeout: 30_000 });
  const rows = page.locator('[data-test="dependencies-row"]');
  await expect(rows).toHaveCount(18);
  await expect(page.locator('[data-test="dependencies-row"][data-status="repositoryMissing"]').first()).toContainText('Dépôt absent');

  const layout = await rows.evaluateAll((elements) =>
    elements.map((row) => {
      const firstCell = row.querySelector('clr-dg-cell') as HTMLElement;
      const style = getComputedStyle(firstCell);
      const label = firstCell.querySelector('.label') as HTMLElement;
      const labelBox = label.getBoundingClientRect();
      const cellBox = firstCell.getBoundingClientRect();
      return {
        text: row.textContent?.replace(/\s+/g, ' ').trim().slice(0, 60),
        height: row.getBoundingClientRect().height,
        lineHeight: parseFloat(style.lineHeight),
        padding: parseFloat(style.paddingTop) + parseFloat(style.paddingBottom),
        labelOverflows: label.scrollWidth > label.clientWidth || labelBox.right > cellBox.right - parseFloat(style.paddingRight) + 1,
      };
    }),
  );
  const download = page.locator('[data-test="dependencies-download-missing"]');
  expect
    .soft(await download.evaluate((button) => button.scrollWidth <= button.clientWidth), 'the download button shows its whole text')
    .toBe(true);
  for (const row of layout) {
    expect
      .soft(row.height, `row "${row.text}" is ${row.height}px tall`)
      .toBeLessThanOrEqual(MAX_LINES_PER_ROW * row.lineHeight + row.padding + 2);
    expect.soft(row.labelOverflows, `the status of "${row.text}" runs out of its label`).toBe(false);
  }
});
