import { type GroupCommitter, InjectDataSource, type SqlExecutor, namedStatement, pgText, queryRows } from '@app/persistence';
import { Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { CONNECTION_SCHEMA } from '../persistence/connection-schema';
import { GroupCommits } from '../persistence/group-commits';
import { type RegistrationStatus, isRegistrationStatus } from './registration-status';

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

interface BootRow {
  id: string;
  identity: ReportedIdentity;
  at: string;
}

const RECORD_BOOTS = namedStatement(
  'station_record_boots',
  `UPDATE "${CONNECTION_SCHEMA}"."station" AS station
      SET vendor = boot.vendor, model = boot.model, firmware_version = boot.firmware_version,
          serial_number = COALESCE(station.serial_number, boot.serial_number), last_boot_at = boot.at, last_seen_at = boot.at, updated_at = now()
     FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::timestamptz[]) AS boot (id, vendor, model, firmware_version, serial_number, at)
    WHERE station.id = boot.id
    RETURNING station.id, station.registration_status, station.serial_number`,
);

@Injectable()
export class StationRepository {
  /**
   * On the registry pool: the upgrade's lookup and first-contact registration never wait behind
   * message writes on the main pool (ADR 033).
   */
  private readonly boots: GroupCommitter<BootRow, RecordedBoot | undefined>;

  constructor(
    @InjectDataSource(CONNECTION_SCHEMA) private readonly dataSource: DataSource,
    @InjectDataSource(CONNECTION_SCHEMA, 'registry') private readonly registry: DataSource,
    groupCommits: GroupCommits,
  ) {
    this.boots = groupCommits.committer('boot', (boots) => this.writeBoots(this.dataSource, boots), (executor) => this.writeBoots(executor, []));
  }

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

  /**
   * Stores what the station reported at boot, in a group commit with other stations' boots (a
   * boot storm is thousands a second); undefined when the station is no longer registered.
   */
  recordBoot(id: string, identity: ReportedIdentity, at: Date): Promise<RecordedBoot | undefined> {
    return this.boots.submit({ id, identity, at: at.toISOString() });
  }

  private async writeBoots(executor: SqlExecutor, boots: readonly BootRow[]): Promise<(RecordedBoot | undefined)[]> {
    // A station appears once per statement: its latest boot wins, as it would one statement later.
    const latest = new Map<string, BootRow>();
    for (const boot of boots) if ((latest.get(boot.id)?.at ?? '') <= boot.at) latest.set(boot.id, boot);
    const written = [...latest.values()];
    const rows = await queryRows<{ id: string; registration_status: string; serial_number: string | null }>(executor, RECORD_BOOTS, [
      written.map((boot) => boot.id),
      written.map((boot) => pgText(boot.identity.vendor)),
      written.map((boot) => pgText(boot.identity.model)),
      written.map((boot) => pgText(boot.identity.firmwareVersion)),
      written.map((boot) => pgText(boot.identity.serialNumber)),
      written.map((boot) => boot.at),
    ]);
    const byId = new Map(rows.map((row) => [row.id, row]));
    return boots.map((boot) => {
      const row = byId.get(boot.id);
      if (!row || !isRegistrationStatus(row.registration_status)) return undefined;
      return { registration: row.registration_status, serialNumber: row.serial_number };
    });
  }
}
