import { Injectable } from '@nestjs/common';
import { ancestorsOf } from './node-placement';
import { TopologyErrorCode, type TopologyResult, failed, succeeded } from './topology.error';
import { TopologyRepository } from './topology.repository';
import type { NodeLocationView } from './topology-view.schemas';
import { treeViewOf } from './topology.view';

/** Where a station (its charger node) or one of its EVSEs is in the topology: the site, the nodes above, the node. */
@Injectable()
export class StationNodesService {
  constructor(private readonly topology: TopologyRepository) {}

  async charger(stationId: string): Promise<TopologyResult<NodeLocationView>> {
    return this.locate(stationId, undefined);
  }

  async evse(stationId: string, evseId: number): Promise<TopologyResult<NodeLocationView>> {
    return this.locate(stationId, evseId);
  }

  private async locate(stationId: string, evseId: number | undefined): Promise<TopologyResult<NodeLocationView>> {
    const [charger] = await this.topology.chargersOfStations(this.topology.dataSource, [stationId]);
    if (charger === undefined) return failed(TopologyErrorCode.nodeNotFound, `station ${stationId} is the charger of no site`);
    const { nodes } = await this.topology.siteWithNodes(charger.siteId);
    const node = evseId === undefined ? nodes.find((candidate) => candidate.nodeId === charger.nodeId) : nodes.find((candidate) => candidate.parentId === charger.nodeId && candidate.evseId === evseId);
    const view = node && treeViewOf(nodes, node.nodeId);
    if (view === undefined) {
      return failed(TopologyErrorCode.nodeNotFound, evseId === undefined ? `station ${stationId} is the charger of no site` : `charger ${charger.nodeId} (station ${stationId}) has no EVSE ${evseId}`);
    }
    return succeeded({ siteId: charger.siteId, path: ancestorsOf(nodes, view.nodeId), node: view });
  }
}
