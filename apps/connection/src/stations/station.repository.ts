import { InjectDataSource, queryRows } from '@app/persistence';
import { Injectable } from '@nestjs/common';
import type { DataSource, Repository } from 'typeorm';
import { CONNECTION_SCHEMA } from '../persistence/connection-schema';
import { type RegistrationStatus, isRegistrationStatus } from './registration-status';
import { StationEntity } from './station.entity';
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

@Injectable()
export class StationRepository {
  /**
   * On the registry pool: the upgrade's lookup and first-contact registration never wait behind
   * message writes on the main pool (ADR 033).
   */
  private readonly registry: Repository<StationEntity>;

  constructor(
    @InjectDataSource(CONNECTION_SCHEMA) private readonly dataSource: DataSource,
    @InjectDataSource(CONNECTION_SCHEMA, 'registry') registryDataSource: DataSource,
  ) {
    this.registry = registryDataSource.getRepository(StationEntity);
  }

  async findSecurity(id: string): Promise<StationSecurity | undefined> {
    const station = await this.registry.findOne({
      where: { id },
      select: { id: true, securityProfile: true, passwordHash: true, serialNumber: true },
    });
    return station ?? undefined;
  }

  /**
   * First contact: registers an unknown station without credentials, accepted (embedded mode) or
   * pending an operator's decision. Idempotent: an existing station is left as it is.
   */
  async registerWithoutCredentials(id: string, registrationStatus: 'accepted' | 'pending' = 'accepted'): Promise<StationSecurity> {
    await this.registry.createQueryBuilder().insert().values({ id, securityProfile: 0, autoRegistered: true, registrationStatus }).orIgnore().execute();
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
