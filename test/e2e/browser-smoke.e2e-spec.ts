import { type LaunchedChromium, launchChromium, recordPage } from '@test/support/browser';
import { eventually } from '@test/support/service-process';

// Long enough for a first paint on a busy 2-core machine; eventually() polls until then.
const RENDER_TIMEOUT_MS = 60_000;
// A made-up origin answered by the test itself (page.route): no server to start, nothing reaches the network.
const ORIGIN = 'http://harness.test';

/**
 * The browser harness proves it can fail: every console page test ends in `expectNoConsoleErrors()`, so a recorder that
 * missed a console error, an uncaught exception or a failed request would let broken pages pass.
 */
describe('browser harness', () => {
  let browser: LaunchedChromium | undefined;

  beforeAll(async () => {
    browser = await launchChromium();
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('fails listing every console error, uncaught exception and failed request a page had', async () => {
    if (!browser) throw new Error('not started');
    const page = await browser.newPage();
    await page.route(`${ORIGIN}/**`, (route) =>
      route.request().url() === `${ORIGIN}/`
        ? route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>harness</title><link rel="icon" href="data:,"><p>page</p>' })
        : route.fulfill({ status: 404, contentType: 'application/problem+json', body: '{"status":404}' }),
    );
    const recorder = recordPage(page);
    await page.goto(`${ORIGIN}/`, { timeout: RENDER_TIMEOUT_MS });
    recorder.expectNoConsoleErrors();
    await page.evaluate(async () => {
      console.error('a console error');
      setTimeout(() => {
        throw new Error('an uncaught exception');
      });
      await fetch('/no-such-route');
    });
    await eventually('the uncaught exception recorded', async () => (recorder.recorded().pageErrors.length > 0 ? true : undefined), RENDER_TIMEOUT_MS);

    expect(() => recorder.expectNoConsoleErrors()).toThrow(/a console error[\s\S]*an uncaught exception[\s\S]*GET http:\/\/harness\.test\/no-such-route: HTTP 404/);
    // The allow-list takes what a page does on purpose: here everything it was made to do.
    recorder.expectNoConsoleErrors({ allow: [/a console error/, /an uncaught exception/, /no-such-route/] });
  }, 120_000);
});
