import type { Ocpp201 } from '@app/ocpp';

/** One variable monitor of a 2.0.1 station, as the CSMS stores it. */
export interface StationMonitor {
  monitorId: number;
  component: { name: string; instance?: string; evseId?: number; connectorId?: number };
  variable: { name: string; instance?: string };
  type: Ocpp201.MonitorEnumType;
  value: number;
  /** 0 (Danger) … 9 (Debug): lower is more severe. */
  severity: number;
  /** Only monitored while a transaction runs. */
  transaction: boolean;
}

export function componentOf(component: Ocpp201.ComponentType): StationMonitor['component'] {
  return {
    name: component.name,
    ...(component.instance === undefined ? {} : { instance: component.instance }),
    ...(component.evse === undefined ? {} : { evseId: component.evse.id }),
    ...(component.evse?.connectorId === undefined ? {} : { connectorId: component.evse.connectorId }),
  };
}

export function variableOf(variable: Ocpp201.VariableType): StationMonitor['variable'] {
  return variable.instance === undefined ? { name: variable.name } : { name: variable.name, instance: variable.instance };
}

/** Every monitor of one NotifyMonitoringReport part, flattened to one entry per monitor. */
export function monitorsOfReport(request: Ocpp201.NotifyMonitoringReportRequest): StationMonitor[] {
  return (request.monitor ?? []).flatMap((data) =>
    data.variableMonitoring.map((monitoring) => ({
      monitorId: monitoring.id,
      component: componentOf(data.component),
      variable: variableOf(data.variable),
      type: monitoring.type,
      value: monitoring.value,
      severity: monitoring.severity,
      transaction: monitoring.transaction,
    })),
  );
}

/**
 * The monitors a SetVariableMonitoring answer created or replaced: the results the station
 * Accepted, each with the id it assigned, paired by position with the request (the spec answers
 * one result per request entry, in order).
 */
export function monitorsSet(request: Ocpp201.SetVariableMonitoringRequest, response: Ocpp201.SetVariableMonitoringResponse): StationMonitor[] {
  return response.setMonitoringResult.flatMap((result, index) => {
    const asked = request.setMonitoringData[index];
    if (result.status !== 'Accepted' || result.id === undefined || asked === undefined) return [];
    return [
      {
        monitorId: result.id,
        component: componentOf(result.component),
        variable: variableOf(result.variable),
        type: result.type,
        value: asked.value,
        severity: result.severity,
        transaction: asked.transaction ?? false,
      },
    ];
  });
}

/** The monitor ids a ClearVariableMonitoring answer says are gone: cleared, or unknown to the station. */
export function monitorsCleared(response: Ocpp201.ClearVariableMonitoringResponse): number[] {
  return response.clearMonitoringResult.filter((result) => result.status === 'Accepted' || result.status === 'NotFound').map((result) => result.id);
}
