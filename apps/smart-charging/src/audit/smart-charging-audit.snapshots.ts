import type { AuditSnapshotSource } from '@app/runtime';
import { Injectable } from '@nestjs/common';
import { LimitScheduleStore } from '../limits/limit-schedule.store';
import { scheduleViewOf } from '../limits/limit-schedule.view';
import { CapacityProvidersService } from '../oscp/capacity-providers.service';
import { NodesService } from '../topology/nodes.service';
import { SitesService } from '../topology/sites.service';

/** A site as its tree (what deleting it removes). */
@Injectable()
export class SiteSnapshot implements AuditSnapshotSource {
  constructor(private readonly sites: SitesService) {}

  async snapshot(siteId: string): Promise<unknown> {
    const tree = await this.sites.tree(siteId);
    return tree.ok ? tree.value : null;
  }
}

/** A node with its subtree. */
@Injectable()
export class NodeSnapshot implements AuditSnapshotSource {
  constructor(private readonly nodes: NodesService) {}

  async snapshot(nodeId: string, params: Readonly<Record<string, string>>): Promise<unknown> {
    const siteId = params.siteId;
    if (siteId === undefined) return null;
    const node = await this.nodes.node(siteId, nodeId);
    return node.ok ? node.value : null;
  }
}

/** The limit schedule of one source on a node (the route's `source`). */
@Injectable()
export class LimitScheduleSnapshot implements AuditSnapshotSource {
  constructor(private readonly limits: LimitScheduleStore) {}

  async snapshot(nodeId: string, params: Readonly<Record<string, string>>): Promise<unknown> {
    const { siteId, source } = params;
    if (siteId === undefined || source === undefined) return null;
    const schedule = await this.limits.schedule(siteId, nodeId, source);
    return schedule.ok ? scheduleViewOf(siteId, schedule.value) : null;
  }
}

/** A Capacity Provider's registration (its tokens are never in it: they are stored hashed). */
@Injectable()
export class CapacityProviderSnapshot implements AuditSnapshotSource {
  constructor(private readonly providers: CapacityProvidersService) {}

  async snapshot(providerId: string): Promise<unknown> {
    const provider = await this.providers.view(providerId);
    return provider.ok ? provider.value : null;
  }
}
