import { type ApiPrincipal } from '@app/runtime';
import { Injectable } from '@nestjs/common';
import { limitOfColumns } from '../topology/node.row';
import { type EffectiveLimit, effectiveLimit } from './effective-limit';
import { type ApiSource, mayWriteSource } from './limit-source';
import type { PutLimitScheduleBody } from './limit-schedule.schemas';
import { LimitScheduleRepository } from './limit-schedule.repository';
import { LimitScheduleStore } from './limit-schedule.store';
import { type ScheduleView, scheduleViewOf, storedScheduleOf } from './limit-schedule.view';
import { LimitsErrorCode, type LimitsResult, failed, succeeded } from './limits.error';
import type { EffectiveLimitView, NodeLimitsView } from './limits.schemas';

function effectiveViewOf(limit: EffectiveLimit, at: Date): EffectiveLimitView {
  return { at: at.toISOString(), ...limit };
}

const forbidden = <T>(principal: ApiPrincipal, siteId: string, source: ApiSource): LimitsResult<T> =>
  failed(
    LimitsErrorCode.sourceForbidden,
    source === 'operator'
      ? `the token "${principal.name}" may not write operator limits: that takes the operator role`
      : `the token "${principal.name}" may not write grid-operator limits of site ${siteId}: that takes a grid-operator token granted the site, or admin`,
    { source },
  );

/** The limits REST API: schedules per node and source, and the effective limit at an instant. */
@Injectable()
export class LimitsService {
  constructor(
    private readonly store: LimitScheduleStore,
    private readonly schedules: LimitScheduleRepository,
  ) {}

  async overview(siteId: string, nodeId: string, at: Date | undefined, now: Date): Promise<LimitsResult<NodeLimitsView>> {
    const row = await this.schedules.nodeLimits(siteId, nodeId);
    if (row === undefined) return this.store.notFound(siteId, nodeId);
    const nodeLimit = limitOfColumns(row.limit_l1_a, row.limit_l2_a, row.limit_l3_a, row.limit_total_w);
    const stored = row.schedules.map(storedScheduleOf);
    return succeeded({
      siteId,
      nodeId,
      nodeLimit,
      schedules: stored.map((schedule) => scheduleViewOf(siteId, schedule)),
      effectiveNow: effectiveViewOf(effectiveLimit(nodeLimit, stored, now), now),
      effectiveAt: at === undefined ? null : effectiveViewOf(effectiveLimit(nodeLimit, stored, at), at),
    });
  }

  async schedule(siteId: string, nodeId: string, source: string): Promise<LimitsResult<ScheduleView>> {
    const found = await this.store.schedule(siteId, nodeId, source);
    return found.ok ? succeeded(scheduleViewOf(siteId, found.value)) : found;
  }

  async replace(principal: ApiPrincipal, siteId: string, nodeId: string, source: ApiSource, body: PutLimitScheduleBody): Promise<LimitsResult<{ created: boolean; schedule: ScheduleView }>> {
    if (!mayWriteSource(principal, siteId, source)) return forbidden(principal, siteId, source);
    const replaced = await this.store.replace(siteId, nodeId, source, { default: body.default, slots: body.slots }, principal.name, { expectedVersion: body.version });
    return replaced.ok ? succeeded({ created: replaced.value.created, schedule: scheduleViewOf(siteId, replaced.value.schedule) }) : replaced;
  }

  async remove(principal: ApiPrincipal, siteId: string, nodeId: string, source: ApiSource, version: number | undefined): Promise<LimitsResult<void>> {
    if (!mayWriteSource(principal, siteId, source)) return forbidden(principal, siteId, source);
    const removed = await this.store.remove(siteId, nodeId, source, principal.name, { expectedVersion: version });
    return removed.ok ? succeeded(undefined) : removed;
  }
}
