import { monitoringReportParts } from '../monitoring/monitoring-report';
import type { HandlerTable } from './handler-table';

/** 2.0.1 monitoring (functional block N): monitors set, cleared and reported in several NotifyMonitoringReport parts. */
export const monitoring201: HandlerTable<'2.0.1'> = {
  SetVariableMonitoring: (request, station) => {
    const [first, ...rest] = request.setMonitoringData;
    const monitors = station.monitoring.monitors;
    return { setMonitoringResult: [monitors.set(first), ...rest.map((data) => monitors.set(data))] };
  },
  ClearVariableMonitoring: (request, station) => {
    const [first, ...rest] = request.id;
    const clear = (id: number) => ({ id, status: station.monitoring.monitors.clear(id) });
    return { clearMonitoringResult: [clear(first), ...rest.map(clear)] };
  },
  SetMonitoringBase: (request, station) => {
    station.monitoring.monitors.setBase(request.monitoringBase);
    return { status: 'Accepted' };
  },
  SetMonitoringLevel: (request, station) => {
    station.monitoring.monitors.level = request.severity;
    return { status: 'Accepted' };
  },
  GetMonitoringReport: (request, station) => {
    const monitors = station.monitoring.monitors.list(request.monitoringCriteria, request.componentVariable);
    if (monitors.length === 0) return { status: 'EmptyResultSet' };
    const parts = monitoringReportParts(request.requestId, monitors, new Date(station.now()).toISOString());
    station.afterAnswer(async () => {
      for (const part of parts) await station.send('NotifyMonitoringReport', part);
    });
    return { status: 'Accepted' };
  },
};
