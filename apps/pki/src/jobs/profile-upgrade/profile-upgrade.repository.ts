import { InjectDataSource, queryRows } from '@app/persistence';
import { Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { PKI_SCHEMA } from '@app/pki/persistence/pki-schema';

export type UpgradeStatus = 'running' | 'succeeded' | 'failed';
/** Forward steps in order, then the rollback; `done` once finished. */
export type UpgradeStep = 'installRoot' | 'configure' | 'reset' | 'awaitReconnect' | 'raiseMinimum' | 'rollback' | 'done';

/** One step as it went: the command, the station's answer (neutral form) and whether it worked. */
export interface StepRecord {
  step: UpgradeStep;
  action: string;
  ok: boolean;
  at: string;
  answer?: unknown;
  detail?: string;
}

export interface ProfileUpgrade {
  id: string;
  stationId: string;
  protocol: '1.6' | '2.0.1';
  fromProfile: number;
  toProfile: number;
  csmsUrl: string;
  status: UpgradeStatus;
  step: UpgradeStep;
  steps: StepRecord[];
  previousPriority: string | null;
  networkSlot: number | null;
  deadline: Date | null;
  reason: string | null;
  requestedBy: string | null;
  /** The replica driving the job and until when its lease holds (see upgrade-lease). */
  runner: string | null;
  leaseUntil: Date | null;
  createdAt: Date;
  finishedAt: Date | null;
  updatedAt: Date;
}

interface Row {
  id: string;
  station_id: string;
  protocol: '1.6' | '2.0.1';
  from_profile: number;
  to_profile: number;
  csms_url: string;
  status: UpgradeStatus;
  step: UpgradeStep;
  steps: StepRecord[];
  previous_priority: string | null;
  network_slot: number | null;
  deadline: Date | null;
  reason: string | null;
  requested_by: string | null;
  runner: string | null;
  lease_until: Date | null;
  created_at: Date;
  finished_at: Date | null;
  updated_at: Date;
}

const TABLE = `"${PKI_SCHEMA}"."profile_upgrade"`;
const AUTHORITIES = `"${PKI_SCHEMA}"."certificate_authority"`;
const dateOrNull = (value: Date | null): Date | null => (value ? new Date(value) : null);

function upgradeOf(row: Row): ProfileUpgrade {
  return {
    id: row.id,
    stationId: row.station_id,
    protocol: row.protocol,
    fromProfile: row.from_profile,
    toProfile: row.to_profile,
    csmsUrl: row.csms_url,
    status: row.status,
    step: row.step,
    steps: row.steps,
    previousPriority: row.previous_priority,
    networkSlot: row.network_slot,
    deadline: dateOrNull(row.deadline),
    reason: row.reason,
    requestedBy: row.requested_by,
    runner: row.runner,
    leaseUntil: dateOrNull(row.lease_until),
    createdAt: new Date(row.created_at),
    finishedAt: dateOrNull(row.finished_at),
    updatedAt: new Date(row.updated_at),
  };
}

export type NewUpgrade = Pick<ProfileUpgrade, 'id' | 'stationId' | 'protocol' | 'fromProfile' | 'toProfile' | 'csmsUrl' | 'requestedBy'>;

/** The profile_upgrade rows: every job with its steps, so a restarted PKI carries on where it was. */
@Injectable()
export class ProfileUpgradeRepository {
  constructor(@InjectDataSource(PKI_SCHEMA) private readonly dataSource: DataSource) {}

  /** Inserts a running job; false when the station already has one running. */
  async start(upgrade: NewUpgrade): Promise<boolean> {
    const rows = await queryRows<{ id: string }>(
      this.dataSource,
      `INSERT INTO ${TABLE} (id, station_id, protocol, from_profile, to_profile, csms_url, status, step, requested_by)
       VALUES ($1, $2, $3, $4, $5, $6, 'running', 'installRoot', $7) ON CONFLICT DO NOTHING RETURNING id`,
      [upgrade.id, upgrade.stationId, upgrade.protocol, upgrade.fromProfile, upgrade.toProfile, upgrade.csmsUrl, upgrade.requestedBy],
    );
    return rows.length === 1;
  }

  /**
   * Takes or renews the job's lease for `runner` (the same rule as mayDrive, decided atomically
   * here): false when another runner holds an unexpired lease, or the job is no longer running.
   */
  async lease(id: string, runner: string, seconds: number): Promise<boolean> {
    const rows = await queryRows<{ id: string }>(
      this.dataSource,
      `UPDATE ${TABLE} SET runner = $2, lease_until = now() + make_interval(secs => $3)
       WHERE id = $1 AND status = 'running' AND (runner IS NULL OR runner = $2 OR lease_until IS NULL OR lease_until < now()) RETURNING id`,
      [id, runner, seconds],
    );
    return rows.length > 0;
  }

  /** Records steps and moves the job on to `next` (with whatever else changed); a no-op unless `runner` holds the job. */
  async advance(id: string, runner: string, records: StepRecord[], next: UpgradeStep, changes: { previousPriority?: string; networkSlot?: number; deadline?: Date | null; reason?: string } = {}): Promise<void> {
    await this.dataSource.query(
      `UPDATE ${TABLE} SET steps = steps || $2::jsonb, step = $3,
         previous_priority = COALESCE($4, previous_priority), network_slot = COALESCE($5, network_slot),
         deadline = CASE WHEN $6::boolean THEN $7::timestamptz ELSE deadline END,
         reason = COALESCE($8, reason), updated_at = now()
       WHERE id = $1 AND status = 'running' AND runner = $9`,
      [id, JSON.stringify(records), next, changes.previousPriority ?? null, changes.networkSlot ?? null, 'deadline' in changes, changes.deadline ?? null, changes.reason ?? null, runner],
    );
  }

  /** Ends the job and releases its lease; a no-op unless `runner` holds the job. */
  async finish(id: string, runner: string, status: 'succeeded' | 'failed', records: StepRecord[], reason?: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE ${TABLE} SET steps = steps || $2::jsonb, status = $3, step = 'done', reason = COALESCE($4, reason), finished_at = now(), updated_at = now(), lease_until = NULL
       WHERE id = $1 AND status = 'running' AND runner = $5`,
      [id, JSON.stringify(records), status, reason ?? null, runner],
    );
  }

  async find(id: string): Promise<ProfileUpgrade | undefined> {
    const [row] = await queryRows<Row>(this.dataSource, `SELECT * FROM ${TABLE} WHERE id = $1`, [id]);
    return row && upgradeOf(row);
  }

  async running(): Promise<ProfileUpgrade[]> {
    return (await queryRows<Row>(this.dataSource, `SELECT * FROM ${TABLE} WHERE status = 'running' ORDER BY created_at`)).map(upgradeOf);
  }

  /** Newest first; of `stationIds` only (the caller's tenant's), when given. */
  async list(stationId: string | undefined, limit: number, stationIds?: readonly string[]): Promise<ProfileUpgrade[]> {
    const rows = await queryRows<Row>(
      this.dataSource,
      `SELECT * FROM ${TABLE} WHERE ($1::text IS NULL OR station_id = $1) AND ($3::text[] IS NULL OR station_id = ANY($3::text[])) ORDER BY created_at DESC, id DESC LIMIT $2`,
      [stationId ?? null, limit, stationIds === undefined ? null : [...stationIds]],
    );
    return rows.map(upgradeOf);
  }

  /**
   * The CSMS root to install: the root the active station sub-CA hangs under (the chain stations
   * and the gateway live in), else the newest valid root. Roots themselves are never "active".
   */
  async activeRootPem(): Promise<string | undefined> {
    const [row] = await queryRows<{ certificate_pem: string }>(
      this.dataSource,
      `SELECT r.certificate_pem FROM ${AUTHORITIES} r
       WHERE r.role = 'root' AND r.not_before <= now() AND r.not_after > now()
       ORDER BY (r.id = (SELECT s.parent_id FROM ${AUTHORITIES} s WHERE s.role = 'stationSubCa' AND s.active LIMIT 1)) DESC NULLS LAST, r.created_at DESC
       LIMIT 1`,
    );
    return row?.certificate_pem;
  }

  /** True when we issued the station a client certificate that is valid now and not revoked (profile 3 needs one). */
  async holdsClientCertificate(stationId: string): Promise<boolean> {
    const rows = await queryRows<{ serial_number: string }>(
      this.dataSource,
      `SELECT c.serial_number FROM "${PKI_SCHEMA}"."issued_certificate" c
       WHERE c.station_id = $1 AND c.certificate_type = 'ChargingStationCertificate' AND c.not_before <= now() AND c.not_after > now()
         AND NOT EXISTS (SELECT 1 FROM "${PKI_SCHEMA}"."revocation" r WHERE r.issuer_id = c.issuer_ca_id AND r.serial_number = c.serial_number)
       LIMIT 1`,
      [stationId],
    );
    return rows.length > 0;
  }
}
