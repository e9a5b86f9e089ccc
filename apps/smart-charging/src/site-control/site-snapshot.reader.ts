import { Injectable } from '@nestjs/common';
import type { Limit, LimitSchedule } from '../allocation';
import type { LimitValue } from '../limits/effective-limit';
import { LimitScheduleStore } from '../limits/limit-schedule.store';
import type { SiteCharger, SiteEvse, SiteNode, SiteSnapshot } from '../planning/site-snapshot';
import type { StoredNode } from '../topology/topology.model';
import { TopologyRepository } from '../topology/topology.repository';

function limitOf(value: LimitValue | null | undefined): Limit | undefined {
  if (value === null || value === undefined) return undefined;
  return { perPhaseA: value.perPhaseA ? [...value.perPhaseA] : undefined, totalW: value.totalW };
}

function chargerOf(node: StoredNode): SiteCharger | undefined {
  if (node.kind !== 'charger' || node.stationId === null || node.rating === null) return undefined;
  const [first = 'L1', second = 'L2', third = 'L3'] = node.wiring ?? [];
  return { nodeId: node.nodeId, stationId: node.stationId, wiring: [first, second, third], ratingA: node.rating.maxA, phases: node.rating.phases };
}

function evseOf(node: StoredNode, chargers: ReadonlyMap<string, SiteCharger>): SiteEvse | undefined {
  const charger = node.parentId === null ? undefined : chargers.get(node.parentId);
  if (node.kind !== 'evse' || charger === undefined || node.evseId === null) return undefined;
  return {
    nodeId: node.nodeId,
    chargerNodeId: charger.nodeId,
    stationId: charger.stationId,
    evseId: node.evseId,
    minA: node.minA ?? 6,
    maxA: node.maxA ?? charger.ratingA,
    phases: node.phases ?? charger.phases,
    priority: node.priority ?? 0,
  };
}

/** A site's topology and limit schedules read together, in the shape planning takes. */
@Injectable()
export class SiteSnapshotReader {
  constructor(
    private readonly topology: TopologyRepository,
    private readonly limits: LimitScheduleStore,
  ) {}

  async read(siteId: string): Promise<SiteSnapshot | undefined> {
    const [{ site, nodes }, stored] = await Promise.all([this.topology.siteWithNodes(siteId), this.limits.schedulesFor(siteId)]);
    if (site === undefined) return undefined;
    const schedules = new Map<string, LimitSchedule[]>();
    for (const schedule of stored) {
      const slots = schedule.slots.map((slot) => ({ start: Date.parse(slot.start), durationS: slot.durationS, limit: limitOf(slot) ?? {} }));
      const list = schedules.get(schedule.nodeId) ?? [];
      list.push({ source: schedule.source, default: limitOf(schedule.default), slots });
      schedules.set(schedule.nodeId, list);
    }
    const siteNodes: SiteNode[] = nodes.map((node) => ({ id: node.nodeId, parentId: node.parentId ?? undefined, ownLimit: limitOf(node.limit) }));
    const chargers = new Map(nodes.flatMap((node) => chargerOf(node) ?? []).map((charger) => [charger.nodeId, charger]));
    const evses = nodes.flatMap((node) => evseOf(node, chargers) ?? []);
    // A charger planned without its EVSEs counts as one EVSE, so that its default profile is sized too.
    const withEvses = new Set(evses.map((evse) => evse.chargerNodeId));
    for (const charger of chargers.values()) {
      if (withEvses.has(charger.nodeId)) continue;
      evses.push({ nodeId: charger.nodeId, chargerNodeId: charger.nodeId, stationId: charger.stationId, evseId: 0, minA: 6, maxA: charger.ratingA, phases: charger.phases, priority: 0 });
    }
    return { siteId, tenant: site.tenant ?? undefined, nodes: siteNodes, schedules, chargers: [...chargers.values()], evses };
  }
}
