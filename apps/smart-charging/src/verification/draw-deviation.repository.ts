import { InjectDataSource, pgText, queryRows, sqlParameters, whereClause } from '@app/persistence';
import { Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { SMART_CHARGING_SCHEMA } from '../persistence/smart-charging-schema';
import type { StationPhase } from '../sessions/station-fact';
import type { DrawDeviation } from './draw-deviation';

const TABLE = `"${SMART_CHARGING_SCHEMA}"."draw_deviation"`;
const COLUMNS = 'id::text AS id, site_id, station_id, evse_id, transaction_id, phases, allowed_a, drawn_peak_a, excess_peak_a, opened_at, closed_at';

export interface DrawDeviationRow {
  id: string;
  site_id: string;
  station_id: string;
  evse_id: number;
  transaction_id: string;
  phases: StationPhase[];
  allowed_a: number;
  drawn_peak_a: number;
  excess_peak_a: number;
  opened_at: Date;
  closed_at: Date | null;
}

export interface DeviationFilter {
  siteId: string;
  /** Closed ones too, if they closed at or after this; open ones always. */
  closedSince?: Date;
  /** Keyset: the id of the last row of the previous page. */
  beforeId?: string;
  limit: number;
}

/** The deviation an open row stands for; until its next judgement its excess is taken at its peak on the phases that were over (the safe side). */
function deviationOf(row: DrawDeviationRow): DrawDeviation {
  return {
    siteId: row.site_id,
    stationId: row.station_id,
    evseId: row.evse_id,
    transactionId: row.transaction_id,
    phases: row.phases,
    allowedA: row.allowed_a,
    drawnPeakA: row.drawn_peak_a,
    excessPeakA: row.excess_peak_a,
    excessA: Object.fromEntries(row.phases.map((phase) => [phase, row.excess_peak_a])),
    openedAt: new Date(row.opened_at).getTime(),
    closedAt: row.closed_at === null ? undefined : new Date(row.closed_at).getTime(),
  };
}

/**
 * Draw deviations, one row each. An open one is found by its EVSE (at most one open per EVSE), so
 * writers need not wait for the id of the row they opened.
 */
@Injectable()
export class DrawDeviationRepository {
  constructor(@InjectDataSource(SMART_CHARGING_SCHEMA) private readonly dataSource: DataSource) {}

  async loadOpen(): Promise<DrawDeviation[]> {
    const rows = await queryRows<DrawDeviationRow>(this.dataSource, `SELECT ${COLUMNS} FROM ${TABLE} WHERE closed_at IS NULL`);
    return rows.map(deviationOf);
  }

  /** Stores a deviation just opened; one left open for the EVSE (its close was lost) is closed when this one opens. */
  async open(deviation: DrawDeviation): Promise<void> {
    await this.dataSource.query(`UPDATE ${TABLE} SET closed_at = GREATEST(opened_at, $3) WHERE station_id = $1 AND evse_id = $2 AND closed_at IS NULL`, [
      deviation.stationId,
      deviation.evseId,
      new Date(deviation.openedAt),
    ]);
    await this.dataSource.query(
      `INSERT INTO ${TABLE} (site_id, station_id, evse_id, transaction_id, phases, allowed_a, drawn_peak_a, excess_peak_a, opened_at)
       VALUES ($1, $2, $3, $4, $5::text[], $6, $7, $8, $9)`,
      [
        deviation.siteId,
        deviation.stationId,
        deviation.evseId,
        pgText(deviation.transactionId),
        deviation.phases,
        deviation.allowedA,
        deviation.drawnPeakA,
        deviation.excessPeakA,
        new Date(deviation.openedAt),
      ],
    );
  }

  /** Stores what changed of an open deviation, or that it closed. */
  async update(deviation: DrawDeviation): Promise<void> {
    await this.dataSource.query(
      `UPDATE ${TABLE} SET phases = $3::text[], allowed_a = $4, drawn_peak_a = $5, excess_peak_a = $6, closed_at = $7
        WHERE station_id = $1 AND evse_id = $2 AND closed_at IS NULL`,
      [
        deviation.stationId,
        deviation.evseId,
        deviation.phases,
        deviation.allowedA,
        deviation.drawnPeakA,
        deviation.excessPeakA,
        deviation.closedAt === undefined ? null : new Date(deviation.closedAt),
      ],
    );
  }

  /** A site's deviations, newest first: the open ones, and those closed since `closedSince`. */
  async list(filter: DeviationFilter): Promise<DrawDeviationRow[]> {
    const { values, bind } = sqlParameters();
    const conditions = [`site_id = ${bind(filter.siteId)}`];
    conditions.push(filter.closedSince === undefined ? 'closed_at IS NULL' : `(closed_at IS NULL OR closed_at >= ${bind(filter.closedSince)})`);
    if (filter.beforeId !== undefined) conditions.push(`id < ${bind(filter.beforeId)}::bigint`);
    return queryRows<DrawDeviationRow>(this.dataSource, `SELECT ${COLUMNS} FROM ${TABLE} ${whereClause(conditions)} ORDER BY id DESC LIMIT ${bind(filter.limit)}`, values);
  }
}
