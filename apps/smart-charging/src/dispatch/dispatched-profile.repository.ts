import { InjectDataSource, namedStatement, pgJson, pgText, queryRows } from '@app/persistence';
import { Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { SMART_CHARGING_SCHEMA } from '../persistence/smart-charging-schema';
import type { PlannedProfile } from './planned-profile';
import type { SentProfile } from './profile-change';

const TABLE = `"${SMART_CHARGING_SCHEMA}"."dispatched_profile"`;

export interface DispatchRecord extends SentProfile {
  stationId: string;
  answeredAt?: number;
  commandId?: string;
  /** Why a profile was not accepted (the station's status or the command's error). */
  detail?: string;
}

interface Row {
  station_id: string;
  profile: PlannedProfile;
  sent_at: Date;
  outcome: SentProfile['outcome'];
  answered_at: Date | null;
  command_id: string | null;
  detail: string | null;
}

const SAVE = namedStatement(
  'dispatched_profile_save',
  `INSERT INTO ${TABLE} (station_id, purpose, evse_id, profile, sent_at, outcome, answered_at, command_id, detail)
   VALUES ($1, $2, $3, $4::jsonb, $5, $6, $7, $8, $9)
   ON CONFLICT (station_id, purpose, evse_id) DO UPDATE
     SET profile = EXCLUDED.profile, sent_at = EXCLUDED.sent_at, outcome = EXCLUDED.outcome, answered_at = EXCLUDED.answered_at,
         command_id = EXCLUDED.command_id, detail = EXCLUDED.detail`,
);

/** The latest profile sent per (station, purpose, EVSE) and its answer. */
@Injectable()
export class DispatchedProfileRepository {
  constructor(@InjectDataSource(SMART_CHARGING_SCHEMA) private readonly dataSource: DataSource) {}

  async loadAll(): Promise<DispatchRecord[]> {
    const rows = await queryRows<Row>(this.dataSource, `SELECT station_id, profile, sent_at, outcome, answered_at, command_id, detail FROM ${TABLE}`);
    return rows.map((row) => ({
      stationId: row.station_id,
      profile: row.profile,
      sentAt: new Date(row.sent_at).getTime(),
      outcome: row.outcome,
      answeredAt: row.answered_at ? new Date(row.answered_at).getTime() : undefined,
      commandId: row.command_id ?? undefined,
      detail: row.detail ?? undefined,
    }));
  }

  async save(record: DispatchRecord): Promise<void> {
    const { profile } = record;
    await queryRows(this.dataSource, SAVE, [
      record.stationId,
      profile.purpose,
      profile.evseId,
      pgJson(profile),
      new Date(record.sentAt),
      record.outcome,
      record.answeredAt === undefined ? null : new Date(record.answeredAt),
      record.commandId ?? null,
      pgText(record.detail),
    ]);
  }

  async forgetStation(stationId: string): Promise<void> {
    await this.dataSource.query(`DELETE FROM ${TABLE} WHERE station_id = $1`, [stationId]);
  }

  async forget(stationId: string, purpose: string, evseId: number): Promise<void> {
    await this.dataSource.query(`DELETE FROM ${TABLE} WHERE station_id = $1 AND purpose = $2 AND evse_id = $3`, [stationId, purpose, evseId]);
  }
}
