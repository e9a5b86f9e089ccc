import type { FleetSnapshot } from '../metrics/fleet-metrics';
import { formatProgress, formatSummary } from './summary.formatter';

const snapshot: FleetSnapshot = {
  elapsedMs: 10_000,
  stations: 100,
  connected: 0,
  booted: 97,
  failed: 3,
  failuresByCode: { 'connect-failed': 3 },
  refusedByStatus: { '401': 2 },
  connectErrorsByCode: { ECONNREFUSED: 1 },
  disconnects: 97,
  callsSent: 500,
  callsReceived: 4,
  errorsByCode: { timeout: 1 },
  latencyByAction: { BootNotification: { count: 97, meanMs: 3, p50Ms: 2.5, p90Ms: 5, p99Ms: 12.25, maxMs: 20 } },
  transactionsStarted: 97,
  transactionsStopped: 97,
  meterValuesSent: 300,
  protocolIssues: 0,
};

describe('formatSummary', () => {
  it('lists counts, failures by code and one latency row per action', () => {
    const text = formatSummary(snapshot, { scenario: 'charge', url: 'ws://h/ocpp' });
    expect(text).toContain('Fleet summary: 100 stations, scenario charge, 10.0 s against ws://h/ocpp');
    expect(text).toContain('failed         3 (connect-failed 3)');
    expect(text).toContain('refused        401 2');
    expect(text).toContain('connect errors ECONNREFUSED 1');
    expect(text).toContain('500 sent (50.0/s), 4 received');
    expect(text).toContain('call errors    timeout 1');
    expect(text).toContain('97 started, 97 stopped, 300 meter values');
    expect(text).toMatch(/BootNotification\s+97\s+2\.50\s+5\.00\s+12\.3\s+20\.0/);
  });

  it('says so when nothing went wrong or nothing succeeded', () => {
    const text = formatSummary({ ...snapshot, failed: 0, failuresByCode: {}, refusedByStatus: {}, latencyByAction: {} }, { scenario: 'boot', url: 'u' });
    expect(text).toContain('failed         0\n');
    expect(text).toContain('refused        none');
    expect(text).toContain('(no successful calls)');
  });
});

describe('formatProgress', () => {
  it('shows a bar of booted stations and the main counters', () => {
    expect(formatProgress(snapshot, 100, 10)).toBe('[##########] 97/100 booted  0 connected  3 failed  2 refused  500 calls  97 tx  10 s');
    expect(formatProgress({ ...snapshot, booted: 0 }, 100, 4)).toMatch(/^\[\.\.\.\.\] 0\/100 booted/);
  });
});
