import type { ChargingRate } from '../smart-charging/charging-rate';
import type { ActiveTransaction, ConnectorStatus, MeterSample } from '../station/station-model';
import { type PowerDraw, type Vehicle, deliveredPower, energyOver, noDraw } from './delivered-power';

/** The limits on one EVSE over time: what may change between two samples, and what holds at an instant. */
export interface LimitTimeline {
  /** Instants in (from, to) at which the limits may change. */
  changesBetween(from: number, to: number): readonly number[];
  /** The limits in force at `at`: the hardware's and the composite of the profiles. */
  at(at: number): readonly ChargingRate[];
}

/**
 * One connector (1.6) or EVSE (2.0.1): its status, availability, running transaction, the EV
 * plugged in and the energy meter. Between two samples the meter integrates the EV's draw piece
 * by piece as the limits change (a schedule period that starts between samples counts from its
 * start); the draw reported at a sample is the one the limits allow at that instant.
 */
export class Evse {
  status: ConnectorStatus = 'Available';
  /** The last status reported to the CSMS, as the version names it. */
  reportedStatus: string | undefined;
  operative = true;
  transaction: ActiveTransaction | undefined;
  meterTimer: ReturnType<typeof setInterval> | undefined;
  private energyWh = 0;
  private sessionStartWh = 0;
  private vehicle: Vehicle;
  private draw: PowerDraw;
  private sampledAt: number;

  constructor(
    readonly id: number,
    private readonly defaultVehicle: Vehicle,
    now: number,
  ) {
    this.vehicle = defaultVehicle;
    this.draw = noDraw(defaultVehicle.phases);
    this.sampledAt = now;
  }

  /** An EV arrives for a new session (the station's default EV when none is named). */
  plugIn(vehicle: Vehicle | undefined): void {
    this.vehicle = vehicle ?? this.defaultVehicle;
    this.sessionStartWh = this.energyWh;
  }

  get ev(): Vehicle {
    return this.vehicle;
  }

  /** Integrates energy up to `now` under the limits as they were, then sets the draw under those of `now`. */
  advance(now: number, limits: LimitTimeline): MeterSample {
    const from = this.sampledAt;
    if (this.transaction && now > from) {
      const changes = limits.changesBetween(from, now).filter((instant) => instant > from && instant < now);
      const instants = [from, ...[...new Set(changes)].sort((a, b) => a - b), now];
      for (let index = 0; index + 1 < instants.length; index += 1) {
        const start = instants[index] ?? from;
        const end = instants[index + 1] ?? now;
        this.energyWh += this.cappedEnergy(energyOver(this.drawUnder(limits.at(start)), end - start));
      }
    }
    this.sampledAt = Math.max(now, this.sampledAt);
    this.draw = this.transaction ? this.drawUnder(limits.at(now)) : noDraw(this.vehicle.phases);
    return { timestamp: now, energyWh: this.energyWh, draw: this.draw };
  }

  get currentDraw(): PowerDraw {
    return this.draw;
  }

  get isFree(): boolean {
    return this.operative && this.transaction === undefined && this.status !== 'Faulted' && this.status !== 'Reserved';
  }

  stopMeter(): void {
    clearInterval(this.meterTimer);
    this.meterTimer = undefined;
  }

  private drawUnder(limits: readonly ChargingRate[]): PowerDraw {
    return deliveredPower(this.vehicle, limits, this.energyWh - this.sessionStartWh);
  }

  /** An EV that wants only so much stops at it, even within one piece. */
  private cappedEnergy(energyWh: number): number {
    const need = this.vehicle.energyNeedWh;
    return need === undefined ? energyWh : Math.max(0, Math.min(energyWh, need - (this.energyWh - this.sessionStartWh)));
  }
}
