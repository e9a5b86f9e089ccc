import { type EmbeddedForBrowser, type LaunchedChromium, SCALE_TIMEOUT_MS, launchChromium, measureStationsList, recordPage, saveScreenshot, scaleStationId, seedStations, startEmbeddedForBrowser } from '@test/support/browser';

const STATION_COUNT = 10_000;
const PAGE_SIZE = 500;

/**
 * The stations list with 10,000 stations in Chromium: the first 500 rows, the next page and a filtered page all show,
 * and the page stays free of errors. How fast is `npm run bench:console`'s to measure (docs/benchmarks.md), not this
 * test's: a time bound here would fail by chance on a busy machine. The figures are printed all the same.
 */
describe('console: stations at 10,000', () => {
  let csms: EmbeddedForBrowser | undefined;
  let browser: LaunchedChromium | undefined;

  beforeAll(async () => {
    browser = await launchChromium({ viewport: { width: 1366, height: 768 } });
    csms = await startEmbeddedForBrowser();
    await seedStations(csms, STATION_COUNT);
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await csms?.stop();
  });

  it('shows the first 500 rows, the next page and a filtered page, with the fleet’s counts and no errors', async () => {
    if (!csms || !browser) throw new Error('not started');
    const page = await browser.newPage();
    const recorder = recordPage(page);
    const figures = await measureStationsList(page, csms, PAGE_SIZE);
    process.stdout.write(`console stations at ${STATION_COUNT}: ${JSON.stringify(figures)}\n`);

    const rows = page.locator('table[aria-label="Stations"] tbody tr');
    await expect(rows.count()).resolves.toBeGreaterThan(0);
    await expect(rows.first().getByRole('link').textContent()).resolves.toBe(scaleStationId(7));
    await page.getByRole('status', { name: 'Total stations' }).getByText('10,000', { exact: true }).waitFor({ timeout: SCALE_TIMEOUT_MS });
    await page.getByLabel('Registration').selectOption('');
    await rows.first().getByRole('link', { name: scaleStationId(0), exact: true }).waitFor({ timeout: SCALE_TIMEOUT_MS });
    await expect(rows.count()).resolves.toBe(PAGE_SIZE);
    // The viewport only: the full page is 500 rows tall.
    await saveScreenshot(page, 'stations-10000', { fullPage: false });
    for (const value of [figures.firstRowsMs, figures.pageChangeMs, figures.filterChangeMs]) expect(Number.isFinite(value)).toBe(true);
    recorder.expectNoConsoleErrors();
    await page.close();
  }, 240_000);
});
