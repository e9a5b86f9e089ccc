import type { Ocpp201 } from '@app/ocpp';
import { type VariableMonitor, sameComponent, sameVariable } from './variable-monitors';

/** How many component/variable entries a simulated station puts in one NotifyMonitoringReport (its ItemsPerMessage). */
export const ENTRIES_PER_PART = 2;

/**
 * The NotifyMonitoringReport parts answering GetMonitoringReport `requestId`: monitors grouped by
 * component and variable, ENTRIES_PER_PART groups a part, seqNo from 0, tbc on all but the last.
 */
export function monitoringReportParts(requestId: number, monitors: readonly VariableMonitor[], generatedAt: string): Ocpp201.NotifyMonitoringReportRequest[] {
  const groups: Ocpp201.MonitoringDataType[] = [];
  for (const monitor of monitors) {
    const entry = { id: monitor.id, transaction: monitor.transaction, value: monitor.value, type: monitor.type, severity: monitor.severity };
    const group = groups.find((candidate) => sameComponent(candidate.component, monitor.component) && sameVariable(candidate.variable, monitor.variable));
    if (group) group.variableMonitoring.push(entry);
    else groups.push({ component: monitor.component, variable: monitor.variable, variableMonitoring: [entry] });
  }
  const parts: Ocpp201.NotifyMonitoringReportRequest[] = [];
  for (let start = 0; start < groups.length; start += ENTRIES_PER_PART) {
    const [first, ...rest] = groups.slice(start, start + ENTRIES_PER_PART);
    if (first === undefined) break;
    parts.push({ requestId, seqNo: parts.length, generatedAt, tbc: start + ENTRIES_PER_PART < groups.length, monitor: [first, ...rest] });
  }
  return parts;
}
