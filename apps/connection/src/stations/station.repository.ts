import { InjectDataSource, namedStatement, queryRows } from '@app/persistence';
import { Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { CONNECTION_SCHEMA } from '../persistence/connection-schema';
import { type RegistrationStatus, isRegistrationStatus } from './registration-status';
import { StationRegistryError, StationRegistryErrorCode } from './station-registry.error';

/** What the gateway needs to know about a station to authenticate it. */
export interface StationSecurity {
  id: string;
  securityProfile: number;
  passwordHash: string | null;
  serialNumber: string | null;
}

/** What a station says about itself in BootNotification, whatever its OCPP version. */
export interface ReportedIdentity {
  vendor: string;
  model: string;
  serialNumber: string | undefined;
  firmwareVersion: string | undefined;
}

export interface RecordedBoot {
  registration: RegistrationStatus;
  /** The serial number on record after the boot (the registered one wins over the reported one). */
  serialNumber: string | null;
}

export type AcceptPendingResult = { ok: true } | { ok: false; error: StationRegistryError };

interface SecurityRow {
  id: string;
  security_profile: number;
  password_hash: string | null;
  serial_number: string | null;
}

const securityOf = (row: SecurityRow): StationSecurity => ({
  id: row.id,
  securityProfile: Number(row.security_profile),
  passwordHash: row.password_hash,
  serialNumber: row.serial_number,
});

// Every opening handshake runs one of these (a boot storm: thousands a second), so they are
// named statements (ADR 012) rather than TypeORM queries built anew each time.
const FIND_SECURITY = namedStatement(
  'station_find_security',
  `SELECT id, security_profile, password_hash, serial_number FROM "${CONNECTION_SCHEMA}"."station" WHERE id = $1`,
);

// The SELECT sees the table as it was before the INSERT: it returns the station only when it existed already.
const REGISTER_WITHOUT_CREDENTIALS = namedStatement(
  'station_register_without_credentials',
  `WITH inserted AS (
      INSERT INTO "${CONNECTION_SCHEMA}"."station" (id, security_profile, auto_registered, registration_status) VALUES ($1, 0, true, $2)
        ON CONFLICT (id) DO NOTHING
        RETURNING id, security_profile, password_hash, serial_number
    )
    SELECT id, security_profile, password_hash, serial_number FROM inserted
    UNION ALL
    SELECT id, security_profile, password_hash, serial_number FROM "${CONNECTION_SCHEMA}"."station" WHERE id = $1`,
);

@Injectable()
export class StationRepository {
  /**
   * On the registry pool: the upgrade's lookup and first-contact registration never wait behind
   * message writes on the main pool (ADR 033).
   */
  constructor(
    @InjectDataSource(CONNECTION_SCHEMA) private readonly dataSource: DataSource,
    @InjectDataSource(CONNECTION_SCHEMA, 'registry') private readonly registry: DataSource,
  ) {}

  async findSecurity(id: string): Promise<StationSecurity | undefined> {
    const [row] = await queryRows<SecurityRow>(this.registry, FIND_SECURITY, [id]);
    return row ? securityOf(row) : undefined;
  }

  /**
   * First contact: registers an unknown station without credentials, accepted (embedded mode) or
   * pending an operator's decision, in one round trip. Idempotent: an existing station is left as it is.
   */
  async registerWithoutCredentials(id: string, registrationStatus: 'accepted' | 'pending' = 'accepted'): Promise<StationSecurity> {
    const [row] = await queryRows<SecurityRow>(this.registry, REGISTER_WITHOUT_CREDENTIALS, [id, registrationStatus]);
    if (row) return securityOf(row);
    // Registered meanwhile by a concurrent first contact, committed after this statement's snapshot.
    const station = await this.findSecurity(id);
    if (!station) throw new Error(`station ${id} vanished right after registration`);
    return station;
  }

  async findRegistration(id: string): Promise<RegistrationStatus | undefined> {
    const rows = await queryRows<{ registration_status: string }>(
      this.dataSource,
      `SELECT registration_status FROM "${CONNECTION_SCHEMA}"."station" WHERE id = $1`,
      [id],
    );
    const status = rows[0]?.registration_status;
    return isRegistrationStatus(status) ? status : undefined;
  }

  /** Stores what the station reported at boot; undefined when the station is no longer registered. */
  async recordBoot(id: string, identity: ReportedIdentity, at: Date): Promise<RecordedBoot | undefined> {
    const rows = await queryRows<{ registration_status: string; serial_number: string | null }>(
      this.dataSource,
      `UPDATE "${CONNECTION_SCHEMA}"."station"
          SET vendor = $2, model = $3, firmware_version = $4, serial_number = COALESCE(serial_number, $5),
              last_boot_at = $6, last_seen_at = $6, updated_at = now()
        WHERE id = $1
        RETURNING registration_status, serial_number`,
      [id, identity.vendor, identity.model, identity.firmwareVersion ?? null, identity.serialNumber ?? null, at],
    );
    const row = rows[0];
    if (!row || !isRegistrationStatus(row.registration_status)) return undefined;
    return { registration: row.registration_status, serialNumber: row.serial_number };
  }

  /** An operator accepts a Pending station: its next BootNotification is Accepted. */
  async acceptPending(id: string): Promise<AcceptPendingResult> {
    const rows = await queryRows<{ id: string }>(
      this.dataSource,
      `UPDATE "${CONNECTION_SCHEMA}"."station" SET registration_status = 'accepted', updated_at = now()
        WHERE id = $1 AND registration_status = 'pending' RETURNING id`,
      [id],
    );
    if (rows.length === 1) return { ok: true };
    const current = await this.findRegistration(id);
    if (current === undefined)
      return { ok: false, error: new StationRegistryError(StationRegistryErrorCode.unknownStation, `station ${id} is not registered`) };
    return { ok: false, error: new StationRegistryError(StationRegistryErrorCode.notPending, `station ${id} is ${current}, not pending`) };
  }
}
