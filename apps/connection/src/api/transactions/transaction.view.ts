import { isoOrNull } from '../api-schemas';
import type { MeterSampleRow, TransactionRow } from './transaction-read.repository';
import type { MeterSampleView, TransactionView } from './transaction.schemas';

const numberOrNull = (value: number | string | null): number | null => (value === null ? null : Number(value));
const textOrNull = (value: string): string | null => (value === '' ? null : value);

/**
 * Energy delivered: what the station core derived from the transaction's events, or, while the
 * transaction is active, the newest energy register reading (e.g. a 1.6 MeterValues, which is no
 * transaction event) since the start when that is further on. The one rule for every view of a
 * transaction (list, detail, export), so they cannot disagree.
 */
export function energyOf(row: Pick<TransactionRow, 'state' | 'energy_wh' | 'meter_start_wh' | 'latest_register_wh'>): number | null {
  const recorded = numberOrNull(row.energy_wh);
  const start = numberOrNull(row.meter_start_wh);
  const latest = numberOrNull(row.latest_register_wh);
  if (row.state !== 'active' || latest === null || start === null) return recorded;
  const sinceStart = Math.round((latest - start) * 1000) / 1000;
  return recorded === null ? sinceStart : Math.max(recorded, sinceStart);
}

export function transactionViewOf(row: TransactionRow): TransactionView {
  return {
    stationId: row.station_id,
    transactionId: row.transaction_id,
    state: row.state,
    evseId: numberOrNull(row.evse_id),
    connectorId: numberOrNull(row.connector_id),
    idToken: row.id_token,
    idTokenType: row.id_token_type,
    startedAt: isoOrNull(row.started_at),
    stoppedAt: isoOrNull(row.stopped_at),
    meterStartWh: numberOrNull(row.meter_start_wh),
    meterStopWh: numberOrNull(row.meter_stop_wh),
    energyWh: energyOf(row),
    stoppedReason: row.stopped_reason,
    chargingState: row.charging_state,
    offline: row.offline,
    remoteStartId: numberOrNull(row.remote_start_id),
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}

export function meterSampleViewOf(row: MeterSampleRow): MeterSampleView {
  return {
    at: new Date(row.sampled_at).toISOString(),
    evseId: Number(row.evse_id),
    measurand: row.measurand,
    phase: textOrNull(row.phase),
    location: textOrNull(row.location),
    context: textOrNull(row.context),
    value: Number(row.value),
    unit: row.unit,
  };
}
