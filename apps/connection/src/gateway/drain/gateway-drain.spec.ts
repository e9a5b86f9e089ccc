import pino from 'pino';
import { Counter, Registry } from 'prom-client';
import type { DrainOutcome } from '../station-connection';
import { type DrainableConnection, GatewayDrain } from './gateway-drain';

interface FakeConnection extends DrainableConnection {
  drainedAt?: number;
  waitMs?: number;
  code?: number;
  terminated: boolean;
}

/** A station whose drain answers `outcome`; `answersClose: false` never completes the close handshake. */
function station(stationId: string, outcome: DrainOutcome = 'idle', answersClose = true): FakeConnection {
  let settle = () => {};
  const closed = new Promise<void>((resolve) => (settle = resolve));
  const fake: FakeConnection = {
    stationId,
    closed,
    terminated: false,
    async drain(code, _reason, waitMs) {
      Object.assign(fake, { drainedAt: Date.now(), waitMs, code });
      if (answersClose) settle();
      return outcome;
    },
    terminate() {
      fake.terminated = true;
      settle();
    },
  };
  return fake;
}

function gatewayDrain(config = { windowMs: 200, minBatchSize: 2, batchIntervalMs: 100 }, callWaitMs = 12_000) {
  const stationsClosed = new Counter({ name: 'closed_total', help: 'test', labelNames: ['outcome'], registers: [new Registry()] });
  const marks: string[] = [];
  const drain = new GatewayDrain({
    config,
    callWaitMs,
    metrics: { stationsClosed, started: () => marks.push('started'), ended: () => marks.push('ended') },
    logger: pino({ level: 'silent' }),
  });
  return { drain, stationsClosed, marks };
}

describe('GatewayDrain', () => {
  it('closes the stations in paced batches, in order, with 1001 Going Away', async () => {
    const stations = ['A', 'B', 'C', 'D', 'E'].map((id) => station(id));
    const { drain, marks } = gatewayDrain();
    const startedAt = Date.now();
    const summary = await drain.run(stations, Date.now() + 10_000);
    expect(summary).toMatchObject({ stations: 5, batches: 3, batchSize: 2, idle: 5, busy: 0, terminated: 0 });
    const offsets = stations.map((s) => (s.drainedAt ?? Infinity) - startedAt);
    // Lower bounds only: a busy machine may start a batch late, never early.
    expect(offsets[2]).toBeGreaterThanOrEqual(95);
    expect(offsets[4]).toBeGreaterThanOrEqual(195);
    expect(offsets[0]).toBeLessThanOrEqual(offsets[2] as number);
    expect(stations.every((s) => s.code === 1001)).toBe(true);
    expect(marks).toEqual(['started', 'ended']);
  });

  it('counts the stations closed with a call still unanswered', async () => {
    const { drain, stationsClosed } = gatewayDrain();
    const summary = await drain.run([station('A', 'busy'), station('B')], Date.now() + 10_000);
    expect(summary).toMatchObject({ idle: 1, busy: 1 });
    expect(Object.fromEntries((await stationsClosed.get()).values.map(({ labels, value }) => [labels.outcome, value]))).toEqual({ busy: 1, idle: 1 });
  });

  it('gives the in-flight calls no longer than the deadline allows', async () => {
    const stations = [station('A')];
    const { drain } = gatewayDrain(undefined, 12_000);
    await drain.run(stations, Date.now() + 300);
    expect(stations[0]?.waitMs).toBeLessThanOrEqual(300);
    expect(stations[0]?.waitMs).toBeGreaterThan(0);
  });

  it('drops a station that does not answer the close frame before the deadline', async () => {
    const silent = station('A', 'idle', false);
    const { drain } = gatewayDrain();
    const summary = await drain.run([silent], Date.now() + 200);
    expect(silent.terminated).toBe(true);
    expect(summary.terminated).toBe(1);
  });

  it('ends at once with no station connected', async () => {
    const { drain } = gatewayDrain();
    expect(await drain.run([], Date.now() + 10_000)).toMatchObject({ stations: 0, batches: 0 });
  });
});
