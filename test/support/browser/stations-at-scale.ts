import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { Client } from 'pg';
import { eventually } from '../service-process';
import { signInToConsole } from './console-sign-in';
import type { EmbeddedForBrowser } from './embedded-for-browser';

/** How long a console page may take to show something on a busy 2-core machine; locators poll until then. */
export const SCALE_TIMEOUT_MS = 60_000;

/** The folder of the embedded store, as the embedded mode's start-up banner names it. */
function dataDirOf(csms: EmbeddedForBrowser): string {
  const match = /embedded store in (\S+)/.exec(csms.service.output());
  if (!match?.[1]) throw new Error('the embedded start-up banner names no store folder');
  return match[1];
}

/** The id of the i-th seeded station: `SC-00000` … */
export const scaleStationId = (index: number) => `SC-${String(index).padStart(5, '0')}`;

/**
 * `count` stations (two connectors each) written straight into the embedded store's `connection.station` and
 * `connection.connector` tables. Why SQL and not the REST API: registering through `PUT /api/stations/{id}` (admin,
 * 16 at a time) took 6-14 s per 1,000 here, 60-140 s for 10,000 on a busy 2-core machine; the rows are the ones the
 * REST registration writes, and the page under test reads them through the same REST list.
 * Every 50th is pending, every 7th of the rest rejected: `SC-00007` is the first rejected one.
 */
export async function seedStations(csms: EmbeddedForBrowser, count: number): Promise<void> {
  // PostgreSQL writes the socket folder it listens in as line 5 of postmaster.pid; trust authentication on it.
  const socketDir = readFileSync(path.join(dataDirOf(csms), 'postgres', 'postmaster.pid'), 'utf8').split('\n')[4]?.trim();
  if (!socketDir) throw new Error('the embedded store names no socket folder');
  const client = new Client({ host: socketDir, port: 5432, user: 'postgres', database: 'csms' });
  await client.connect();
  try {
    await client.query(
      `INSERT INTO connection.station (id, security_profile, auto_registered, vendor, model, firmware_version, registration_status, last_boot_at, last_seen_at)
       SELECT 'SC-' || lpad(i::text, 5, '0'), i % 2, false, 'Vendor' || (i % 5), 'Model ' || (i % 3), '1.' || (i % 4) || '.0',
              CASE WHEN i % 50 = 0 THEN 'pending' WHEN i % 7 = 0 THEN 'rejected' ELSE 'accepted' END,
              now() - make_interval(mins => i), now() - make_interval(secs => i)
       FROM generate_series(0, $1::int - 1) AS i`,
      [count],
    );
    await client.query(
      `INSERT INTO connection.connector (station_id, evse_id, connector_id, status, ocpp_status, status_at)
       SELECT 'SC-' || lpad(i::text, 5, '0'), e, 1, (ARRAY['Available','Occupied','Faulted','Unavailable'])[1 + (i + e) % 4],
              (ARRAY['Available','Charging','Faulted','Unavailable'])[1 + (i + e) % 4], now()
       FROM generate_series(0, $1::int - 1) AS i, generate_series(1, 2) AS e`,
      [count],
    );
  } finally {
    await client.end();
  }
}

/** What the page records about itself (pageProbes); read back through page.evaluate. */
interface PageFigures {
  firstRowsAt?: number;
  longTasks: number[];
  firstRowChanges: Array<[number, string]>;
  performance: { now(): number };
}

/**
 * Runs in the page before the console (injected, so the console's CSP, which forbids eval, does not apply): records
 * the first rows, every long task and every change of the first row once the list has settled, each with the page's
 * own clock, so the figures do not depend on how often anyone polls.
 */
function pageProbes(): string {
  return `
    window.longTasks = [];
    window.firstRowChanges = [];
    new PerformanceObserver((list) => list.getEntries().forEach((entry) => window.longTasks.push(entry.duration))).observe({ type: 'longtask', buffered: true });
    let shownFirst;
    new MutationObserver(() => {
      const table = document.querySelector('table[aria-label="Stations"]');
      const first = table?.querySelector('tbody a')?.textContent;
      if (first === undefined) return;
      if (window.firstRowsAt === undefined) window.firstRowsAt = performance.now();
      if (table.getAttribute('aria-busy') === 'false' && first !== shownFirst) {
        shownFirst = first;
        window.firstRowChanges.push([performance.now(), first]);
      }
    }).observe(document, { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ['aria-busy'] });`;
}

export interface StationsListFigures {
  /** Navigation start (already signed in) to the first station rows. */
  firstRowsMs: number;
  /** "Next page" click to the next page's first row, settled. */
  pageChangeMs: number;
  /** Registration filter change to the filtered first row, settled. */
  filterChangeMs: number;
  /** Main-thread tasks over 50 ms during all of it. */
  longTasks: { count: number; totalMs: number; longestMs: number };
}

/**
 * Opens the stations list of a console seeded with `seedStations` in a new, signed-in page, pages forward once and
 * filters once, and says how long each took on the page's own clock. The page is left open for the caller's checks.
 */
export async function measureStationsList(page: Page, csms: EmbeddedForBrowser, pageSize: number): Promise<StationsListFigures> {
  await page.addInitScript({ content: pageProbes() });
  const figuresOfPage = () =>
    page.evaluate(() => {
      const { firstRowsAt, longTasks, firstRowChanges } = globalThis as unknown as PageFigures;
      return { firstRowsAt, longTasks, firstRowChanges };
    });
  const pageNow = () => page.evaluate(() => (globalThis as unknown as PageFigures).performance.now());
  /** Waits until the settled list's first station is `id` (shown after `since`), and says when, on the page's clock. */
  const firstStationShown = (id: string, since: number) =>
    eventually(`${id} first in the list`, async () => (await figuresOfPage()).firstRowChanges.find(([at, first]) => at >= since && first === id)?.[0], SCALE_TIMEOUT_MS);

  // Signed in already (the session the sign-in form stores), so the navigation measured is the list's alone.
  await signInToConsole(page, csms.baseUrl, csms.tokens.viewer, { route: `/stations?size=${pageSize}`, via: 'stored-session', timeoutMs: SCALE_TIMEOUT_MS });
  await firstStationShown(scaleStationId(0), 0);
  const firstRowsMs = (await figuresOfPage()).firstRowsAt ?? Number.NaN;

  let started = await pageNow();
  await page.getByRole('button', { name: 'Next page of stations' }).click();
  const pageChangeMs = (await firstStationShown(scaleStationId(pageSize), started)) - started;

  started = await pageNow();
  await page.getByLabel('Registration').selectOption('rejected');
  const filterChangeMs = (await firstStationShown(scaleStationId(7), started)) - started;

  const { longTasks } = await figuresOfPage();
  return {
    firstRowsMs: Math.round(firstRowsMs),
    pageChangeMs: Math.round(pageChangeMs),
    filterChangeMs: Math.round(filterChangeMs),
    longTasks: { count: longTasks.length, totalMs: Math.round(longTasks.reduce((sum, duration) => sum + duration, 0)), longestMs: Math.round(Math.max(0, ...longTasks)) },
  };
}
