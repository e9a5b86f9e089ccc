import { SimulatedStation } from '@app/simulator';
import { type EmbeddedForBrowser, type LaunchedChromium, launchChromium, recordPage, saveScreenshot, signInToConsole, startEmbeddedForBrowser } from '@test/support/browser';
import type { Json } from '@test/support/operator-api-client';
import { GRANTED_SITE } from '@test/support/role-matrix';
import { eventually } from '@test/support/service-process';
import type { Locator, Page } from 'playwright-core';

// Generous: a first paint, a plan and a few samples on a busy 2-core machine. Everything waits for a condition.
const WAIT_MS = 60_000;
const SITE = GRANTED_SITE;
const STATIONS = ['CSITE-A', 'CSITE-B'];
const SITE_A = 48;
const LOWERED_A = 30;
/** The viewer test's own audit entry: an operator limit on the feeder above the site's (in A and in W), so that it changes no allocation. */
const FEEDER_OPERATOR_A = 60;
const FEEDER_OPERATOR_KW = 60;

/** One grid connection of 48 A per phase, a feeder, two 32 A three-phase chargers: two sessions share 48 A. */
const site: Json = {
  siteId: SITE,
  name: 'Console depot',
  limit: { perPhaseA: [SITE_A, SITE_A, SITE_A] },
  children: [
    {
      kind: 'feeder',
      nodeId: 'F1',
      label: 'Feeder 1',
      children: STATIONS.map((stationId) => ({ kind: 'charger', stationId, rating: { maxA: 32, phases: 3 }, children: [{ kind: 'evse', evseId: 1, maxA: 32, phases: 3 }] })),
    },
  ],
};

/** The Sites area of the console in a real browser against the embedded mode, with two simulated stations charging. */
describe('console: sites', () => {
  let csms: EmbeddedForBrowser | undefined;
  let browser: LaunchedChromium | undefined;
  let stations: SimulatedStation[] = [];

  const started = () => {
    if (!csms || !browser) throw new Error('not started');
    return { csms, browser };
  };

  /** Opens the console at `route` and signs in there with `token`. */
  const signIn = (page: Page, route: string, token: string) => signInToConsole(page, started().csms.baseUrl, token, { route, timeoutMs: WAIT_MS });

  const summaryOf = (chart: Locator) => chart.locator('figcaption');
  const waitForText = (what: string, locator: Locator, pattern: RegExp) =>
    eventually(what, async () => (pattern.test((await locator.textContent()) ?? '') ? true : undefined), WAIT_MS, csms ? [csms.service] : []);

  beforeAll(async () => {
    // One after the other, so that afterAll closes whichever started when the other fails.
    browser = await launchChromium({ viewport: { width: 1366, height: 768 } });
    const embedded = await startEmbeddedForBrowser({ env: { DRAW_HISTORY_SAMPLE_SECONDS: '1', OCPP_UNKNOWN_STATIONS: 'accept', OCPP_UNKNOWN_ID_TOKENS: 'accept', LOG_LEVEL: 'warn' } });
    csms = embedded;
    const { status } = await embedded.api.call(embedded.baseUrl, 'POST', '/api/sites', 'operator', site);
    expect(status).toBe(201);
    stations = STATIONS.map((id) => new SimulatedStation({ id, version: '2.0.1', connection: { url: embedded.ocppUrl, securityProfile: 0 }, meterIntervalS: 1 }));
    for (const station of stations) {
      await station.connect();
      await station.boot();
      await station.startTransaction({ evseId: 1, idToken: 'TAG-1' });
    }
    // Both sessions at their share before the pages look: the site draws its whole limit.
    const history = `/api/sites/${SITE}/nodes/${SITE}/draw-history`;
    await eventually(
      'the site drawing its limit',
      async () => {
        const answer = await embedded.api.call(embedded.baseUrl, 'GET', history, 'viewer');
        const points = (answer.body.points ?? []) as Json[];
        return points.some((point) => (point.drawnA as number[])[0] === SITE_A) ? true : undefined;
      },
      WAIT_MS,
      [embedded.service],
    );
  }, 300_000);

  afterAll(async () => {
    await Promise.all(stations.map((station) => station.dispose()));
    await browser?.close();
    await csms?.stop();
  });

  it('lets the grid operator see its site’s tree live, lower its limit, which the chart follows, and find its change in the audit log', async () => {
    const { csms, browser } = started();
    const page = await browser.newPage();
    const recorder = recordPage(page);
    await signIn(page, '/sites', csms.tokens['grid-operator']);

    // Only Sites in the navigation: a grid operator reads nothing else.
    const sections = page.getByRole('navigation', { name: 'Sections' });
    await sections.getByRole('link', { name: 'Sites' }).waitFor({ timeout: WAIT_MS });
    expect(await sections.getByRole('link').allTextContents()).toEqual(['Sites']);
    const list = page.getByRole('table', { name: 'Sites granted to you' });
    await waitForText('the site’s limit and draw in the list', list, new RegExp(`${SITE_A} A per phase.*${SITE_A} / ${SITE_A} / ${SITE_A} A`));
    await saveScreenshot(page, 'sites-list-grid-operator');

    await list.getByRole('link', { name: SITE }).click();
    await page.getByRole('heading', { name: `Site ${SITE}`, level: 1 }).waitFor({ timeout: WAIT_MS });
    // The real tree, as the topology names it (grid operators read their granted sites' trees).
    await page.getByRole('navigation', { name: 'Topology' }).getByRole('button', { name: 'Feeder Feeder 1' }).waitFor({ timeout: WAIT_MS });
    const chart = page.getByRole('figure', { name: `Limit and draw per phase of Site ${SITE}` });
    await waitForText('the summary of the limit and draw', summaryOf(chart), new RegExp(`^Limit now ${SITE_A} A, draw ${SITE_A} A on L1; limit ${SITE_A} A, draw ${SITE_A} A on L2`));
    // The limit as a line and the draw as an area, per phase (a flat line has no height: attached, not "visible").
    await chart.locator('.recharts-line path').first().waitFor({ state: 'attached', timeout: WAIT_MS });
    expect(await chart.locator('.recharts-line').count()).toBe(3);
    expect(await chart.locator('.recharts-area').count()).toBe(3);
    await saveScreenshot(page, 'site-grid-operator');

    // Lower the grid-operator limit through the editor.
    const editor = page.getByRole('form', { name: 'Limit schedule of source grid-operator' });
    for (const phase of ['L1', 'L2', 'L3']) await editor.getByLabel(`Default limit: ${phase} in A`).fill(String(LOWERED_A));
    await editor.getByRole('button', { name: 'Save schedule' }).click();
    await waitForText('the answer to the save', editor.getByRole('status'), new RegExp(`default ${LOWERED_A} A per phase, 0 slot\\(s\\), version 1`));

    // The chart's limit follows at once (a sample at the change), the draw within a few sample periods.
    await waitForText('the lowered limit in the chart', summaryOf(chart), new RegExp(`^Limit now ${LOWERED_A} A, draw [\\d.]+ A on L1`));
    await waitForText('the draw under the lowered limit', summaryOf(chart), new RegExp(`^Limit now ${LOWERED_A} A, draw ${LOWERED_A} A on L1; limit ${LOWERED_A} A, draw ${LOWERED_A} A on L2`));
    const effective = page.getByRole('table', { name: `Effective limit of Site ${SITE}` });
    await waitForText('the effective limit set by the grid operator', effective, new RegExp(`L1${LOWERED_A} Agrid-operator`));
    // Another range loads again and keeps following.
    await page.getByText('3 h', { exact: true }).click();
    await waitForText('the summary over 3 h', summaryOf(chart), new RegExp(`^Limit now ${LOWERED_A} A`));
    await waitForText('its own change in the audit log', page.getByRole('table', { name: 'Audit log of the site' }), new RegExp(`e2e-grid-operatorlimits-replaced${SITE}grid-operatorset to ${LOWERED_A} A per phase`));
    await saveScreenshot(page, 'site-grid-operator-lowered');
    recorder.expectNoConsoleErrors();
    await page.close();
  }, 240_000);

  it('shows a viewer the site, a limit change in the audit log, and no editor', async () => {
    const { csms, browser } = started();
    // Its own change, written through the API: the test does not lean on what the grid-operator test did.
    const seeded = await csms.api.call(csms.baseUrl, 'PUT', `/api/sites/${SITE}/nodes/F1/limits/operator`, 'operator', {
      default: { perPhaseA: [FEEDER_OPERATOR_A, FEEDER_OPERATOR_A, FEEDER_OPERATOR_A], totalW: FEEDER_OPERATOR_KW * 1000 },
    });
    expect(seeded.status).toBe(201);
    const page = await browser.newPage();
    const recorder = recordPage(page);
    await signIn(page, `/sites/${SITE}`, csms.tokens.viewer);
    await page.getByRole('heading', { name: `Site ${SITE} — Console depot`, level: 1 }).waitFor({ timeout: WAIT_MS });

    const topology = page.getByRole('navigation', { name: 'Topology' });
    await topology.getByRole('button', { name: 'Feeder Feeder 1' }).click();
    const feederChart = page.getByRole('figure', { name: 'Limit and draw per phase of Feeder Feeder 1' });
    // The power limit in words and as its own (kW) line beside the three phase limits.
    await waitForText('the feeder’s power limit', summaryOf(feederChart), new RegExp(`Power limit now ${FEEDER_OPERATOR_KW} kW\\.$`));
    await eventually('the kW line', async () => ((await feederChart.locator('.recharts-line').count()) === 4 ? true : undefined), WAIT_MS, [csms.service]);
    await page.getByRole('table', { name: `Profiles in force on ${STATIONS[0]}` }).waitFor({ timeout: WAIT_MS });
    await waitForText('both sessions in the allocation', page.getByRole('table', { name: 'Allocation per session' }), new RegExp(`${STATIONS[0]}.*${STATIONS[1]}|${STATIONS[1]}.*${STATIONS[0]}`));
    const audit = page.getByRole('table', { name: 'Audit log of the site' });
    await waitForText('the operator’s change in the audit log', audit, new RegExp(`e2e-operatorlimits-replacedF1operatorset to ${FEEDER_OPERATOR_A} A per phase, ${FEEDER_OPERATOR_KW} kW total`));
    await page.getByText('No session draws more than its profile allows.').waitFor({ timeout: WAIT_MS });
    // A viewer may not write limits: no editor at all.
    expect(await page.getByRole('form', { name: /^Limit schedule of source/ }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Save schedule' }).count()).toBe(0);
    await saveScreenshot(page, 'site-viewer');

    await page.setViewportSize({ width: 768, height: 1024 });
    await page.getByRole('table', { name: 'Audit log of the site' }).waitFor({ timeout: WAIT_MS });
    await saveScreenshot(page, 'site-viewer-tablet');
    recorder.expectNoConsoleErrors();
    await page.close();
  }, 240_000);
});
