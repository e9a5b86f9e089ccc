import type { Ocpp201 } from '@app/ocpp';

/** One monitor a simulated 2.0.1 station runs, in the protocol's own shape. */
export interface VariableMonitor {
  id: number;
  component: Ocpp201.ComponentType;
  variable: Ocpp201.VariableType;
  type: Ocpp201.MonitorEnumType;
  value: number;
  severity: number;
  transaction: boolean;
}

/** Whether the station has this component and variable: the UnknownComponent / UnknownVariable answers. */
export type VariableLookup = (component: Ocpp201.ComponentType, variable: Ocpp201.VariableType) => 'known' | 'UnknownComponent' | 'UnknownVariable';

const criterionTypes: Readonly<Record<Ocpp201.MonitoringCriterionEnumType, readonly Ocpp201.MonitorEnumType[]>> = {
  ThresholdMonitoring: ['UpperThreshold', 'LowerThreshold'],
  DeltaMonitoring: ['Delta'],
  PeriodicMonitoring: ['Periodic', 'PeriodicClockAligned'],
};

const sameEvse = (a: Ocpp201.ComponentType, b: Ocpp201.ComponentType) => a.evse?.id === b.evse?.id && a.evse?.connectorId === b.evse?.connectorId;
export const sameComponent = (a: Ocpp201.ComponentType, b: Ocpp201.ComponentType) => a.name === b.name && a.instance === b.instance && sameEvse(a, b);
export const sameVariable = (a: Ocpp201.VariableType, b: Ocpp201.VariableType) => a.name === b.name && a.instance === b.instance;

/**
 * The custom monitors of a simulated station (OCPP 2.0.1 functional block N): set, replaced,
 * cleared, reported; plus the monitoring base and level that decide which of them fire.
 */
export class VariableMonitors {
  base: Ocpp201.MonitoringBaseEnumType = 'All';
  /** Events above this severity number (less severe) are not reported. */
  level = 9;
  private readonly monitors = new Map<number, VariableMonitor>();
  private nextId = 1;

  constructor(private readonly lookup: VariableLookup) {}

  set(data: Ocpp201.SetMonitoringDataType): Ocpp201.SetMonitoringResultType {
    const echo = { type: data.type, severity: data.severity, component: data.component, variable: data.variable };
    const known = this.lookup(data.component, data.variable);
    if (known !== 'known') return { ...echo, status: known };
    if (data.id !== undefined && !this.monitors.has(data.id)) return { ...echo, status: 'Rejected', statusInfo: { reasonCode: 'UnknownMonitor' } };
    const periodic = data.type === 'Periodic' || data.type === 'PeriodicClockAligned';
    if (periodic && !(data.value > 0)) return { ...echo, status: 'Rejected', statusInfo: { reasonCode: 'InvalidValue' } };
    const duplicate = [...this.monitors.values()].some(
      (monitor) => monitor.id !== data.id && monitor.type === data.type && sameComponent(monitor.component, data.component) && sameVariable(monitor.variable, data.variable),
    );
    if (duplicate) return { ...echo, status: 'Duplicate' };
    const id = data.id ?? this.nextId++;
    this.monitors.set(id, { id, component: data.component, variable: data.variable, type: data.type, value: data.value, severity: data.severity, transaction: data.transaction ?? false });
    return { ...echo, id, status: 'Accepted' };
  }

  clear(id: number): Ocpp201.ClearMonitoringStatusEnumType {
    return this.monitors.delete(id) ? 'Accepted' : 'NotFound';
  }

  /** FactoryDefault removes the custom monitors; HardWiredOnly keeps them but they do not fire. */
  setBase(base: Ocpp201.MonitoringBaseEnumType): void {
    this.base = base;
    if (base === 'FactoryDefault') this.monitors.clear();
  }

  /** The monitors that fire now for this component and variable. */
  active(component: Ocpp201.ComponentType, variable: Ocpp201.VariableType): VariableMonitor[] {
    if (this.base === 'HardWiredOnly') return [];
    return this.list().filter((monitor) => sameComponent(monitor.component, component) && sameVariable(monitor.variable, variable));
  }

  /** GetMonitoringReport's selection: by kind of monitor and by component (and variable, when given). */
  list(criteria?: readonly Ocpp201.MonitoringCriterionEnumType[], componentVariables?: readonly Ocpp201.ComponentVariableType[]): VariableMonitor[] {
    const types = criteria === undefined ? undefined : new Set(criteria.flatMap((criterion) => criterionTypes[criterion]));
    return [...this.monitors.values()]
      .filter((monitor) => types === undefined || types.has(monitor.type))
      .filter(
        (monitor) =>
          componentVariables === undefined ||
          componentVariables.some((wanted) => wanted.component.name === monitor.component.name && (wanted.component.evse === undefined || sameEvse(wanted.component, monitor.component)) && (wanted.variable === undefined || sameVariable(wanted.variable, monitor.variable))),
      )
      .sort((a, b) => a.id - b.id);
  }
}
