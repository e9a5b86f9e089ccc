import type { ProfilePurpose } from '../dispatch/planned-profile';
import type { StoredNode } from '../topology/topology.model';

/** Where a station sits in a site: its charger node and its EVSEs' nodes. */
export interface StationPlace {
  siteId: string;
  chargerNodeId: string;
  /** EVSE node ids by EVSE id. */
  evseNodes: ReadonlyMap<number, string>;
}

export function stationPlaceOf(siteId: string, chargerNodeId: string, nodes: readonly StoredNode[]): StationPlace {
  const evseNodes = new Map<number, string>();
  for (const node of nodes) if (node.kind === 'evse' && node.parentId === chargerNodeId && node.evseId !== null) evseNodes.set(node.evseId, node.nodeId);
  return { siteId, chargerNodeId, evseNodes };
}

/**
 * The nodes a limit set on the station by others applies to: an EVSE's node (the charger's when
 * the topology does not list that EVSE); the charger's for the whole station (evseId 0), except a
 * station-wide TxDefaultProfile, which limits each EVSE on its own: every EVSE node then.
 */
export function limitedNodes(place: StationPlace, evseId: number, purpose?: ProfilePurpose): string[] {
  if (evseId > 0) return [place.evseNodes.get(evseId) ?? place.chargerNodeId];
  if (purpose === 'tx-default' && place.evseNodes.size > 0) return [...place.evseNodes.values()];
  return [place.chargerNodeId];
}
