import { MetricsRegistry } from '@app/observability';
import pino from 'pino';
import type { RetentionRound } from './retention-round';
import type { RetentionJob } from './retention.job';
import { RetentionMetrics } from './retention.metrics';
import { RetentionScheduler } from './retention.scheduler';

const logger = pino({ level: 'silent' });
const done: RetentionRound = { outcome: 'completed', deleted: {}, batches: {}, durationMs: 1 };

/** A job whose rounds end when the test says so. */
function controllableJob() {
  const pending: ((round: RetentionRound) => void)[] = [];
  let stopped = false;
  const job = {
    schema: 'pki',
    runOnce: jest.fn(() => new Promise<RetentionRound>((resolve) => pending.push(resolve))),
    stop: () => {
      stopped = true;
    },
  };
  return { job, finish: () => pending.shift()?.(done), isStopped: () => stopped };
}

describe('RetentionScheduler', () => {
  afterEach(() => jest.useRealTimers());

  it('runs a round at start-up and then every interval, never two at once', async () => {
    jest.useFakeTimers();
    const { job, finish } = controllableJob();
    const scheduler = new RetentionScheduler(job as unknown as RetentionJob, 1000, undefined, logger);
    scheduler.onApplicationBootstrap();
    expect(job.runOnce).toHaveBeenCalledTimes(1);
    // Still running when the next is due: not doubled.
    jest.advanceTimersByTime(1000);
    expect(job.runOnce).toHaveBeenCalledTimes(1);
    finish();
    await Promise.resolve();
    await Promise.resolve();
    jest.advanceTimersByTime(1000);
    expect(job.runOnce).toHaveBeenCalledTimes(2);
    finish();
    await scheduler.onApplicationShutdown();
  });

  it('stops the job on shutdown and waits for its round to end', async () => {
    const { job, finish, isStopped } = controllableJob();
    const scheduler = new RetentionScheduler(job as unknown as RetentionJob, 60_000, undefined, logger);
    scheduler.onApplicationBootstrap();
    let shutDown = false;
    const shutdown = scheduler.onApplicationShutdown().then(() => {
      shutDown = true;
    });
    await Promise.resolve();
    expect(isStopped()).toBe(true);
    expect(shutDown).toBe(false);
    finish();
    await shutdown;
    expect(shutDown).toBe(true);
  });

  it('counts a failed round as failed, without taking the service down', async () => {
    const registry = new MetricsRegistry();
    const job = { schema: 'pki', runOnce: jest.fn().mockRejectedValue(new Error('connection reset')), stop: () => undefined };
    const scheduler = new RetentionScheduler(job as unknown as RetentionJob, 60_000, new RetentionMetrics(registry), logger);
    scheduler.onApplicationBootstrap();
    await scheduler.onApplicationShutdown();
    expect(await registry.registry.metrics()).toContain('csms_retention_runs_total{schema="pki",outcome="failed"} 1');
  });
});
