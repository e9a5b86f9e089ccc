import type { LimitValue } from '../limits/effective-limit';
import type { GridPhase, NodeKind, NodeRecord, PhaseCount, StoredNode } from './topology.model';

/** A row of smart_charging.node. */
export interface NodeRow {
  node_id: string;
  kind: NodeKind;
  parent_id: string | null;
  label: string | null;
  limit_l1_a: number | null;
  limit_l2_a: number | null;
  limit_l3_a: number | null;
  limit_total_w: number | null;
  station_id: string | null;
  wiring: GridPhase[] | null;
  rating_max_a: number | null;
  rating_phases: PhaseCount | null;
  evse_id: number | null;
  min_a: number | null;
  max_a: number | null;
  phases: PhaseCount | null;
  priority: number | null;
  version: number;
  created_at: Date;
  updated_at: Date;
}

export const NODE_COLUMNS =
  'node_id, kind, parent_id, label, limit_l1_a, limit_l2_a, limit_l3_a, limit_total_w, station_id, wiring, rating_max_a, rating_phases, evse_id, min_a, max_a, phases, priority, version, created_at, updated_at';

/** The columns a write sets, as `jsonb_to_recordset` reads them. */
export const NODE_RECORD_TYPES =
  'node_id text, kind text, parent_id text, parent_kind text, label text, limit_l1_a double precision, limit_l2_a double precision, limit_l3_a double precision, limit_total_w double precision, station_id text, wiring text[], rating_max_a double precision, rating_phases smallint, evse_id integer, min_a double precision, max_a double precision, phases smallint, priority integer';

export function limitOfColumns(l1: number | null, l2: number | null, l3: number | null, totalW: number | null): LimitValue | null {
  const perPhaseA = l1 !== null && l2 !== null && l3 !== null ? { perPhaseA: [l1, l2, l3] as [number, number, number] } : {};
  const total = totalW !== null ? { totalW } : {};
  return l1 === null && totalW === null ? null : { ...perPhaseA, ...total };
}

export function nodeOfRow(row: NodeRow): StoredNode {
  return {
    nodeId: row.node_id,
    kind: row.kind,
    parentId: row.parent_id,
    label: row.label,
    limit: limitOfColumns(row.limit_l1_a, row.limit_l2_a, row.limit_l3_a, row.limit_total_w),
    stationId: row.station_id,
    wiring: row.wiring,
    rating: row.rating_max_a !== null && row.rating_phases !== null ? { maxA: row.rating_max_a, phases: row.rating_phases } : null,
    evseId: row.evse_id,
    minA: row.min_a,
    maxA: row.max_a,
    phases: row.phases,
    priority: row.priority,
    version: row.version,
    createdAt: new Date(row.created_at),
    updatedAt: new Date(row.updated_at),
  };
}

/** A record as the columns a write sets (with the kind of its parent, which the parent foreign key checks). */
export function columnsOf(record: NodeRecord, parentKind: NodeKind | null): Record<string, unknown> {
  return {
    node_id: record.nodeId,
    kind: record.kind,
    parent_id: record.parentId,
    parent_kind: parentKind,
    label: record.label,
    limit_l1_a: record.limit?.perPhaseA?.[0] ?? null,
    limit_l2_a: record.limit?.perPhaseA?.[1] ?? null,
    limit_l3_a: record.limit?.perPhaseA?.[2] ?? null,
    limit_total_w: record.limit?.totalW ?? null,
    station_id: record.stationId,
    wiring: record.wiring,
    rating_max_a: record.rating?.maxA ?? null,
    rating_phases: record.rating?.phases ?? null,
    evse_id: record.evseId,
    min_a: record.minA,
    max_a: record.maxA,
    phases: record.phases,
    priority: record.priority,
  };
}
