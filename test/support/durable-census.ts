import { type StationEvent, TransactionPhase, timestampDate } from '@app/contracts';
import { type StationReceipts, multisetDifference } from './station-receipts';
import type { TestDatabase } from './test-database';

const ENERGY = 'Energy.Active.Import.Register';

/** The durable messages of a run, each as `station|transaction[|sample time]`: what was answered, stored, published. */
export interface DurableKeys {
  starts: string[];
  stops: string[];
  /** Energy register samples the stations sent on demand (context Trigger). */
  meterValues: string[];
}

export interface Comparison {
  /** Answered but not found: lost. */
  missing: number;
  /** Found more often than answered: duplicates, or messages stored whose answer never reached the station. */
  extra: number;
  examples: string[];
}

export function acknowledgedKeys(receipts: Iterable<StationReceipts>): DurableKeys {
  const all = [...receipts];
  return {
    starts: all.flatMap((r) => [...r.starts].map((id) => `${r.stationId}|${id}`)),
    stops: all.flatMap((r) => [...r.stops].map((id) => `${r.stationId}|${id}`)),
    meterValues: all.flatMap((r) => r.meterValues.map((key) => `${r.stationId}|${key}`)),
  };
}

export function countOf(keys: DurableKeys): number {
  return keys.starts.length + keys.stops.length + keys.meterValues.length;
}

export function compare(expected: DurableKeys, actual: DurableKeys): Record<keyof DurableKeys, Comparison> {
  return {
    starts: multisetDifference(expected.starts, actual.starts),
    stops: multisetDifference(expected.stops, actual.stops),
    meterValues: multisetDifference(expected.meterValues, actual.meterValues),
  };
}

/** How many keys occur more than once (each extra occurrence counted). */
export function repeats(keys: readonly string[]): number {
  return keys.length - new Set(keys).size;
}

/** What the connection service stored for the stations whose ids start with `prefix`. */
export async function storedKeys(database: TestDatabase, prefix: string): Promise<DurableKeys & { duplicateSamples: number }> {
  const like = `${prefix}%`;
  const transactions = await database.query<{ station_id: string; transaction_id: string; state: string }>(
    `SELECT station_id, transaction_id, state FROM connection.transaction WHERE station_id LIKE $1`,
    [like],
  );
  const samples = await database.query<{ station_id: string; transaction_id: string | null; sampled_at: Date }>(
    `SELECT station_id, transaction_id, sampled_at FROM connection.meter_sample
      WHERE station_id LIKE $1 AND measurand = $2 AND context = 'Trigger' AND phase = ''`,
    [like, ENERGY],
  );
  const [duplicates] = await database.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM (SELECT 1 FROM connection.meter_sample WHERE station_id LIKE $1
      GROUP BY station_id, evse_id, sampled_at, measurand, phase, location, context HAVING count(*) > 1) d`,
    [like],
  );
  return {
    starts: transactions.map((t) => `${t.station_id}|${t.transaction_id}`),
    stops: transactions.filter((t) => t.state === 'ended').map((t) => `${t.station_id}|${t.transaction_id}`),
    meterValues: samples.map((s) => `${s.station_id}|${s.transaction_id ?? ''}|${new Date(s.sampled_at).toISOString()}`),
    duplicateSamples: duplicates?.n ?? 0,
  };
}

const iso = (stamp: Parameters<typeof timestampDate>[0] | undefined) => (stamp ? timestampDate(stamp).toISOString() : '');

/** What ocpp.events carries for the stations whose ids start with `prefix`, keyed as the receipts are, with every event id and content. */
export function publishedKeys(events: readonly StationEvent[], prefix: string): DurableKeys & { eventIds: string[]; contents: string[] } {
  const result = { starts: [] as string[], stops: [] as string[], meterValues: [] as string[], eventIds: [] as string[], contents: [] as string[] };
  for (const event of events) {
    const { stationId, body } = event;
    if (!stationId.startsWith(prefix)) continue;
    if (body.case === 'transaction') {
      const { transactionId, phase, seqNo } = body.value;
      result.eventIds.push(event.eventId);
      result.contents.push(`${stationId}|transaction|${transactionId}|${phase}|${seqNo}`);
      if (phase === TransactionPhase.STARTED) result.starts.push(`${stationId}|${transactionId}`);
      if (phase === TransactionPhase.ENDED) result.stops.push(`${stationId}|${transactionId}`);
    } else if (body.case === 'meterValues') {
      const { transactionId, evseId, samples } = body.value;
      result.eventIds.push(event.eventId);
      result.contents.push(`${stationId}|meterValues|${transactionId}|${evseId}|${iso(samples[0]?.at)}|${samples[0]?.context ?? ''}`);
      for (const sample of samples) {
        if (sample.measurand === ENERGY && sample.context === 'Trigger' && sample.phase === '') result.meterValues.push(`${stationId}|${transactionId}|${iso(sample.at)}`);
      }
    }
  }
  return result;
}
