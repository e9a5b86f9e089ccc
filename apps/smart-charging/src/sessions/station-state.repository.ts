import { InjectDataSource, pgJson, queryRows } from '@app/persistence';
import { Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { SMART_CHARGING_SCHEMA } from '../persistence/smart-charging-schema';
import type { StationChargingState } from './charging-session';
import { type StoredStationState, stationStateOf, storedStateOf } from './station-state.codec';

const TABLE = `"${SMART_CHARGING_SCHEMA}"."station_charging_state"`;

/** Snapshots of each station's charging state. */
@Injectable()
export class StationStateRepository {
  constructor(@InjectDataSource(SMART_CHARGING_SCHEMA) private readonly dataSource: DataSource) {}

  async loadAll(): Promise<StationChargingState[]> {
    const rows = await queryRows<{ station_id: string; state: StoredStationState }>(this.dataSource, `SELECT station_id, state FROM ${TABLE}`);
    return rows.map((row) => stationStateOf(row.station_id, row.state));
  }

  /** Upserts the newest snapshot of each station given, many in one statement. */
  async save(states: readonly StationChargingState[]): Promise<void> {
    if (states.length === 0) return;
    await this.dataSource.query(
      `INSERT INTO ${TABLE} (station_id, state, updated_at)
       SELECT station_id, state::jsonb, now() FROM unnest($1::text[], $2::text[]) AS row (station_id, state)
       ON CONFLICT (station_id) DO UPDATE SET state = EXCLUDED.state, updated_at = now()`,
      [states.map((state) => state.stationId), states.map((state) => pgJson(storedStateOf(state)))],
    );
  }
}
