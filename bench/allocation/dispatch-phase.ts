import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { SimulatedStation } from '@app/simulator';
import { repoRoot } from '@test/support/repo-root';
import { chargingFleet } from './dispatch-fleet';
import { type DispatchServices, startDispatchServices } from './dispatch-services';
import { DISPATCH_SITE_ID, INITIAL_SHARE_A, dispatchSite, dispatchStationIds, gridLimitOf, roundShares } from './dispatch-site';
import { HeldLimitWatch } from './held-limits';
import { type MetricSample, grown, histogramDelta, scrapeMetrics } from './service-metrics';

export interface DispatchPhaseOptions {
  chargers: number;
  feeders: number;
  rounds: number;
  /** Pause between rounds, so that each starts from a quiet service. */
  pauseMs: number;
  meterIntervalS: number;
  concurrency: number;
}

interface Spread {
  minMs: number;
  medianMs: number;
  p95Ms: number;
  maxMs: number;
}

export interface DispatchRound {
  round: number;
  direction: 'lower' | 'higher';
  shareA: number;
  siteLimitA: number;
  /** The PUT of the grid-operator schedule, until its answer. */
  putMs: number;
  affected: number;
  unaffected: number;
  /** From sending the PUT to each affected station holding its new limit (as the station computes it). */
  latency: Spread | null;
  missing: { stationId: string; heldA: number; targetA: number }[];
  /** The slowest stations, with when the service sent their TxProfile and when its answer came back (ms from the PUT). */
  slowest: { stationId: string; version: string; ms: number; txSentMs: number | null; txOutcome: string | null }[];
  /** What the allocation view shows after the round: sessions whose allocation is not the share. */
  allocationMismatches: number;
  /** From the services' /metrics, over the round: plans of the site, profiles sent, SetChargingProfile at the gateway. */
  plans: { count: number; meanMs: number | null };
  profilesSent: Record<string, number>;
  gatewayCommands: { count: number; meanMs: number | null };
}

export interface DispatchPhaseResult {
  phase: 'dispatch';
  site: { chargers: number; feeders: number; versions: string };
  setup: { stationsChargingS: number; initialProfilesS: number };
  rounds: DispatchRound[];
  /** Over all rounds: the spread of "every affected station holds its new profile" (each round's max), and of all station latencies. */
  allHolding: Spread | null;
  perStation: Spread | null;
}

const ROUND_TIMEOUT_MS = 120_000;

/**
 * A grid limit change to every affected station holding its new profile, over real Kafka: the
 * site is built through the REST API, every station charges, and each round replaces the site's
 * grid-operator limit (alternately lower and higher) and times the stations' arrival at their new
 * limit, read back from each station's own composite schedule.
 */
export async function runDispatchPhase(options: DispatchPhaseOptions): Promise<DispatchPhaseResult> {
  log(`starting Kafka, PostgreSQL, connection and smart-charging`);
  const services = await startDispatchServices();
  let stations: SimulatedStation[] = [];
  try {
    const stationIds = dispatchStationIds(options.chargers);
    await expectStatus(services, 'POST', '/api/sites', 'operator', dispatchSite(stationIds, options.feeders), 201);
    await expectStatus(services, 'PUT', gridLimitRoute(), 'dso', gridLimitOf(INITIAL_SHARE_A, options.chargers), 201);
    log(`site of ${options.chargers} chargers on ${options.feeders} feeders created; bringing up the stations`);
    const setupStarted = performance.now();
    stations = await chargingFleet(services.wsUrl, stationIds, options);
    const stationsChargingS = seconds(performance.now() - setupStarted);
    const watch = new HeldLimitWatch(stations);
    log(`${stations.length} stations charging after ${stationsChargingS} s; waiting for their initial profiles`);
    const initial = await watch.measure(performance.now(), () => INITIAL_SHARE_A, 300_000);
    if (initial.missing.length > 0) throw new Error(`${initial.missing.length} stations never held their initial profile, e.g. ${JSON.stringify(initial.missing.slice(0, 3))}`);
    const initialProfilesS = seconds(performance.now() - setupStarted) - stationsChargingS;
    const rounds: DispatchRound[] = [];
    const latencies: number[] = [];
    for (const [index, shareA] of roundShares(options.rounds).entries()) {
      await quiet(services);
      await new Promise((resolve) => setTimeout(resolve, options.pauseMs));
      const { round, latenciesMs } = await runRound(services, watch, index, shareA, options.chargers);
      rounds.push(round);
      latencies.push(...latenciesMs);
      log(`round ${round.round}: ${round.direction} to ${shareA} A per session, all holding after ${round.latency?.maxMs ?? '—'} ms (median ${round.latency?.medianMs ?? '—'} ms, ${round.missing.length} missing)`);
    }
    const maxima = rounds.flatMap((round) => (round.latency && round.missing.length === 0 ? [round.latency.maxMs] : []));
    return {
      phase: 'dispatch',
      site: { chargers: options.chargers, feeders: options.feeders, versions: 'alternating 1.6 / 2.0.1' },
      setup: { stationsChargingS, initialProfilesS: Math.round(initialProfilesS * 10) / 10 },
      rounds,
      allHolding: spread(maxima),
      perStation: spread(latencies),
    };
  } finally {
    await Promise.all(stations.map((station) => station.dispose().catch(() => undefined)));
    // Warnings and errors of both services (LOG_LEVEL=warn), beside the figures.
    const logs = path.join(repoRoot(), '.cache/bench', `allocation-dispatch-services-${Date.now()}.log`);
    mkdirSync(path.dirname(logs), { recursive: true });
    writeFileSync(logs, [services.smartCharging, services.connection].map((service) => `--- ${service.name} ---\n${service.output()}`).join('\n'));
    await services.stop();
  }
}

async function runRound(services: DispatchServices, watch: HeldLimitWatch, round: number, shareA: number, sessions: number): Promise<{ round: DispatchRound; latenciesMs: number[] }> {
  const before = await bothMetrics(services);
  const startedAt = performance.now();
  const arrivals = watch.measure(startedAt, () => shareA, ROUND_TIMEOUT_MS);
  await expectStatus(services, 'PUT', gridLimitRoute(), 'dso', gridLimitOf(shareA, sessions), 200);
  const putMs = Math.round(performance.now() - startedAt);
  const startedAtEpoch = Date.now() - (performance.now() - startedAt);
  const { latenciesMs, slowest, unaffected, missing } = await arrivals;
  // The services count a profile once its answer is back: wait for those of this round.
  const after = await settledMetrics(services, before, latenciesMs.length);
  const allocation = await services.api.call(services.smartCharging.baseUrl, 'GET', `/api/sites/${DISPATCH_SITE_ID}/allocation`, 'viewer');
  const planned = (allocation.body.sessions as { allocatedA: number }[] | undefined) ?? [];
  const profilesSent: Record<string, number> = {};
  for (const reason of ['new', 'retry', 'structure', 'lower', 'higher']) {
    const count = grown(before.smartCharging, after.smartCharging, 'csms_smart_charging_profiles_sent_total', `reason="${reason}"`);
    if (count > 0) profilesSent[reason] = count;
  }
  const refused = grown(before.smartCharging, after.smartCharging, 'csms_smart_charging_profiles_sent_total') - grown(before.smartCharging, after.smartCharging, 'csms_smart_charging_profiles_sent_total', 'outcome="accepted"');
  if (refused > 0) profilesSent['not accepted'] = refused;
  const figures: DispatchRound = {
    round: round + 1,
    direction: round % 2 === 0 ? 'lower' : 'higher',
    shareA,
    siteLimitA: shareA * sessions,
    putMs,
    affected: latenciesMs.length + missing.length,
    unaffected,
    latency: spread(latenciesMs),
    missing: missing.slice(0, 10),
    slowest: await Promise.all(slowest.map(async (station) => ({ ...station, ...(await txSent(services, station.stationId, startedAtEpoch)) }))),
    allocationMismatches: planned.length === sessions ? planned.filter((session) => Math.abs(session.allocatedA - shareA) > 0.001).length : sessions,
    plans: histogramDelta(before.smartCharging, after.smartCharging, 'csms_smart_charging_plan_seconds'),
    profilesSent,
    gatewayCommands: histogramDelta(before.connection, after.connection, 'csms_station_command_duration_seconds', 'setChargingProfile'),
  };
  return { round: figures, latenciesMs };
}

/**
 * When smart charging sent the station the TxProfile of this round, from the round's start, and
 * how it went; the service lists a send once its record is stored, so this waits up to 10 s for it.
 */
async function txSent(services: DispatchServices, stationId: string, roundStartedAt: number): Promise<{ txSentMs: number | null; txOutcome: string | null }> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const view = await services.api.call(services.smartCharging.baseUrl, 'GET', `/api/topology/stations/${stationId}/charging`, 'viewer');
    const tx = (view.body.profiles as { purpose: string; sentAt: string; outcome: string }[] | undefined)?.find((profile) => profile.purpose === 'tx');
    const sentMs = tx ? Date.parse(tx.sentAt) - roundStartedAt : Number.NaN;
    if (sentMs >= 0) return { txSentMs: Math.round(sentMs), txOutcome: tx?.outcome ?? null };
    if (Date.now() > deadline) return { txSentMs: null, txOutcome: null };
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

interface BothMetrics {
  smartCharging: MetricSample;
  connection: MetricSample;
}

async function bothMetrics(services: DispatchServices): Promise<BothMetrics> {
  const [smartCharging, connection] = await Promise.all([scrapeMetrics(services.smartCharging.baseUrl), scrapeMetrics(services.connection.baseUrl)]);
  return { smartCharging, connection };
}

async function settledMetrics(services: DispatchServices, before: BothMetrics, expectedSends: number): Promise<BothMetrics> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const after = await bothMetrics(services);
    const sent = grown(before.smartCharging, after.smartCharging, 'csms_smart_charging_profiles_sent_total');
    if (sent >= expectedSends || Date.now() > deadline) return after;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Waits until the smart-charging service has not planned for a second: the echoes of the last round (draws reported by 2.0.1 stations) are over. */
async function quiet(services: DispatchServices): Promise<void> {
  const deadline = Date.now() + 60_000;
  let last = await scrapeMetrics(services.smartCharging.baseUrl);
  while (Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const now = await scrapeMetrics(services.smartCharging.baseUrl);
    if (grown(last, now, 'csms_smart_charging_plan_seconds_count') === 0 && grown(last, now, 'csms_smart_charging_profiles_sent_total') === 0) return;
    last = now;
  }
}

function gridLimitRoute(): string {
  return `/api/sites/${DISPATCH_SITE_ID}/nodes/${DISPATCH_SITE_ID}/limits/grid-operator`;
}

async function expectStatus(services: DispatchServices, method: string, route: string, as: 'operator' | 'dso', body: unknown, status: number): Promise<void> {
  const answer = await services.api.call(services.smartCharging.baseUrl, method, route, as, body);
  if (answer.status !== status) throw new Error(`${method} ${route} answered ${answer.status}, not ${status}: ${JSON.stringify(answer.body).slice(0, 500)}`);
}

export function spread(values: readonly number[]): Spread | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const at = (fraction: number) => Math.round(sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1))] ?? Number.NaN);
  return { minMs: at(0), medianMs: at(0.5), p95Ms: at(0.95), maxMs: at(1) };
}

function seconds(ms: number): number {
  return Math.round(ms / 100) / 10;
}

function log(message: string): void {
  process.stderr.write(`[bench:allocation] ${new Date().toISOString()} dispatch: ${message}\n`);
}
