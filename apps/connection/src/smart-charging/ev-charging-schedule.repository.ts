import { InjectDataSource, pgJson, queryRows } from '@app/persistence';
import type { Ocpp201 } from '@app/ocpp';
import { Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { CONNECTION_SCHEMA } from '../persistence/connection-schema';

const SCHEDULES = `"${CONNECTION_SCHEMA}"."ev_charging_schedule"`;

export interface EvChargingSchedule {
  evseId: number;
  timeBase: Date;
  chargingSchedule: Ocpp201.ChargingScheduleType;
  receivedAt: Date;
}

/** connection.ev_charging_schedule: the schedule an EV last proposed, per station and EVSE. */
@Injectable()
export class EvChargingScheduleRepository {
  constructor(@InjectDataSource(CONNECTION_SCHEMA) private readonly dataSource: DataSource) {}

  async save(stationId: string, evseId: number, timeBase: string, chargingSchedule: Ocpp201.ChargingScheduleType): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO ${SCHEDULES} (station_id, evse_id, time_base, charging_schedule) VALUES ($1, $2, $3, $4::jsonb)
       ON CONFLICT (station_id, evse_id) DO UPDATE SET time_base = EXCLUDED.time_base, charging_schedule = EXCLUDED.charging_schedule, received_at = now()`,
      [stationId, evseId, timeBase, pgJson(chargingSchedule)],
    );
  }

  async list(stationId: string): Promise<EvChargingSchedule[]> {
    const rows = await queryRows<{ evse_id: number; time_base: Date; charging_schedule: Ocpp201.ChargingScheduleType; received_at: Date }>(
      this.dataSource,
      `SELECT evse_id, time_base, charging_schedule, received_at FROM ${SCHEDULES} WHERE station_id = $1 ORDER BY evse_id`,
      [stationId],
    );
    return rows.map((row) => ({ evseId: row.evse_id, timeBase: new Date(row.time_base), chargingSchedule: row.charging_schedule, receivedAt: new Date(row.received_at) }));
  }
}
