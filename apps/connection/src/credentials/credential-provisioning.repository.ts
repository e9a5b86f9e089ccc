import { InjectDataSource, type SqlExecutor, queryRows } from '@app/persistence';
import { Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { CONNECTION_SCHEMA } from '../persistence/connection-schema';
import type { RegistrationStatus } from '../stations/registration-status';
import { StationRegistryError, StationRegistryErrorCode } from '../stations/station-registry.error';
import { PROVISIONED_PROFILE, type ProvisioningState, decideAcceptance } from './credential-provisioning';

const STATION = `"${CONNECTION_SCHEMA}"."station"`;
const PROVISIONING = `"${CONNECTION_SCHEMA}"."credential_provisioning"`;

/** A station's provisioning as the station resource shows it. */
export interface ProvisioningRecord {
  state: ProvisioningState;
  attempts: number;
  lastOutcome: string | null;
  lastDetail: string | null;
  lastAttemptAt: Date | null;
  nextAttemptAt: Date;
  provisionedAt: Date | null;
}

export type AcceptanceResult = { ok: true; provisioning: boolean } | { ok: false; error: StationRegistryError };

interface ProvisioningRow {
  state: ProvisioningState;
  attempts: number;
  last_outcome: string | null;
  last_detail: string | null;
  last_attempt_at: Date | null;
  next_attempt_at: Date;
  provisioned_at: Date | null;
}

/**
 * The credential_provisioning table (ADR 039) and the writes that go with it on the station: an
 * acceptance that queues a password, the claim of an attempt, its failure, and its success, which
 * stores the password's hash and raises the station to profile 1 in one transaction.
 */
@Injectable()
export class CredentialProvisioningRepository {
  constructor(@InjectDataSource(CONNECTION_SCHEMA) private readonly dataSource: DataSource) {}

  /** An operator accepts the station (decideAcceptance): accepted, and a password queued when it has no credentials. */
  async accept(stationId: string): Promise<AcceptanceResult> {
    return this.dataSource.transaction(async (manager) => {
      const [row] = await queryRows<{ registration_status: RegistrationStatus; security_profile: number; has_password: boolean; auto_registered: boolean; provisioning: ProvisioningState | null }>(
        manager,
        `SELECT station.registration_status, station.security_profile, station.password_hash IS NOT NULL AS has_password, station.auto_registered,
                (SELECT state FROM ${PROVISIONING} WHERE station_id = station.id) AS provisioning
           FROM ${STATION} AS station WHERE station.id = $1 FOR UPDATE`,
        [stationId],
      );
      if (!row) return { ok: false, error: new StationRegistryError(StationRegistryErrorCode.unknownStation, `station ${stationId} is not registered`) };
      const decision = decideAcceptance({
        registrationStatus: row.registration_status,
        securityProfile: Number(row.security_profile),
        hasPassword: row.has_password,
        autoRegistered: row.auto_registered,
        provisioning: row.provisioning ?? undefined,
      });
      if (!decision.accept) return { ok: false, error: new StationRegistryError(StationRegistryErrorCode.notPending, `station ${stationId} ${decision.reason}`) };
      await manager.query(`UPDATE ${STATION} SET registration_status = 'accepted', updated_at = now() WHERE id = $1`, [stationId]);
      if (decision.provision) await this.queue(manager, stationId);
      return { ok: true, provisioning: decision.provision };
    });
  }

  /** Which of these stations (those a replica holds) have a provisioning due now: not provisioned, next attempt reached; oldest first. */
  async due(stationIds: string[], limit: number): Promise<string[]> {
    const rows = await queryRows<{ station_id: string }>(
      this.dataSource,
      `SELECT station_id FROM ${PROVISIONING}
        WHERE station_id = ANY($1::text[]) AND state <> 'provisioned' AND next_attempt_at <= now() ORDER BY next_attempt_at LIMIT $2`,
      [stationIds, limit],
    );
    return rows.map((row) => row.station_id);
  }

  /**
   * Claims an attempt: marks it delivering and moves its next attempt `claimMs` ahead, so no other
   * sweep takes it meanwhile and a replica that dies during the attempt leaves it due again.
   * Resolves with the attempts made before, or undefined when it is not due (any more).
   */
  async claim(stationId: string, claimMs: number): Promise<number | undefined> {
    const [row] = await queryRows<{ attempts: number }>(
      this.dataSource,
      `UPDATE ${PROVISIONING} SET state = 'delivering', next_attempt_at = now() + $2 * interval '1 millisecond', updated_at = now()
        WHERE station_id = $1 AND state <> 'provisioned' AND next_attempt_at <= now() RETURNING attempts`,
      [stationId, claimMs],
    );
    return row === undefined ? undefined : Number(row.attempts);
  }

  /** An attempt failed: the outcome is kept for the station resource and the next attempt set. */
  async failed(stationId: string, outcome: string, detail: string, nextAttemptAt: Date): Promise<void> {
    await this.dataSource.query(
      `UPDATE ${PROVISIONING} SET state = 'failed', attempts = attempts + 1, last_outcome = $2, last_detail = $3, last_attempt_at = now(), next_attempt_at = $4, updated_at = now()
        WHERE station_id = $1 AND state = 'delivering'`,
      [stationId, outcome, detail, nextAttemptAt],
    );
  }

  /** The station was gone before anything reached it: waiting again, due as soon as it is back, no attempt counted. */
  async requeue(stationId: string): Promise<void> {
    await this.dataSource.query(`UPDATE ${PROVISIONING} SET state = 'waiting', next_attempt_at = now(), updated_at = now() WHERE station_id = $1 AND state = 'delivering'`, [
      stationId,
    ]);
  }

  /**
   * The station took its password: its hash is stored and the station raised to profile 1 (never
   * lowered) with the provisioning marked done, all or nothing. False when the attempt was no longer
   * this one's (the station was removed meanwhile).
   */
  async provisioned(stationId: string, passwordHash: string): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      const claimed = await queryRows<{ station_id: string }>(
        manager,
        `UPDATE ${PROVISIONING} SET state = 'provisioned', attempts = attempts + 1, last_outcome = 'accepted', last_detail = NULL, last_attempt_at = now(), next_attempt_at = now(),
              provisioned_at = now(), updated_at = now()
          WHERE station_id = $1 AND state = 'delivering' RETURNING station_id`,
        [stationId],
      );
      if (claimed.length === 0) return false;
      await manager.query(`UPDATE ${STATION} SET password_hash = $2, security_profile = GREATEST(security_profile, $3), updated_at = now() WHERE id = $1`, [
        stationId,
        passwordHash,
        PROVISIONED_PROFILE,
      ]);
      return true;
    });
  }

  /** A provisioned station refused a setting that follows the password: shown on the station resource. */
  async noteFollowUp(stationId: string, detail: string): Promise<void> {
    await this.dataSource.query(`UPDATE ${PROVISIONING} SET last_detail = $2, updated_at = now() WHERE station_id = $1`, [stationId, detail]);
  }

  async find(stationId: string): Promise<ProvisioningRecord | undefined> {
    const [row] = await queryRows<ProvisioningRow>(
      this.dataSource,
      `SELECT state, attempts, last_outcome, last_detail, last_attempt_at, next_attempt_at, provisioned_at FROM ${PROVISIONING} WHERE station_id = $1`,
      [stationId],
    );
    return row && recordOf(row);
  }

  private async queue(executor: SqlExecutor, stationId: string): Promise<void> {
    await executor.query(
      `INSERT INTO ${PROVISIONING} (station_id, state) VALUES ($1, 'waiting')
       ON CONFLICT (station_id) DO UPDATE SET state = 'waiting', attempts = 0, last_outcome = NULL, last_detail = NULL, last_attempt_at = NULL,
         next_attempt_at = now(), provisioned_at = NULL, updated_at = now()`,
      [stationId],
    );
  }
}

function recordOf(row: ProvisioningRow): ProvisioningRecord {
  return {
    state: row.state,
    attempts: Number(row.attempts),
    lastOutcome: row.last_outcome,
    lastDetail: row.last_detail,
    lastAttemptAt: row.last_attempt_at === null ? null : new Date(row.last_attempt_at),
    nextAttemptAt: new Date(row.next_attempt_at),
    provisionedAt: row.provisioned_at === null ? null : new Date(row.provisioned_at),
  };
}
