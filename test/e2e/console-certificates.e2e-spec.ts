import { readFileSync } from 'node:fs';
import { SimulatedStation } from '@app/simulator';
import { type EmbeddedForBrowser, type LaunchedChromium, launchChromium, recordPage, saveScreenshot, signInToConsole, startEmbeddedForBrowser } from '@test/support/browser';
import type { Json } from '@test/support/operator-api-client';
import { eventually } from '@test/support/service-process';
import type { Locator, Page } from 'playwright-core';

// Long enough for a first paint and a few polls of the console on a busy 2-core machine; locators wait until then.
const UI_TIMEOUT_MS = 60_000;
const ORGANIZATION = 'Console Certificates Ltd';
const PASSPHRASE = 'console-certificates-e2e-passphrase-0123456789';
const PASSWORD = 'console-certificates-station-password';
// Station certificates valid 45 days: within the calendar's 60-day horizon, not its 30-day one, and (renewal window
// of one day) never renewed while the test runs, so the station holds exactly one.
const CERT_VALIDITY_DAYS = '45';

/**
 * The certificates area of the operator console in Chromium against an embedded CSMS whose PKI signs: a root and a
 * station issuing CA made over the API (a second issuing CA on standby), a simulated 2.0.1 station whose CSR is signed,
 * and one whose CSR is refused (its CN is not its registered serial number). An operator reads every list without a
 * control that changes the PKI; the security officer downloads the root, installs it on the station by a root
 * distribution job, reads the station's inventory, and revokes the station certificate with an RFC 5280 reason, which
 * the Issued tab (status and filter from the API) and the Revocations tab then show, and the expiry calendar leaves out. Every tab is screenshotted; the browser records no console error,
 * uncaught exception or failed request.
 */
describe('console: certificates', () => {
  const stations: SimulatedStation[] = [];
  let csms: EmbeddedForBrowser | undefined;
  let browser: LaunchedChromium | undefined;
  let root: Json;
  let serialNumber: string;

  const api = (method: string, route: string, as: 'admin' | 'security-officer' | 'viewer', body?: unknown) => {
    if (!csms) throw new Error('not started');
    return csms.api.call(csms.baseUrl, method, route, as, body);
  };
  const created = async (answer: Promise<{ status: number; body: Json }>) => {
    const { status, body } = await answer;
    if (status !== 201) throw new Error(`expected 201, got ${status}: ${JSON.stringify(body)}`);
    return body;
  };

  /** A 2.0.1 station registered with `serialNumber` that connects, boots and sends a CSR naming `csrSerial`. */
  async function stationAsking(id: string, serial: string, csrSerial: string): Promise<SimulatedStation> {
    if (!csms) throw new Error('not started');
    await created(api('PUT', `/api/stations/${id}`, 'admin', { securityProfile: 1, password: PASSWORD, serialNumber: serial }));
    const station = new SimulatedStation({ id, version: '2.0.1', identity: { serialNumber: csrSerial }, organization: ORGANIZATION, connection: { url: csms.ocppUrl, securityProfile: 1, password: PASSWORD } });
    stations.push(station);
    await station.connect();
    await station.boot();
    await station.signCertificate();
    return station;
  }

  /** Opens the console at a certificates tab and signs in with the role's token. */
  async function signedIn(role: 'operator' | 'security-officer', tab: string): Promise<{ page: Page; recorder: ReturnType<typeof recordPage> }> {
    if (!csms || !browser) throw new Error('not started');
    const page = await browser.newPage();
    page.setDefaultTimeout(UI_TIMEOUT_MS);
    const recorder = recordPage(page);
    await signInToConsole(page, csms.baseUrl, csms.tokens[role], { route: `/certificates/${tab}`, timeoutMs: UI_TIMEOUT_MS });
    await page.getByRole('heading', { name: 'Certificates', level: 1 }).waitFor();
    return { page, recorder };
  }

  const openTab = async (page: Page, name: string) => {
    await page.getByRole('tab', { name }).click();
    await page.getByRole('tab', { name, selected: true }).waitFor();
  };
  const rowWith = (table: Locator, text: string) => table.getByRole('row').filter({ hasText: text });

  beforeAll(async () => {
    // One after the other, so that afterAll closes whichever started when the other fails.
    browser = await launchChromium({ viewport: { width: 1366, height: 768 } });
    csms = await startEmbeddedForBrowser({
      env: { PKI_CA_KEY_PASSPHRASE: PASSPHRASE, PKI_CERT_ORGANIZATION: ORGANIZATION, PKI_STATION_CERT_VALIDITY_DAYS: CERT_VALIDITY_DAYS, PKI_RENEWAL_WINDOW_DAYS: '1', LOG_LEVEL: 'warn' },
    });
    const service = csms.service;
    root = await created(api('POST', '/api/certificate-authorities', 'security-officer', { name: 'E2E Root', role: 'root', commonName: 'E2E Root', organization: ORGANIZATION, validityDays: 3650 }));
    const parent = { role: 'stationSubCa', parentId: root.id, validityDays: 365 };
    await created(api('POST', '/api/certificate-authorities', 'security-officer', { ...parent, name: 'E2E Standby CA', commonName: 'E2E Standby CA', activate: false }));
    await created(api('POST', '/api/certificate-authorities', 'security-officer', { ...parent, name: 'E2E Station CA', commonName: 'E2E Station CA' }));

    const signed = await stationAsking('CP-CERT-1', 'SN-CERT-1', 'SN-CERT-1');
    await eventually('CP-CERT-1 holds its signed certificate', async () => signed.certificates.clientIdentity(), UI_TIMEOUT_MS, [service]);
    await stationAsking('CP-CERT-2', 'SN-CERT-2', 'SN-NOT-REGISTERED');
    await eventually(
      'the CSR of CP-CERT-2 refused',
      async () => (await api('GET', '/api/certificate-signing-requests?stationId=CP-CERT-2', 'viewer')).body.items?.find((request) => request.status === 'refused'),
      UI_TIMEOUT_MS,
      [service],
    );
    const issued = (await api('GET', '/api/issued-certificates?stationId=CP-CERT-1', 'viewer')).body.items ?? [];
    expect(issued).toHaveLength(1);
    serialNumber = String(issued[0]?.serialNumber);
  }, 300_000);

  afterAll(async () => {
    await Promise.all(stations.map((station) => station.dispose()));
    await browser?.close();
    await csms?.stop();
  });

  it('shows an operator the CAs, the signed certificate and the CSRs, with no control that changes the PKI', async () => {
    const { page, recorder } = await signedIn('operator', 'authorities');
    const authorities = page.getByRole('table', { name: 'Certificate authorities' });
    await rowWith(authorities, 'E2E Station CA').getByText('Active', { exact: true }).waitFor();
    await rowWith(authorities, 'E2E Standby CA').getByText('Standby', { exact: true }).waitFor();
    expect(await page.getByRole('button', { name: /^Activate/ }).count()).toBe(0);

    await openTab(page, 'Issued');
    const row = rowWith(page.getByRole('table', { name: 'Issued certificates' }), serialNumber);
    await row.getByText('Valid', { exact: true }).waitFor();
    expect(await row.getByRole('cell').allInnerTexts()).toEqual(expect.arrayContaining(['CP-CERT-1', 'E2E Station CA']));
    expect(await page.getByRole('button', { name: /Revoke/ }).count()).toBe(0);
    await saveScreenshot(page, 'operator-issued');

    await openTab(page, 'Batch jobs');
    await page.getByRole('heading', { name: 'Security profile upgrades' }).waitFor();
    expect(await page.getByRole('form').count()).toBe(0);
    expect(await page.getByRole('button', { name: /Start root distribution|Upgrade/ }).count()).toBe(0);
    recorder.expectNoConsoleErrors();
    await page.close();
  }, 180_000);

  it('lets the security officer download the root, distribute it, read the inventory and revoke the station certificate with a reason', async () => {
    const { page, recorder } = await signedIn('security-officer', 'authorities');

    // Authorities: the hierarchy, the active issuing CA, a PEM download identical to the API's.
    const authorities = page.getByRole('table', { name: 'Certificate authorities' });
    await rowWith(authorities, 'E2E Station CA').getByText('Active', { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Activate E2E Standby CA' }).waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download PEM of E2E Root' }).click()]);
    expect(download.suggestedFilename()).toBe('e2e-root.pem');
    expect(readFileSync(await download.path(), 'utf8')).toBe(root.certificatePem);
    await saveScreenshot(page, 'authorities');

    await openTab(page, 'Issued');
    const issuedRow = rowWith(page.getByRole('table', { name: 'Issued certificates' }), serialNumber);
    await issuedRow.getByText('Valid', { exact: true }).waitFor();
    await saveScreenshot(page, 'issued');

    // Signing requests: the signed one and the refused one with the rule it broke.
    await openTab(page, 'Signing requests');
    const requests = page.getByRole('table', { name: 'Signing requests' });
    await rowWith(requests, 'CP-CERT-1').getByText(serialNumber).waitFor();
    const refused = rowWith(requests, 'CP-CERT-2');
    await refused.getByText('wrongCommonName').waitFor();
    expect(await refused.textContent()).toMatch(/refused[\s\S]*SN-CERT-2/);
    await saveScreenshot(page, 'signing-requests');

    // Expiry calendar: the 45-day certificate is in the 60- and 90-day horizons only. The PKI counts (exact at any fleet size).
    const calendarAnswer = page.waitForResponse((response) => new URL(response.url()).pathname === '/api/certificate-expiry' && response.status() === 200);
    await openTab(page, 'Expiry calendar');
    await calendarAnswer;
    expect((await api('GET', '/api/certificate-expiry?days=60', 'viewer')).body.totals).toEqual([
      { withinDays: 30, issued: 0, installed: 0 },
      { withinDays: 60, issued: 1, installed: 0 },
      { withinDays: 90, issued: 1, installed: 0 },
    ]);
    await page.getByLabel('Expiry summary').filter({ hasText: 'Expiring within 30 days: 0 · 60 days: 1 · 90 days: 1 (revoked certificates left out)' }).waitFor();
    await page.getByText('60 days', { exact: true }).click();
    const weeks = page.getByRole('table', { name: 'Certificates expiring within 60 days, by week' });
    await rowWith(weeks, 'CP-CERT-1').waitFor();
    await saveScreenshot(page, 'expiry');

    // Batch jobs: install the root on CP-CERT-1; the job's stations show its answer, refreshed while it runs.
    await openTab(page, 'Batch jobs');
    await page.getByRole('combobox', { name: 'Root CA' }).click();
    await page.getByRole('option', { name: 'E2E Root' }).click();
    await page.getByRole('textbox', { name: 'Station ids' }).fill('CP-CERT-1');
    await page.getByRole('button', { name: 'Start root distribution' }).click();
    const jobStation = rowWith(page.getByRole('table', { name: 'Stations of the root distribution job' }), 'CP-CERT-1');
    await jobStation.getByText('accepted', { exact: true }).first().waitFor();
    await page.getByRole('table', { name: 'Root distribution jobs' }).getByText('done', { exact: true }).waitFor();
    await saveScreenshot(page, 'jobs');

    // Installed: the station's inventory, read anew, holds the root just installed.
    await openTab(page, 'Installed');
    await page.getByRole('button', { name: 'Show certificates of CP-CERT-1' }).click();
    await page.getByRole('button', { name: 'Read installed certificates now' }).click();
    await page.getByRole('status').filter({ hasText: /^Read: the station holds \d+ certificates\.$/ }).waitFor();
    await rowWith(page.getByRole('table', { name: 'Installed certificates of CP-CERT-1' }), 'CSMSRootCertificate').getByText('E2E Root').first().waitFor();
    await saveScreenshot(page, 'installed');

    // Revocation: a reason is required, the dialog shows the PKI's answer, the row turns Revoked.
    await openTab(page, 'Issued');
    await issuedRow.getByRole('button', { name: `Revoke certificate ${serialNumber}` }).click();
    const dialog = page.getByRole('dialog', { name: 'Revoke certificate' });
    const confirm = dialog.getByRole('button', { name: 'Revoke certificate' });
    expect(await confirm.isDisabled()).toBe(true);
    await dialog.getByRole('combobox', { name: /Reason/ }).click();
    await page.getByRole('option', { name: /Key compromise/ }).click();
    await saveScreenshot(page, 'revoke-dialog', { fullPage: false });
    await confirm.click();
    await dialog.getByRole('status').filter({ hasText: 'by e2e-security-officer, reason keyCompromise' }).waitFor();
    await dialog.getByRole('button', { name: 'Close' }).click();
    await issuedRow.getByText('Revoked', { exact: true }).waitFor();
    expect(await page.getByRole('button', { name: `Revoke certificate ${serialNumber}` }).count()).toBe(0);
    const revocations = (await api('GET', `/api/revocations?serialNumber=${serialNumber}`, 'viewer')).body.items ?? [];
    expect(revocations).toEqual([expect.objectContaining({ serialNumber, reason: 'keyCompromise', revokedBy: 'e2e-security-officer' })]);

    // The revocation comes with the certificate from the API: the row says why, the filter finds it among the revoked only.
    await issuedRow.getByText(/^keyCompromise, /).waitFor();
    const revocationFilter = page.getByRole('combobox', { name: 'Revocation', exact: true });
    await revocationFilter.click();
    await page.getByRole('option', { name: 'Not revoked', exact: true }).click();
    await page.getByText('No issued certificate matches these filters.').waitFor();
    await revocationFilter.click();
    await page.getByRole('option', { name: 'Revoked', exact: true }).click();
    await issuedRow.getByText('Revoked', { exact: true }).waitFor();
    await saveScreenshot(page, 'issued-revoked-filter');

    // The calendar plans renewals: the revoked certificate no longer counts.
    await openTab(page, 'Expiry calendar');
    await page.getByLabel('Expiry summary').filter({ hasText: 'Expiring within 30 days: 0 · 60 days: 0 · 90 days: 0 (revoked certificates left out)' }).waitFor();

    await openTab(page, 'Revocations');
    await rowWith(page.getByRole('table', { name: 'Revocations' }), serialNumber).getByText(/^Key compromise/).waitFor();
    await saveScreenshot(page, 'revocations');

    // A tablet: the tabs wrap and the table scrolls inside its container.
    await page.setViewportSize({ width: 768, height: 1024 });
    await openTab(page, 'Issued');
    await issuedRow.getByText('Revoked', { exact: true }).waitFor();
    await saveScreenshot(page, 'issued-tablet');
    recorder.expectNoConsoleErrors();
  }, 240_000);
});
