import { existsSync, statSync } from 'node:fs';
import { type EmbeddedForBrowser, type LaunchedChromium, launchChromium, recordPage, saveScreenshot, startEmbeddedForBrowser } from '@test/support/browser';
import { eventually } from '@test/support/service-process';

// Long enough for a first paint on a busy 2-core machine; locators and eventually() poll until then.
const RENDER_TIMEOUT_MS = 60_000;

interface OpenApiDocument {
  paths: Record<string, Record<string, { tags?: string[] }>>;
}

/** The browser harness end to end, before the console exists: Swagger UI of the embedded mode in headless Chromium. */
describe('browser harness', () => {
  let csms: EmbeddedForBrowser | undefined;
  let browser: LaunchedChromium | undefined;

  beforeAll(async () => {
    // One after the other, so that afterAll closes whichever started when the other fails.
    browser = await launchChromium();
    csms = await startEmbeddedForBrowser();
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await csms?.stop();
  });

  it('renders the API docs with no console error, uncaught exception or failed request, and saves a screenshot', async () => {
    if (!csms || !browser) throw new Error('not started');
    const page = await browser.newPage();
    const recorder = recordPage(page);
    await page.goto(`${csms.baseUrl}/api/docs`, { timeout: RENDER_TIMEOUT_MS });

    // What the page must show: the operations of the document it loads, first to last tag.
    const document = (await (await fetch(`${csms.baseUrl}/api/docs/openapi.json`)).json()) as OpenApiDocument;
    const operations = Object.entries(document.paths).flatMap(([route, item]) => Object.values(item).map((operation) => ({ route, tags: operation.tags ?? [] })));
    expect(operations.length).toBeGreaterThan(20);
    const first = operations[0];
    // Swagger UI lists the tags in the order they first appear.
    const lastTag = [...new Set(operations.flatMap((operation) => operation.tags))].pop();
    if (!first || !lastTag) throw new Error('the API document has no tagged operations');
    await page.locator(`.opblock-summary-path[data-path="${first.route}"]`).first().waitFor({ state: 'visible', timeout: RENDER_TIMEOUT_MS });
    const screenshot = await saveScreenshot(page, 'api-docs', { fullPage: false });

    // Swagger UI renders its operation list lazily: the last tag appears once scrolled to.
    await eventually(
      `the last tag (${lastTag}) rendered`,
      async () => {
        await page.mouse.wheel(0, 4000);
        return (await page.locator(`.opblock-tag[data-tag="${lastTag}"]`).count()) > 0 ? true : undefined;
      },
      RENDER_TIMEOUT_MS,
    );
    await page.locator(`.opblock-tag[data-tag="${lastTag}"]`).scrollIntoViewIfNeeded({ timeout: RENDER_TIMEOUT_MS });
    await saveScreenshot(page, 'api-docs-last-tag', { fullPage: false });

    expect(screenshot).toMatch(/\/screenshots\/browser-smoke\/api-docs\.png$/);
    expect(existsSync(screenshot) && statSync(screenshot).size).toBeGreaterThan(10_000);
    recorder.expectNoConsoleErrors();
  }, 180_000);

  it('fails listing every console error, uncaught exception and failed request a page had', async () => {
    if (!csms || !browser) throw new Error('not started');
    const page = await browser.newPage();
    const recorder = recordPage(page);
    await page.goto(`${csms.baseUrl}/api`, { timeout: RENDER_TIMEOUT_MS });
    await page.evaluate(async () => {
      console.error('a console error');
      setTimeout(() => {
        throw new Error('an uncaught exception');
      });
      await fetch('/api/no-such-route');
    });
    await eventually('the uncaught exception recorded', async () => (recorder.recorded().pageErrors.length > 0 ? true : undefined), RENDER_TIMEOUT_MS);

    expect(() => recorder.expectNoConsoleErrors()).toThrow(/a console error[\s\S]*an uncaught exception[\s\S]*GET http:\/\/127\.0\.0\.1:\d+\/api\/no-such-route: HTTP 404/);
    // The allow-list takes what a page does on purpose: here everything it was made to do, and the icon
    // Chromium asks for beside a JSON answer (/favicon.ico is no route of the API: 404).
    recorder.expectNoConsoleErrors({ allow: [/a console error/, /an uncaught exception/, /no-such-route/, /\/favicon\.ico/] });
  }, 120_000);
});
