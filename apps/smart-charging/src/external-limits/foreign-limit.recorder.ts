import type { ChargingLimitReported, ChargingProfileInstalled, ChargingProfilesCleared, ChargingLimitCleared } from '@app/contracts';
import { ROOT_LOGGER } from '@app/observability';
import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import { isOwnProfileIdRange } from '../dispatch/profile-builder';
import type { LimitSchedule } from '../limits/limit-schedule.schemas';
import { LimitScheduleStore } from '../limits/limit-schedule.store';
import { SessionTracker } from '../sessions/session-tracker';
import { TopologyRepository } from '../topology/topology.repository';
import { clearedBy, operatorProfileOf, operatorProfileSource, replacedBy, stationLimitSource } from './foreign-limit-source';
import { clearCriteriaOf, installedProfileOf, limitSourceOf, scheduleOf } from './foreign-limit.reader';
import type { ForeignProfileSlot } from './foreign-profile';
import { profileLimitSchedule, sameSchedule } from './profile-limit-schedule';
import { type StationPlace, limitedNodes, stationPlaceOf } from './station-place';

/** What a change of the operator's profiles did to a station's limits, for whoever must act on it (the site's plan, the dispatcher). */
export interface ForeignChange {
  siteId: string;
  stationId: string;
}

/**
 * Records limits that others put on stations as limit schedules of the nodes they apply to
 * (docs/adr/018-limits-set-by-others.md): operators' profiles that stations accepted, and limits
 * stations report (2.0.1 NotifyChargingLimit). Every write goes through LimitScheduleStore, which
 * audits it and notifies the site's planners.
 */
@Injectable()
export class ForeignLimitRecorder {
  private readonly logger: Logger;

  constructor(
    private readonly store: LimitScheduleStore,
    private readonly topology: TopologyRepository,
    private readonly tracker: SessionTracker,
    @Inject(ROOT_LOGGER) rootLogger: Logger,
  ) {
    this.logger = rootLogger.child({ component: 'foreign-limits' });
  }

  /** A station accepted a profile from someone other than this service. */
  async profileInstalled(stationId: string, at: number, installed: ChargingProfileInstalled): Promise<ForeignChange | undefined> {
    const read = installed.profile && installedProfileOf(installed.evseId, installed.profile);
    if (read === undefined) return undefined;
    const place = await this.placeOf(stationId);
    if (place === undefined) return undefined;
    const source = operatorProfileSource(stationId, read.slot);
    const actor = installed.actor || installed.originService || 'unknown';
    if (isOwnProfileIdRange(read.slot.profileId)) {
      this.logger.warn({ stationId, profileId: read.slot.profileId, actor }, 'an operator set a profile with an id this service uses: it may have replaced ours, and ours is no longer sent in its place');
    }
    // The station dropped what the new profile replaces.
    await this.removeOperatorProfiles(place, stationId, actor, (held, heldSource) => heldSource !== source && replacedBy(read.slot, held));
    const relativeStart = read.slot.purpose === 'tx' ? this.tracker.station(stationId).sessions.get(read.slot.evseId)?.startedAt : undefined;
    const schedule = profileLimitSchedule(read.profile, { now: at, relativeStart });
    await this.write(place, limitedNodes(place, read.slot.evseId, read.slot.purpose), source, schedule, actor);
    return { siteId: place.siteId, stationId };
  }

  /** A station accepted someone else's ClearChargingProfile: what it cleared of the operators' profiles goes. */
  async profilesCleared(stationId: string, cleared: ChargingProfilesCleared): Promise<ForeignChange | undefined> {
    const place = await this.placeOf(stationId);
    if (place === undefined) return undefined;
    const criteria = clearCriteriaOf(cleared);
    await this.removeOperatorProfiles(place, stationId, cleared.actor || cleared.originService || 'unknown', (held) => clearedBy(criteria, held));
    return { siteId: place.siteId, stationId };
  }

  /** A transaction ended: the station dropped the operators' TxProfiles of that EVSE with it. */
  async transactionEnded(stationId: string, evseId: number): Promise<void> {
    const place = await this.placeOf(stationId);
    if (place === undefined) return;
    await this.removeOperatorProfiles(place, stationId, `station:${stationId}`, (held) => held.purpose === 'tx' && held.evseId === evseId);
  }

  /** NotifyChargingLimit: the limit replaces the earlier one from that source on that EVSE; one without a schedule is only a notice. */
  async limitReported(stationId: string, at: number, reported: ChargingLimitReported): Promise<void> {
    const place = await this.placeOf(stationId);
    if (place === undefined) return;
    const source = stationLimitSource(stationId, limitSourceOf(reported.source), reported.evseId);
    const actor = `station:${stationId}`;
    const [first] = reported.schedules;
    const schedule = first && scheduleOf(first);
    if (schedule === undefined) {
      // The station obeys a limit it did not tell: what it draws shows it (docs/adr/018).
      this.logger.info({ stationId, source, evseId: reported.evseId }, 'a charging limit without a schedule: the earlier one from this source no longer holds');
      await this.removeSource(place, source, actor);
      return;
    }
    await this.write(place, limitedNodes(place, reported.evseId), source, profileLimitSchedule({ kind: 'absolute', schedule }, { now: at }), actor);
  }

  async limitCleared(stationId: string, cleared: ChargingLimitCleared): Promise<void> {
    const place = await this.placeOf(stationId);
    if (place === undefined) return;
    await this.removeSource(place, stationLimitSource(stationId, limitSourceOf(cleared.source), cleared.evseId), `station:${stationId}`);
  }

  private async placeOf(stationId: string): Promise<StationPlace | undefined> {
    const [charger] = await this.topology.chargersOfStations(this.topology.dataSource, [stationId]);
    if (charger === undefined) {
      this.logger.debug({ stationId }, 'a limit set on a station that is in no site: nothing to record');
      return undefined;
    }
    const { nodes } = await this.topology.siteWithNodes(charger.siteId);
    return stationPlaceOf(charger.siteId, charger.nodeId, nodes);
  }

  private async write(place: StationPlace, nodeIds: readonly string[], source: string, schedule: LimitSchedule, actor: string): Promise<void> {
    for (const nodeId of nodeIds) {
      // A redelivered event would write the same schedule again: the audit log keeps changes only.
      const stored = await this.store.schedule(place.siteId, nodeId, source);
      if (stored.ok && sameSchedule(stored.value, schedule)) continue;
      const result = await this.store.replace(place.siteId, nodeId, source, schedule, actor);
      if (!result.ok) this.logger.error({ siteId: place.siteId, nodeId, source, err: result.error }, 'could not record a limit set by others');
    }
  }

  private async removeSource(place: StationPlace, source: string, actor: string): Promise<void> {
    for (const schedule of await this.store.schedulesFor(place.siteId)) {
      if (schedule.source === source) await this.store.remove(place.siteId, schedule.nodeId, source, actor);
    }
  }

  private async removeOperatorProfiles(place: StationPlace, stationId: string, actor: string, matches: (held: ForeignProfileSlot, source: string) => boolean): Promise<void> {
    for (const schedule of await this.store.schedulesFor(place.siteId)) {
      const held = operatorProfileOf(schedule.source, stationId);
      if (held !== undefined && matches(held, schedule.source)) await this.store.remove(place.siteId, schedule.nodeId, schedule.source, actor);
    }
  }
}
