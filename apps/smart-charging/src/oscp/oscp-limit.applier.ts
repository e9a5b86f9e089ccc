import { ROOT_LOGGER } from '@app/observability';
import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import type { LimitValue } from '../limits/effective-limit';
import { LimitScheduleStore } from '../limits/limit-schedule.store';
import { type AppliedForecast, type GroupForecasts, appliedForecast } from './applied-forecast';
import { CapacityProviderRepository, type GroupRow } from './capacity-provider.repository';
import type { ForecastSchedule } from './forecast-schedule';
import { isSilent } from './provider-liveness';

/** The limit source of a provider's forecasts (ADR 013). */
export const oscpSource = (providerId: string): string => `oscp:${providerId}`;

const canonicalLimit = (limit: LimitValue | null | undefined) => (limit ? [limit.perPhaseA ?? null, limit.totalW ?? null] : null);

/** Two schedules say the same, whatever the key order of their JSON. */
function sameSchedule(a: ForecastSchedule, b: ForecastSchedule): boolean {
  const canonical = (schedule: ForecastSchedule) =>
    JSON.stringify([canonicalLimit(schedule.default), schedule.slots.map((slot) => [slot.start, slot.durationS, ...(canonicalLimit(slot) ?? [])])]);
  return canonical(a) === canonical(b);
}

/**
 * Keeps each mapped node's `oscp:<provider>` limit schedule equal to what applies now: the normal
 * forecast while the provider speaks, the fallback while it is silent (applied-forecast.ts). Run
 * after every message of the provider and by the liveness monitor; writes only what changed, so
 * running it again is harmless. A write goes through LimitScheduleStore: validated, audited, and
 * announced on the site change feed, which makes the site allocator plan the site again.
 */
@Injectable()
export class OscpLimitApplier {
  private readonly logger: Logger;
  private readonly running = new Map<string, Promise<void>>();

  constructor(
    private readonly providers: CapacityProviderRepository,
    private readonly store: LimitScheduleStore,
    @Inject(ROOT_LOGGER) rootLogger: Logger,
  ) {
    this.logger = rootLogger.child({ component: 'oscp' });
  }

  /** One reconciliation per provider at a time in this process; a request made meanwhile runs after it. */
  reconcile(providerId: string, now: () => Date = () => new Date()): Promise<void> {
    const previous = this.running.get(providerId) ?? Promise.resolve();
    const next = previous.then(() => this.reconcileNow(providerId, now()));
    const settled = next.catch((error: unknown) => this.logger.error({ err: error, providerId }, 'applying OSCP forecasts failed'));
    this.running.set(providerId, settled);
    void settled.then(() => {
      if (this.running.get(providerId) === settled) this.running.delete(providerId);
    });
    return next;
  }

  /** Removes the provider's schedule from these nodes (a group moved away, or the provider deleted). */
  async removeFrom(providerId: string, groups: readonly Pick<GroupRow, 'site_id' | 'node_id'>[], actor: string): Promise<void> {
    for (const group of groups) {
      const removed = await this.store.remove(group.site_id, group.node_id, oscpSource(providerId), actor);
      if (!removed.ok && removed.error.code !== 'limit-schedule-not-found') this.logger.warn({ providerId, siteId: group.site_id, nodeId: group.node_id, err: removed.error }, 'could not remove an OSCP schedule');
    }
  }

  private async reconcileNow(providerId: string, now: Date): Promise<void> {
    const provider = await this.providers.find(this.providers.dataSource, providerId);
    if (provider === undefined) return;
    const silent = isSilent({ silentFrom: new Date(provider.silent_from) }, now);
    const forecasts = new Map<string, GroupForecasts>();
    for (const row of await this.providers.forecastsOf(providerId)) forecasts.set(row.group_id, { ...forecasts.get(row.group_id), [row.kind]: row.blocks });
    for (const group of await this.providers.groupsOf(this.providers.dataSource, providerId)) {
      await this.apply(providerId, group, appliedForecast(silent, forecasts.get(group.group_id) ?? {}));
    }
    if (provider.silent !== silent && (await this.providers.setSilent(providerId, provider.silent, silent))) {
      this.logger.info({ providerId, silentFrom: provider.silent_from }, silent ? 'Capacity Provider silent: its fallback forecasts apply' : 'Capacity Provider speaks again: its forecasts apply');
    }
  }

  private async apply(providerId: string, group: GroupRow, applied: AppliedForecast): Promise<void> {
    const source = oscpSource(providerId);
    const current = await this.store.schedule(group.site_id, group.node_id, source);
    if (applied.kind === 'none') {
      if (current.ok) await this.removeFrom(providerId, [group], source);
      return;
    }
    if (current.ok && sameSchedule(current.value, applied.schedule)) return;
    const written = await this.store.replace(group.site_id, group.node_id, source, applied.schedule, source);
    if (!written.ok) {
      this.logger.warn({ providerId, groupId: group.group_id, siteId: group.site_id, nodeId: group.node_id, err: written.error }, 'could not apply an OSCP forecast');
      return;
    }
    this.logger.info({ providerId, groupId: group.group_id, siteId: group.site_id, nodeId: group.node_id, applied: applied.kind, slots: applied.schedule.slots.length }, 'OSCP forecast applied');
  }
}
