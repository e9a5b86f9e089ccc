import { InjectDataSource, pgJson, queryRows } from '@app/persistence';
import { Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { CONNECTION_SCHEMA } from '../persistence/connection-schema';
import { insertWithFreshRequestId } from '../persistence/operator-request-id';

const PUBLISHED = `"${CONNECTION_SCHEMA}"."published_firmware"`;

/** Our own statuses around the station's PublishFirmwareStatusEnumType: asked, refused, withdrawn. */
export type PublicationStatus = 'Requested' | 'Rejected' | 'Failed' | 'Unpublished' | string;

export interface FirmwarePublication {
  requestId: number;
  location: string | null;
  checksum: string | null;
  status: PublicationStatus;
  /** Where the local controller publishes the firmware (status Published). */
  locations: string[] | null;
  requestedAt: Date | null;
  updatedAt: Date;
}

interface Row {
  request_id: number;
  location: string | null;
  checksum: string | null;
  status: string;
  locations: string[] | null;
  requested_at: Date | null;
  updated_at: Date;
}

/** connection.published_firmware: per station and requestId, what a local controller was asked to publish and how far it got. */
@Injectable()
export class PublishedFirmwareRepository {
  constructor(@InjectDataSource(CONNECTION_SCHEMA) private readonly dataSource: DataSource) {}

  /** A new PublishFirmware, stored before it is sent so that its first status notification finds it. */
  async create(stationId: string, location: string, checksum: string): Promise<number> {
    return insertWithFreshRequestId(this.dataSource, 'firmware publishing', async (requestId) => {
      const created = await queryRows<{ request_id: number }>(
        this.dataSource,
        `INSERT INTO ${PUBLISHED} (station_id, request_id, location, checksum, status, requested_at) VALUES ($1, $2, $3, $4, 'Requested', now())
         ON CONFLICT (station_id, request_id) DO NOTHING RETURNING request_id`,
        [stationId, requestId, location, checksum],
      );
      return created.length > 0;
    });
  }

  /** The station refused the request or never got it; a status it already reported stays. */
  async refuse(stationId: string, requestId: number, status: 'Rejected' | 'Failed'): Promise<void> {
    await this.dataSource.query(`UPDATE ${PUBLISHED} SET status = $3, updated_at = now() WHERE station_id = $1 AND request_id = $2 AND status = 'Requested'`, [
      stationId,
      requestId,
      status,
    ]);
  }

  /** A PublishFirmwareStatusNotification; locations are kept from Published on until a new location list comes. */
  async report(stationId: string, requestId: number, status: string, locations: readonly string[] | undefined): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO ${PUBLISHED} AS published (station_id, request_id, status, locations) VALUES ($1, $2, $3, $4::jsonb)
       ON CONFLICT (station_id, request_id) DO UPDATE
         SET status = EXCLUDED.status, locations = COALESCE(EXCLUDED.locations, published.locations), updated_at = now()`,
      [stationId, requestId, status, pgJson(locations)],
    );
  }

  /** UnpublishFirmware answered Unpublished: every publication of that checksum is withdrawn. */
  async unpublished(stationId: string, checksum: string): Promise<void> {
    await this.dataSource.query(`UPDATE ${PUBLISHED} SET status = 'Unpublished', updated_at = now() WHERE station_id = $1 AND checksum = $2`, [stationId, checksum]);
  }

  async list(stationId: string): Promise<FirmwarePublication[]> {
    const rows = await queryRows<Row>(
      this.dataSource,
      `SELECT request_id, location, checksum, status, locations, requested_at, updated_at FROM ${PUBLISHED} WHERE station_id = $1 ORDER BY request_id DESC`,
      [stationId],
    );
    return rows.map((row) => ({
      requestId: row.request_id,
      location: row.location,
      checksum: row.checksum,
      status: row.status,
      locations: row.locations,
      requestedAt: row.requested_at === null ? null : new Date(row.requested_at),
      updatedAt: new Date(row.updated_at),
    }));
  }
}
