import { InjectDataSource, sqlParameters } from '@app/persistence';
import { Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { BOOT_HISTORY_TABLE, CONNECTION_HISTORY_TABLE, CONNECTION_SCHEMA, NOTIFICATION_HISTORY_TABLE, STATUS_HISTORY_TABLE, queryRows } from '../station-core.port';
import type { HistoryKind } from './station-history.schemas';

export interface HistoryRow {
  kind: HistoryKind;
  id: string;
  at: Date;
  /** at as PostgreSQL prints it: the exact sort key for cursors. */
  at_key: string;
  /** The kind's own fields, camelCase (built by the query). */
  details: Record<string, unknown>;
}

export interface HistoryFilter {
  stationId: string;
  kinds: readonly HistoryKind[];
  from?: Date;
  to?: Date;
  /** Keyset: [at, kind, id] of the last entry of the previous page. */
  before?: string[];
  limit: number;
}

/** Each kind's table and the fields of its entries. */
const sources: Readonly<Record<HistoryKind, { table: string; details: string }>> = {
  boot: {
    table: BOOT_HISTORY_TABLE,
    details: `jsonb_build_object('vendor', vendor, 'model', model, 'serialNumber', serial_number, 'firmwareVersion', firmware_version,
      'bootReason', boot_reason, 'status', status, 'statusReason', status_reason)`,
  },
  status: {
    table: STATUS_HISTORY_TABLE,
    details: `jsonb_build_object('evseId', evse_id, 'connectorId', connector_id, 'status', status, 'ocppStatus', ocpp_status,
      'errorCode', error_code, 'info', info, 'vendorErrorCode', vendor_error_code)`,
  },
  connection: {
    table: CONNECTION_HISTORY_TABLE,
    details: `jsonb_build_object('event', event, 'protocol', protocol, 'securityProfile', security_profile, 'replica', replica,
      'closeCode', close_code, 'reason', reason)`,
  },
  notification: {
    table: NOTIFICATION_HISTORY_TABLE,
    details: `jsonb_build_object('action', action, 'status', status, 'requestId', request_id, 'vendorId', vendor_id, 'messageId', message_id, 'data', data)`,
  },
};

/**
 * A station's boots, connector statuses, connections and notifications, merged newest first by (at, kind, id).
 * Each kind's newest `limit` rows past the cursor come from its own index, then the merge keeps
 * the newest `limit` of all.
 */
@Injectable()
export class StationHistoryReadRepository {
  constructor(@InjectDataSource(CONNECTION_SCHEMA) private readonly dataSource: DataSource) {}

  async list(filter: HistoryFilter): Promise<HistoryRow[]> {
    const { values: parameters, bind } = sqlParameters();
    const station = bind(filter.stationId);
    const limit = bind(filter.limit);
    const branches = filter.kinds.map((kind) => {
      const conditions = [`station_id = ${station}`];
      if (filter.from !== undefined) conditions.push(`at >= ${bind(filter.from)}`);
      if (filter.to !== undefined) conditions.push(`at < ${bind(filter.to)}`);
      if (filter.before !== undefined) conditions.push(afterCursor(kind, filter.before, bind));
      const { table, details } = sources[kind];
      return `(SELECT '${kind}' AS kind, id, at, at::text AS at_key, ${details} AS details FROM "${CONNECTION_SCHEMA}"."${table}"
                WHERE ${conditions.join(' AND ')} ORDER BY at DESC, id DESC LIMIT ${limit})`;
    });
    return queryRows<HistoryRow>(this.dataSource, `SELECT * FROM (${branches.join(' UNION ALL ')}) AS history ORDER BY at DESC, kind DESC, id DESC LIMIT ${limit}`, parameters);
  }
}

/**
 * Rows of `kind` that come after the cursor in (at DESC, kind DESC, id DESC) order, as a range on
 * the kind's (station_id, at, id) index: the same kind continues below the cursor's id; at the
 * cursor's instant, kinds sorting below the cursor's kind still come, those above are done.
 */
function afterCursor(kind: HistoryKind, [at, cursorKind, id]: string[], bind: (value: unknown) => string): string {
  if (kind === cursorKind) return `(at, id) < (${bind(at)}::timestamptz, ${bind(id)}::bigint)`;
  return kind < (cursorKind ?? '') ? `at <= ${bind(at)}::timestamptz` : `at < ${bind(at)}::timestamptz`;
}
