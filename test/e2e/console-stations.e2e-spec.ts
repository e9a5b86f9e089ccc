import { SimulatedStation } from '@app/simulator';
import { CONSOLE_TIMEOUT_MS, type EmbeddedForBrowser, type LaunchedChromium, launchChromium, recordPage, saveScreenshot, signInToConsole, startEmbeddedForBrowser } from '@test/support/browser';
import { eventually } from '@test/support/service-process';
import type { Page } from 'playwright-core';

// Generous: the list and the station page poll every 5 s, and this machine is busy.
const LIVE_TIMEOUT_MS = 60_000;

/**
 * The console's stations area in Chromium against the embedded mode, with stations simulated over real WebSockets:
 * sign-in, the live list and its filters, a station's page with a reset, the current transaction's meter chart and its
 * remote stop, the pending view (first-contact stations, accept), and what a viewer may not do.
 */
describe('console: stations', () => {
  let csms: EmbeddedForBrowser | undefined;
  let browser: LaunchedChromium | undefined;
  const stations: SimulatedStation[] = [];
  let baseUrl = '';

  const station = (id: string, version: '1.6' | '2.0.1') => {
    if (!csms) throw new Error('not started');
    // 'acknowledge': a reset is answered and the station stays, so the test can go on with it. Meter values every second.
    const simulated = new SimulatedStation({ id, version, connection: { url: csms.ocppUrl, securityProfile: 0 }, resetBehaviour: 'acknowledge', meterIntervalS: 1 });
    stations.push(simulated);
    return simulated;
  };

  const newPage = async (): Promise<Page> => {
    if (!browser) throw new Error('not started');
    return browser.newPage();
  };

  beforeAll(async () => {
    browser = await launchChromium({ viewport: { width: 1366, height: 768 } });
    // Pending stations boot again after 2 s instead of 60, so an accepted one boots Accepted soon after.
    csms = await startEmbeddedForBrowser({ env: { OCPP_BOOT_RETRY_INTERVAL_SECONDS: '2' } });
    baseUrl = csms.baseUrl;
    for (const [id, version] of [
      ['WEB-16', '1.6'],
      ['WEB-201', '2.0.1'],
    ] as const) {
      const simulated = station(id, version);
      await simulated.connect();
      await simulated.boot();
      await simulated.sendStatus('Available');
    }
    const registered = await csms.api.call(csms.baseUrl, 'PUT', '/api/stations/WEB-PENDING', 'admin', { securityProfile: 0, registrationStatus: 'pending' });
    expect(registered.status).toBe(201);
    const pending = station('WEB-PENDING', '1.6');
    await pending.connect();
    // Answered Pending until the test accepts it; the simulator boots again meanwhile.
    void pending.boot().catch(() => undefined);
  }, 300_000);

  afterAll(async () => {
    await Promise.all(stations.map((simulated) => simulated.dispose().catch(() => undefined)));
    await browser?.close();
    await csms?.stop();
  });

  it('says in plain words that a bad token was not accepted', async () => {
    const page = await newPage();
    const recorder = recordPage(page);
    await signInToConsole(page, baseUrl, 'not-a-valid-token-at-all');
    await expect(page.getByRole('alert').filter({ hasText: 'Sign-in failed' }).textContent({ timeout: CONSOLE_TIMEOUT_MS })).resolves.toContain(
      'This token was not accepted: check that it is complete and not expired or revoked.',
    );
    // The refused token's answer is the point of this case.
    recorder.expectNoConsoleErrors({ allow: [/\/api\/me: HTTP 401/, /status of 401/] });
    await page.close();
  });

  it('lists the simulated 1.6 and 2.0.1 stations live, with counts, and filters them by the address', async () => {
    if (!csms) throw new Error('not started');
    const page = await newPage();
    const recorder = recordPage(page);
    await signInToConsole(page, baseUrl, csms.tokens.operator);
    const table = page.getByRole('table', { name: 'Stations' });
    for (const [id, protocol] of [
      ['WEB-16', 'ocpp1.6'],
      ['WEB-201', 'ocpp2.0.1'],
    ]) {
      const row = table.getByRole('row').filter({ has: page.getByRole('link', { name: id, exact: true }) });
      await row.waitFor({ timeout: LIVE_TIMEOUT_MS });
      await expect(row.textContent()).resolves.toMatch(new RegExp(`Connected.*${protocol.replace('.', '\\.')}`));
    }
    // The connector's status comes with the station's StatusNotification, which may land after its row: wait for it.
    await table.getByText('EVSE 1 connector 1: Available').first().waitFor({ timeout: LIVE_TIMEOUT_MS });
    await page.getByRole('status', { name: 'Total stations' }).getByText('3', { exact: true }).waitFor({ timeout: LIVE_TIMEOUT_MS });

    // Live: a station that connects while the list is open appears without a reload.
    const late = station('WEB-LATE', '2.0.1');
    await late.connect();
    await late.boot();
    await table.getByRole('link', { name: 'WEB-LATE', exact: true }).waitFor({ timeout: LIVE_TIMEOUT_MS });
    await saveScreenshot(page, 'stations-list');

    // The search box narrows the list by id (and vendor, model, serial, firmware) once typing pauses.
    await page.getByLabel('Search').fill('web-2');
    await page.waitForURL(/q=web-2/, { timeout: CONSOLE_TIMEOUT_MS });
    await table.getByRole('link', { name: 'WEB-16', exact: true }).waitFor({ state: 'detached', timeout: LIVE_TIMEOUT_MS });
    await table.getByRole('link', { name: 'WEB-201', exact: true }).waitFor({ timeout: LIVE_TIMEOUT_MS });
    await page.getByLabel('Search').fill('');
    await table.getByRole('link', { name: 'WEB-16', exact: true }).waitFor({ timeout: LIVE_TIMEOUT_MS });

    await page.getByLabel('Protocol').selectOption('ocpp1.6');
    await page.waitForURL(/protocol=ocpp1\.6/, { timeout: CONSOLE_TIMEOUT_MS });
    await table.getByRole('link', { name: 'WEB-201', exact: true }).waitFor({ state: 'detached', timeout: LIVE_TIMEOUT_MS });
    await table.getByRole('link', { name: 'WEB-16', exact: true }).waitFor({ timeout: LIVE_TIMEOUT_MS });
    // The filtered view is shareable: the same address in a fresh load shows the same filter.
    await page.reload();
    await expect(page.getByLabel('Protocol').inputValue({ timeout: CONSOLE_TIMEOUT_MS })).resolves.toBe('ocpp1.6');
    // A tablet (768x1024): the filters wrap, the table scrolls sideways inside its container.
    await page.setViewportSize({ width: 768, height: 1024 });
    await saveScreenshot(page, 'stations-list-tablet');
    recorder.expectNoConsoleErrors();
    await page.close();
  }, 180_000);

  it('opens a station, resets it with the station’s answer shown, charts the current transaction by itself and stops it from a select', async () => {
    if (!csms) throw new Error('not started');
    const page = await newPage();
    const recorder = recordPage(page);
    await signInToConsole(page, baseUrl, csms.tokens.operator);
    await page.getByRole('link', { name: 'WEB-201', exact: true }).click({ timeout: LIVE_TIMEOUT_MS });
    await page.getByRole('heading', { name: 'WEB-201' }).waitFor({ timeout: CONSOLE_TIMEOUT_MS });
    const identity = page.getByRole('table', { name: 'Station identity and state' });
    await identity.getByText('ocpp2.0.1').waitFor({ timeout: CONSOLE_TIMEOUT_MS });

    const reset = page.getByRole('form', { name: 'Reset' });
    await reset.getByRole('button', { name: 'Send reset' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Confirm reset' }).click();
    // The answer is a status named after the command and the station's answer, its body below.
    const answer = reset.getByRole('status', { name: 'Reset: accepted' });
    await answer.waitFor({ timeout: LIVE_TIMEOUT_MS });
    await expect(answer.textContent()).resolves.toMatch(/"status": "(Accepted|Scheduled)"/);
    await page.getByRole('table', { name: 'Recent commands' }).getByText('Reset', { exact: true }).first().waitFor({ timeout: LIVE_TIMEOUT_MS });

    const simulated = stations.find((candidate) => candidate.stationId === 'WEB-201');
    if (!simulated) throw new Error('WEB-201 is not simulated');
    const transaction = await simulated.startTransaction({ idToken: 'WEB-TOKEN-1' });
    if (!transaction.transactionId) throw new Error('the transaction has no id the CSMS knows');
    // The page charts the current transaction by itself, and marks it in the table.
    await page.getByRole('heading', { name: `Meter values of transaction ${transaction.transactionId}` }).waitFor({ timeout: LIVE_TIMEOUT_MS });
    await page.getByRole('button', { name: `Meter values of transaction ${transaction.transactionId}`, pressed: true }).waitFor({ timeout: CONSOLE_TIMEOUT_MS });
    // Meter values arrive every second and the chart refreshes every 5 s: wait for several points.
    const summary = page.getByRole('status', { name: 'Meter summary' });
    await eventually(
      'three points on the meter chart',
      async () => (Number(/^(\d+) point/.exec((await summary.textContent({ timeout: CONSOLE_TIMEOUT_MS })) ?? '')?.[1] ?? 0) >= 3 ? true : undefined),
      LIVE_TIMEOUT_MS,
    );
    const chart = page.getByRole('img', { name: `Power and energy of transaction ${transaction.transactionId} over time` });
    await expect(chart.locator('.recharts-line-curve').count()).resolves.toBe(2);
    await expect(chart.locator('.recharts-line-dot').count()).resolves.toBeGreaterThanOrEqual(3);
    await saveScreenshot(page, 'station-page');

    // Remote stop offers the active transaction (no id to type), stops it after a confirmation and shows the answer.
    const stop = page.getByRole('form', { name: 'Remote stop' });
    const choice = stop.getByRole('combobox', { name: 'Transaction' });
    await choice.locator(`option[value="${transaction.transactionId}"]`).waitFor({ state: 'attached', timeout: LIVE_TIMEOUT_MS });
    await expect(choice.inputValue()).resolves.toBe(transaction.transactionId);
    await expect(stop.getByLabel('Transaction id').count()).resolves.toBe(0);
    await stop.getByRole('button', { name: 'Send remote stop' }).click();
    const confirm = page.getByRole('dialog');
    await expect(confirm.textContent({ timeout: CONSOLE_TIMEOUT_MS })).resolves.toContain(`Stop transaction ${transaction.transactionId}?`);
    await confirm.getByRole('button', { name: 'Confirm remote stop' }).click();
    await stop.getByRole('status', { name: 'Remote stop: accepted' }).waitFor({ timeout: LIVE_TIMEOUT_MS });
    // Ended: nothing active to offer, so the form asks for a typed id; the chart stays on the most recent transaction.
    await stop.getByLabel('Transaction id').waitFor({ timeout: LIVE_TIMEOUT_MS });
    await expect(choice.inputValue()).resolves.toBe('');
    await page.getByRole('heading', { name: `Meter values of transaction ${transaction.transactionId}` }).waitFor({ timeout: CONSOLE_TIMEOUT_MS });
    recorder.expectNoConsoleErrors();
    await page.close();
  }, 180_000);

  it('accepts a pending station and shows the answer with its credential provisioning', async () => {
    if (!csms) throw new Error('not started');
    const page = await newPage();
    const recorder = recordPage(page);
    await signInToConsole(page, baseUrl, csms.tokens.operator);
    // Accepted on profile 0 too, but registered by an operator: not a first-contact station (the API filters, ADR 039).
    expect((await csms.api.call(csms.baseUrl, 'PUT', '/api/stations/WEB-OPERATOR', 'admin', { securityProfile: 0 })).status).toBe(201);
    await page.getByRole('tab', { name: 'Pending' }).click({ timeout: CONSOLE_TIMEOUT_MS });
    await page.waitForURL(/view=pending/);
    const pending = page.getByRole('table', { name: 'Pending stations' });
    await pending.getByText('WEB-PENDING').waitFor({ timeout: LIVE_TIMEOUT_MS });
    // The simulated stations connected on first contact (the embedded mode accepts unknown ones) without credentials.
    const firstContact = page.getByRole('table', { name: 'First-contact stations' });
    await firstContact.getByText('WEB-16', { exact: true }).waitFor({ timeout: LIVE_TIMEOUT_MS });
    await expect(firstContact.getByText('WEB-OPERATOR', { exact: true }).count()).resolves.toBe(0);
    await saveScreenshot(page, 'pending-view');
    await pending.getByRole('button', { name: 'Accept WEB-PENDING' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Accept station' }).click();
    const answer = page.getByRole('status', { name: 'WEB-PENDING accepted' });
    await answer.getByText('Registration: accepted.').waitFor({ timeout: LIVE_TIMEOUT_MS });
    // Profile 0 without a password: the CSMS gives it one once it boots Accepted (ADR 039).
    await expect(answer.textContent()).resolves.toMatch(/Credentials: (Waiting|Delivering|Provisioned|Failed)/);
    await pending.getByText('WEB-PENDING').waitFor({ state: 'detached', timeout: LIVE_TIMEOUT_MS });
    await saveScreenshot(page, 'pending-accepted');
    recorder.expectNoConsoleErrors();
    await page.close();
  }, 180_000);

  it('shows a viewer no command or accept buttons', async () => {
    if (!csms) throw new Error('not started');
    const page = await newPage();
    const recorder = recordPage(page);
    await signInToConsole(page, baseUrl, csms.tokens.viewer);
    await page.getByRole('link', { name: 'WEB-16', exact: true }).click({ timeout: LIVE_TIMEOUT_MS });
    await page.getByRole('table', { name: 'Transactions' }).waitFor({ timeout: CONSOLE_TIMEOUT_MS });
    await page.getByRole('table', { name: 'Station identity and state' }).getByText('ocpp1.6').waitFor({ timeout: CONSOLE_TIMEOUT_MS });
    await expect(page.getByRole('button', { name: /^Send / }).count()).resolves.toBe(0);
    await expect(page.getByRole('form', { name: 'Reset' }).count()).resolves.toBe(0);
    await page.goto(`${baseUrl}/console/#/stations?view=pending`);
    await page.getByRole('table', { name: 'Pending stations' }).waitFor({ timeout: CONSOLE_TIMEOUT_MS });
    await expect(page.getByRole('button', { name: /^Accept / }).count()).resolves.toBe(0);
    recorder.expectNoConsoleErrors();
    await page.close();
  }, 120_000);
});
