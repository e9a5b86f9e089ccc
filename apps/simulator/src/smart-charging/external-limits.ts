import type { ExternalLimit } from '../dialect/station-dialect';
import type { StationContext } from '../station/station-context';
import type { ChargingProfile, LimitSource } from './charging-profile';

const sourceIndex: Readonly<Record<LimitSource, number>> = { EMS: 1, Other: 2, SO: 3, CSO: 4 };

/**
 * The profile id of the external limit from `source` on `evseId`: one per EVSE and source, so a new
 * limit from the same source replaces the old one; far above the ids a CSMS hands out in practice.
 */
export function externalProfileId(evseId: number, source: LimitSource): number {
  return 1_900_000_000 + evseId * 10 + sourceIndex[source];
}

/**
 * Limits that systems outside the CSMS (a site energy manager, the grid operator) put on the
 * station, as a local controller would (2.0.1 K12): the station obeys at once — the limit becomes
 * a ChargingStationExternalConstraints profile, so the composite and the EVs' draw follow it — and
 * a 2.0.1 station then tells the CSMS (NotifyChargingLimit / ClearedChargingLimit). A 1.6 station
 * obeys without telling: it has no such message.
 */
export class ExternalLimits {
  constructor(
    private readonly context: Pick<StationContext, 'options' | 'dialect' | 'link' | 'profiles'>,
    private readonly profilesChanged: (evseId: number) => Promise<void>,
  ) {}

  async apply(limit: ExternalLimit): Promise<void> {
    const { options, profiles, dialect, link } = this.context;
    const evseId = limit.evseId ?? 0;
    const now = options.now();
    const schedule = { ...limit.schedule, startSchedule: limit.schedule.startSchedule ?? now };
    const profile: ChargingProfile = {
      id: externalProfileId(evseId, limit.source),
      stackLevel: 0,
      purpose: 'ExternalConstraints',
      kind: 'Absolute',
      schedule,
      receivedAt: now,
      source: limit.source,
    };
    profiles.constrainExternally(evseId, profile);
    await this.profilesChanged(evseId);
    const message = dialect.chargingLimitSet({ ...limit, evseId, schedule });
    if (message) await link.call(message.action, message.payload);
  }

  /** The limit from `source` on `evseId` (0: the station) is lifted; nothing is sent when there was none. */
  async lift(source: LimitSource, evseId = 0): Promise<void> {
    const { profiles, dialect, link } = this.context;
    if (profiles.removeExternal(evseId, source) === 0) return;
    await this.profilesChanged(evseId);
    const message = dialect.chargingLimitCleared(source, evseId);
    if (message) await link.call(message.action, message.payload);
  }
}
