import type { FieldError } from '@app/runtime';
import type { NodeRecord } from './topology.model';

/** Where each new node came from in the request body (nodeRecordsOf), for the field of an error. */
type Paths = ReadonlyMap<string, string>;

const at = (paths: Paths, nodeId: string, field: string) => `${paths.get(nodeId) ?? 'body'}.${field}`;

/** New nodes whose id a node of the site has already. */
export function idConflicts(records: readonly NodeRecord[], paths: Paths, existing: readonly { nodeId: string }[], siteId: string): FieldError[] {
  const ids = new Set(existing.map((node) => node.nodeId));
  return records.filter((record) => ids.has(record.nodeId)).map((record) => ({ field: at(paths, record.nodeId, 'nodeId'), message: `site ${siteId} has a node ${record.nodeId} already` }));
}

/** New EVSEs whose id another EVSE of the same charger has already. */
export function evseConflicts(records: readonly NodeRecord[], paths: Paths, existing: readonly NodeRecord[]): FieldError[] {
  const taken = new Map(existing.filter((node) => node.kind === 'evse').map((node) => [`${node.parentId}\u0000${node.evseId}`, node.nodeId]));
  return records.flatMap((record) => {
    const other = record.kind === 'evse' ? taken.get(`${record.parentId}\u0000${record.evseId}`) : undefined;
    return other === undefined || other === record.nodeId ? [] : [{ field: at(paths, record.nodeId, 'evseId'), message: `charger ${record.parentId} has EVSE ${record.evseId} already (node ${other})` }];
  });
}

/** New chargers whose station is the charger of another node, in this site or another. */
export function stationConflicts(
  records: readonly NodeRecord[],
  paths: Paths,
  holders: readonly { siteId: string; nodeId: string; stationId: string }[],
  siteId: string,
): FieldError[] {
  return records.flatMap((record) => {
    const holder = holders.find((candidate) => candidate.stationId === record.stationId && !(candidate.siteId === siteId && candidate.nodeId === record.nodeId));
    return holder === undefined ? [] : [{ field: at(paths, record.nodeId, 'stationId'), message: `station ${holder.stationId} is the charger ${holder.nodeId} of site ${holder.siteId} already` }];
  });
}
