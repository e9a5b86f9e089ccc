import type { SqlExecutor } from '@app/persistence';
import { Injectable } from '@nestjs/common';
import type { AuditEntry } from '../audit/audit-entry';
import { AuditLogRepository } from '../audit/audit-log.repository';
import { evseConflicts, idConflicts, stationConflicts } from './node-conflicts';
import { TopologyErrorCode, type TopologyResult, failedFields, succeeded } from './topology.error';
import type { NodeKind, NodeRecord, StoredNode } from './topology.model';
import { StationTenancyCheck } from './station-tenancy.check';
import { TopologyRepository } from './topology.repository';
import { nodeViewOf } from './topology.view';

/** New nodes of a site, checked against what the site (and, for stations, every site) has. */
export interface NodeAddition {
  siteId: string;
  records: readonly NodeRecord[];
  /** Where each record came from in the request body, for the field of an error. */
  paths: ReadonlyMap<string, string>;
  /** The site's nodes before the addition. */
  existing: readonly StoredNode[];
  /** The site's tenant: named stations must be its (null: no check). */
  tenant: string | null;
  actor: string;
}

/** Topology writes shared by the use cases: added nodes with their audit entries, inside the caller's transaction. */
@Injectable()
export class TopologyWriter {
  constructor(
    private readonly topology: TopologyRepository,
    private readonly audit: AuditLogRepository,
    private readonly stationTenancy: StationTenancyCheck,
  ) {}

  /** Adds the nodes after checking ids, EVSE ids and station ids against what exists; audits each. */
  async addNodes(manager: SqlExecutor, addition: NodeAddition): Promise<TopologyResult<StoredNode[]>> {
    const { siteId, records, paths, existing } = addition;
    const ids = idConflicts(records, paths, existing, siteId);
    if (ids.length > 0) return failedFields(TopologyErrorCode.nodeExists, ids);
    const evses = evseConflicts(records, paths, existing);
    if (evses.length > 0) return failedFields(TopologyErrorCode.evseExists, evses);
    // The tenant first: whether another tenant's station is the charger of some site is not the caller's to learn.
    const named = records.flatMap((record) => (record.stationId === null ? [] : [{ stationId: record.stationId, field: `${paths.get(record.nodeId) ?? 'body'}.stationId` }]));
    const tenancy = await this.stationTenancy.check(addition.tenant, named);
    if (!tenancy.ok) return tenancy;
    const stationIds = named.map(({ stationId }) => stationId);
    const stations = stationConflicts(records, paths, await this.topology.chargersOfStations(manager, stationIds), siteId);
    if (stations.length > 0) return failedFields(TopologyErrorCode.stationAssigned, stations);
    const kinds = new Map<string, NodeKind>([...existing, ...records].map((node) => [node.nodeId, node.kind]));
    const stored = await this.topology.insertNodes(
      manager,
      siteId,
      records.map((record) => ({ record, parentKind: record.parentId === null ? null : (kinds.get(record.parentId) ?? null) })),
    );
    const byId = new Map(stored.map((node) => [node.nodeId, node]));
    await this.record(
      manager,
      records.flatMap((record) => {
        const node = byId.get(record.nodeId);
        return node ? [this.entry(siteId, addition.actor, 'node-created', null, node)] : [];
      }),
    );
    return succeeded(stored);
  }

  entry(siteId: string, actor: string, action: AuditEntry['action'], before: StoredNode | null, after: StoredNode | null): AuditEntry {
    const nodeId = after?.nodeId ?? before?.nodeId ?? null;
    return { siteId, nodeId, source: null, action, actor, before: before && nodeViewOf(before), after: after && nodeViewOf(after) };
  }

  record(manager: SqlExecutor, entries: readonly AuditEntry[]): Promise<void> {
    return this.audit.record(manager, entries);
  }
}
