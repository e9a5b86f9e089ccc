/** What a fault test counted, printed as one line so that runs can be compared. */
export interface FaultCounts {
  /** CALLs the stations sent (every attempt, answered or not). */
  sent: number;
  /** Durable messages (transaction messages, meter values, or what the fault concerns) the stations got an answer for. */
  answered: number;
  /** Of those, found where the design keeps them (PostgreSQL, and Kafka where it says so). */
  stored: number;
  duplicates: number;
  reconnects: number;
  /** From the end of the fault (service back) until every station was served again. */
  recoveredMs: number;
}

export function faultSummary(fault: string, counts: FaultCounts, extra = ''): string {
  const { sent, answered, stored, duplicates, reconnects, recoveredMs } = counts;
  return (
    `fault ${fault}: sent=${sent} answered=${answered} stored=${stored} duplicates=${duplicates} ` +
    `reconnects=${reconnects} recovered in ${(recoveredMs / 1000).toFixed(1)} s${extra ? `; ${extra}` : ''}`
  );
}

/** How long a service stays down in the downtime tests: FAULT_DOWNTIME_MS, default a minute. */
export function faultDowntimeMs(): number {
  const raw = process.env.FAULT_DOWNTIME_MS;
  if (raw === undefined || raw === '') return 60_000;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1000) throw new Error(`FAULT_DOWNTIME_MS must be a whole number of milliseconds ≥ 1000, not ${raw}`);
  return value;
}

/** Resolves after `ms`: the length of an outage the test imposes, never a wait for something to happen. */
export function outage(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
