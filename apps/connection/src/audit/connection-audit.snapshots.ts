import type { AuditSnapshotSource } from '@app/runtime';
import { Injectable } from '@nestjs/common';
import { IdTokenStoreRepository } from '../api/id-tokens/id-token-store.repository';
import { StationReadRepository } from '../api/stations/station-read.repository';

/**
 * A station's registration as the audit shows it: what an operator sets (status, profile, whether
 * it has a password, serial); never the password hash, and not what moves with every boot or
 * heartbeat (last seen, firmware), which no REST call changes.
 */
@Injectable()
export class StationRegistrationSnapshot implements AuditSnapshotSource {
  constructor(private readonly stations: StationReadRepository) {}

  async snapshot(stationId: string): Promise<unknown> {
    const row = await this.stations.find(stationId);
    if (row === undefined) return null;
    return { id: row.id, registrationStatus: row.registration_status, securityProfile: Number(row.security_profile), hasPassword: row.has_password, serialNumber: row.serial_number };
  }
}

/** An id token as Authorize decides by it. */
@Injectable()
export class IdTokenSnapshot implements AuditSnapshotSource {
  constructor(private readonly idTokens: IdTokenStoreRepository) {}

  async snapshot(value: string): Promise<unknown> {
    const row = await this.idTokens.find(value);
    if (row === undefined) return null;
    return { value: row.value, type: row.type, status: row.status, expiresAt: row.expires_at === null ? null : new Date(row.expires_at).toISOString(), groupIdToken: row.group_id_token };
  }
}
