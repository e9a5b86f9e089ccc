import type { StationContext } from '../station/station-context';
import type { LimitTimeline } from '../transactions/evse';
import type { RateUnit } from './charging-profile';
import { type ChargingRate, NOMINAL_VOLTAGE_V, lowerOf } from './charging-rate';
import { type CompositeContext, type CompositeSchedule, compositeSchedule, limitAt, limitChanges } from './composite-schedule';

/** The transaction running on an EVSE, as far as Relative schedules care. */
export type RunningTransaction = (evseId: number) => { readonly id: string; readonly startedAt: number } | undefined;

/**
 * What each EVSE may draw: its hardware capability and the composite of the profiles the station
 * holds, now, over time (for the meters) and as a composite schedule (GetCompositeSchedule).
 */
export class EvseLimits {
  /** How far the EVs draw above the profiles' limit, A per phase (`StationOptions.overdrawA`). */
  overdrawA: number;

  constructor(
    private readonly context: Pick<StationContext, 'options' | 'profiles'>,
    private readonly runningOn: RunningTransaction,
  ) {
    this.overdrawA = context.options.overdrawA;
  }

  /** The limit on `evseId` at `at`: hardware capability capped by the composite of the profiles in force. */
  limitOn(evseId: number, at: number): ChargingRate {
    const { capability } = this.context.options;
    const limit = limitAt(this.context.profiles.list(), at, this.compositeContext(evseId, at));
    return limit ? lowerOf<ChargingRate>(capability, limit) : capability;
  }

  /**
   * The limits on one EVSE over time as the profiles stand: the hardware's and the composite's,
   * kept apart so that each caps the EV in its own unit (a power limit does not lift the
   * hardware's current limit on a single-phase EV). A station told to overdraw draws above the
   * composite, never above the hardware.
   */
  timeline(evseId: number): LimitTimeline {
    const { capability } = this.context.options;
    const installed = () => this.context.profiles.list();
    return {
      changesBetween: (from, to) => limitChanges(installed(), this.compositeContext(evseId, from), from, to),
      at: (at) => {
        const limit = limitAt(installed(), at, this.compositeContext(evseId, at));
        return limit ? [capability, this.overdrawn(limit)] : [capability];
      },
    };
  }

  compositeSchedule(evseId: number, durationS: number, unit: RateUnit): CompositeSchedule {
    const { capability, evseCount, now } = this.context.options;
    const from = now();
    const stationWide = { ...capability, limit: capability.limit * evseCount };
    const request = { ...this.compositeContext(evseId, from), from, durationS, unit, capability: evseId === 0 ? stationWide : capability };
    return compositeSchedule(this.context.profiles.list(), request);
  }

  private overdrawn(limit: ChargingRate): ChargingRate {
    if (this.overdrawA <= 0) return limit;
    return { ...limit, limit: limit.limit + (limit.unit === 'A' ? this.overdrawA : this.overdrawA * NOMINAL_VOLTAGE_V * limit.numberPhases) };
  }

  private compositeContext(evseId: number, at: number): CompositeContext {
    return { evseId, transaction: this.runningOn(evseId), relativeStart: at };
  }
}
