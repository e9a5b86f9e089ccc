import type { SimulatedStation } from '@app/simulator';

/** What one station got an answer for: the messages the CSMS told it it had received. */
export interface StationReceipts {
  readonly stationId: string;
  /** Transactions (CSMS-visible id) whose start was answered. */
  readonly starts: Set<string>;
  readonly stops: Set<string>;
  /** `transactionId|sample time (ISO)` of every answered meter value. */
  readonly meterValues: string[];
  /** StatusNotifications answered. */
  statuses: number;
  /** StatusNotifications sent, answered or not. */
  statusesSent: number;
  /** Transaction messages sent again because no answer came in time. */
  retries: number;
}

/** Starts recording a station's answered messages from its own events; starts and stops are added by whoever runs the sessions. */
export function recordReceipts(station: SimulatedStation): StationReceipts {
  const receipts: StationReceipts = { stationId: station.id, starts: new Set(), stops: new Set(), meterValues: [], statuses: 0, statusesSent: 0, retries: 0 };
  // Emitted only once the MeterValues / TransactionEvent Updated was answered.
  station.events.on('meterValues', ({ transactionId, sample }) => receipts.meterValues.push(`${transactionId ?? ''}|${new Date(sample.timestamp).toISOString()}`));
  station.events.on('callCompleted', ({ action, errorCode }) => {
    if (action !== 'StatusNotification') return;
    receipts.statusesSent += 1;
    if (errorCode === undefined) receipts.statuses += 1;
  });
  station.events.on('transactionMessageRetried', () => (receipts.retries += 1));
  return receipts;
}

/** What is missing from `actual` and what it has beyond `expected`, as multisets (a key twice in `actual` but once expected is one extra). */
export function multisetDifference(expected: readonly string[], actual: readonly string[]): { missing: number; extra: number; examples: string[] } {
  const counts = new Map<string, number>();
  for (const key of expected) counts.set(key, (counts.get(key) ?? 0) + 1);
  for (const key of actual) counts.set(key, (counts.get(key) ?? 0) - 1);
  let missing = 0;
  let extra = 0;
  const examples: string[] = [];
  for (const [key, count] of counts) {
    if (count === 0) continue;
    if (count > 0) missing += count;
    else extra -= count;
    if (examples.length < 5) examples.push(`${count > 0 ? 'missing' : 'extra'} ${key}`);
  }
  return { missing, extra, examples };
}
