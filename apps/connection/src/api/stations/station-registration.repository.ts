import { InjectDataSource } from '@app/persistence';
import { Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { type ApiResult, succeeded } from '../operator-api.error';
import { CONNECTION_SCHEMA, type RegistrationStatus, type SqlExecutor, queryRows } from '../station-core.port';
import type { CurrentRegistration, RegistrationWrite } from './station-registration';

const STATION = `"${CONNECTION_SCHEMA}"."station"`;

export interface StoredRegistration extends Omit<RegistrationWrite, 'password' | 'generatePassword'> {
  /** A new hash, or undefined to keep the stored one. */
  passwordHash: string | undefined;
}

/**
 * The operator's writes to the station registry (connection.station): registering a station and
 * its credentials. Read, decided and written in one database transaction, so two registrations
 * of the same station cannot interleave.
 */
@Injectable()
export class StationRegistrationRepository {
  constructor(@InjectDataSource(CONNECTION_SCHEMA) private readonly dataSource: DataSource) {}

  /**
   * Runs `decide` on the current registration (locked) and writes what it returns; true when the
   * station is new. A new station belongs to `tenant`; an existing one keeps its tenant.
   */
  async register(stationId: string, tenant: string | null, decide: (current: CurrentRegistration | undefined) => Promise<ApiResult<StoredRegistration>>): Promise<ApiResult<{ created: boolean }>> {
    return this.dataSource.transaction(async (manager) => {
      const current = await this.current(manager, stationId);
      const decision = await decide(current);
      if (!decision.ok) return decision;
      await this.write(manager, stationId, decision.value, tenant);
      return succeeded({ created: current === undefined });
    });
  }

  /** Replaces the station's password hash (a rotation the station accepted); false when the station is not registered. */
  async replacePasswordHash(stationId: string, passwordHash: string): Promise<boolean> {
    const rows = await queryRows<{ id: string }>(this.dataSource, `UPDATE ${STATION} SET password_hash = $2, updated_at = now() WHERE id = $1 RETURNING id`, [stationId, passwordHash]);
    return rows.length > 0;
  }

  private async current(executor: SqlExecutor, stationId: string): Promise<CurrentRegistration | undefined> {
    const [row] = await queryRows<{ security_profile: number; has_password: boolean; serial_number: string | null; registration_status: RegistrationStatus; tenant: string | null }>(
      executor,
      `SELECT security_profile, password_hash IS NOT NULL AS has_password, serial_number, registration_status, tenant FROM ${STATION} WHERE id = $1 FOR UPDATE`,
      [stationId],
    );
    return (
      row && { securityProfile: Number(row.security_profile), hasPassword: row.has_password, serialNumber: row.serial_number, registrationStatus: row.registration_status, tenant: row.tenant }
    );
  }

  private async write(executor: SqlExecutor, stationId: string, registration: StoredRegistration, tenant: string | null): Promise<void> {
    await executor.query(
      `INSERT INTO ${STATION} AS station (id, security_profile, password_hash, serial_number, registration_status, auto_registered, tenant)
       VALUES ($1, $2, $3, $4, COALESCE($5, 'accepted'), false, $6)
       ON CONFLICT (id) DO UPDATE
         SET security_profile = EXCLUDED.security_profile,
             password_hash = COALESCE($3, station.password_hash),
             serial_number = EXCLUDED.serial_number,
             registration_status = COALESCE($5, station.registration_status),
             auto_registered = false,
             updated_at = now()`,
      [stationId, registration.securityProfile, registration.passwordHash ?? null, registration.serialNumber, registration.registrationStatus ?? null, tenant],
    );
  }
}
