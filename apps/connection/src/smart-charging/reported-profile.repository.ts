import { InjectDataSource, pgText } from '@app/persistence';
import type { Ocpp201 } from '@app/ocpp';
import { Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { CONNECTION_SCHEMA } from '../persistence/connection-schema';
import { REPORTED_PROFILE_TABLE } from '../persistence/history-tables';

/** One part of a ReportChargingProfiles: every profile it holds becomes a row, as the station sent it. */
@Injectable()
export class ReportedProfileRepository {
  constructor(@InjectDataSource(CONNECTION_SCHEMA) private readonly dataSource: DataSource) {}

  async store(stationId: string, report: Ocpp201.ReportChargingProfilesRequest): Promise<void> {
    const profiles = report.chargingProfile;
    await this.dataSource.query(
      `INSERT INTO "${CONNECTION_SCHEMA}"."${REPORTED_PROFILE_TABLE}" AS stored (station_id, request_id, evse_id, source, tbc, profile_id, stack_level, purpose, profile)
       SELECT $1, $2, $3, $4, $5, row.* FROM unnest($6::int[], $7::int[], $8::text[], $9::jsonb[]) AS row
       ON CONFLICT ON CONSTRAINT reported_charging_profile_identity
         DO UPDATE SET stack_level = EXCLUDED.stack_level, purpose = EXCLUDED.purpose, profile = EXCLUDED.profile, tbc = EXCLUDED.tbc, recorded_at = now()`,
      [
        pgText(stationId),
        report.requestId,
        report.evseId,
        report.chargingLimitSource,
        report.tbc ?? false,
        profiles.map((profile) => profile.id),
        profiles.map((profile) => profile.stackLevel),
        profiles.map((profile) => profile.chargingProfilePurpose),
        profiles.map((profile) => JSON.stringify(profile)),
      ],
    );
  }
}
