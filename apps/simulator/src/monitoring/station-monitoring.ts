import type { Ocpp201 } from '@app/ocpp';
import { type StationSettings, settingDefinitions } from '../provisioning/station-settings';
import { MonitoredValues } from './monitored-values';
import { type VariableLookup, VariableMonitors } from './variable-monitors';

/** Measured variables a simulated station can be monitored on, besides its settings. */
const MEASURED: Readonly<Record<string, readonly string[]>> = {
  ChargingStation: ['Power', 'Problem', 'AvailabilityState'],
  EVSE: ['Power', 'AvailabilityState'],
  Connector: ['AvailabilityState'],
};

/** The station's components: its settings' controllers, and the station, its EVSEs and connectors (EVSE ids 1..evseCount). */
export function stationVariables(settings: StationSettings, evseCount: number): VariableLookup {
  const components = new Set([...settingDefinitions.flatMap((definition) => (definition.component ? [definition.component.toLowerCase()] : [])), ...Object.keys(MEASURED).map((name) => name.toLowerCase())]);
  return (component, variable) => {
    const evse = component.evse?.id;
    if (!components.has(component.name.toLowerCase()) || (evse !== undefined && (evse < 1 || evse > evseCount))) return 'UnknownComponent';
    const measured = MEASURED[component.name]?.includes(variable.name) ?? false;
    return measured || settings.byVariable(component.name, variable.name) !== undefined ? 'known' : 'UnknownVariable';
  };
}

/** A 2.0.1 station's monitoring: its monitors, and the values they watch. */
export class StationMonitoring {
  readonly monitors: VariableMonitors;
  private readonly values: MonitoredValues;

  constructor(settings: StationSettings, evseCount: number, send: (action: string, payload: object) => Promise<unknown>, now: () => number) {
    this.monitors = new VariableMonitors(stationVariables(settings, evseCount));
    this.values = new MonitoredValues(this.monitors, send, now);
  }

  /**
   * The station measures `value` (e.g. EVSE 1's Power): a monitor whose threshold it crosses
   * raises a NotifyEvent, one it returns within clears it. For tests and scenarios.
   */
  measure(component: Ocpp201.ComponentType, variable: Ocpp201.VariableType, value: number): Promise<void> {
    return this.values.measure(component, variable, value);
  }
}
