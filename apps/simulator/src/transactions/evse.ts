import { type ChargingRate, NOMINAL_VOLTAGE_V } from '../smart-charging/charging-rate';
import type { ActiveTransaction, ConnectorStatus, MeterSample } from '../station/station-model';
import { type PowerDraw, type Vehicle, deliveredPower, energyOver } from './delivered-power';

const idle = (phases: number): PowerDraw => ({ watts: 0, ampsPerPhase: 0, phases, voltageV: NOMINAL_VOLTAGE_V });

/**
 * One connector (1.6) or EVSE (2.0.1): its status, availability, running transaction and energy
 * meter. The meter integrates the power drawn between samples; the draw follows the limit given
 * at each `advance` (the composite of the profiles in force).
 */
export class Evse {
  status: ConnectorStatus = 'Available';
  /** The last status reported to the CSMS, as the version names it. */
  reportedStatus: string | undefined;
  operative = true;
  transaction: ActiveTransaction | undefined;
  meterTimer: ReturnType<typeof setInterval> | undefined;
  private energyWh = 0;
  private draw: PowerDraw;
  private sampledAt: number;

  constructor(
    readonly id: number,
    private readonly vehicle: Vehicle,
    now: number,
  ) {
    this.draw = idle(vehicle.phases);
    this.sampledAt = now;
  }

  /** Integrates energy up to `now`, then sets the draw under `limit` (none without a transaction). */
  advance(now: number, limit: ChargingRate): MeterSample {
    this.energyWh += energyOver(this.draw, now - this.sampledAt);
    this.sampledAt = Math.max(now, this.sampledAt);
    this.draw = this.transaction ? deliveredPower(this.vehicle, limit) : idle(this.vehicle.phases);
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
}
