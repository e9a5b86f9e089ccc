import type { Ocpp201 } from '@app/ocpp';
import type { ConnectorStatusReport } from '../stations/connector-status';
import type { StationMonitor } from './station-monitor';

/** OCPP 2.0.1 severities: 0 Danger … 9 Debug; lower is more severe. */
export const Severity = { danger: 0, critical: 3, error: 4, alert: 5, warning: 6 } as const;

/** An alert as raised (or raised again while active: the same key updates it). */
export interface RaisedAlert {
  /** At most one active alert per station and key; the clearing message names the same key. */
  key: string;
  source: 'event' | 'connector';
  severity: number;
  at: Date;
  component?: string;
  variable?: string;
  monitorId?: number;
  evseId?: number;
  connectorId?: number;
  eventId?: number;
  trigger?: string;
  eventType?: string;
  actualValue?: string;
  techCode?: string;
  techInfo?: string;
  errorCode?: string;
  vendorErrorCode?: string;
  info?: string;
}

export type AlertChange = { kind: 'raise'; alert: RaisedAlert } | { kind: 'clear'; key: string; at: Date } | { kind: 'none' };

function componentText(component: Ocpp201.ComponentType): string {
  const name = component.instance ? `${component.name}:${component.instance}` : component.name;
  if (!component.evse) return name;
  const connector = component.evse.connectorId === undefined ? '' : `.${component.evse.connectorId}`;
  return `${name}@${component.evse.id}${connector}`;
}

const variableText = (variable: Ocpp201.VariableType) => (variable.instance ? `${variable.name}:${variable.instance}` : variable.name);

/** What identifies one monitored condition: component (with EVSE), variable and monitor. */
export function eventAlertKey(event: Ocpp201.EventDataType): string {
  return `event:${componentText(event.component)}/${variableText(event.variable)}#${event.variableMonitoringId ?? '-'}`;
}

/**
 * Severity of an event (ADR 027): the stored monitor's when the event names one the CSMS knows;
 * otherwise a problem the station detects by itself (HardWiredNotification) is an Error (4), and
 * any monitor the CSMS has no record of gets the spec's default for monitoring events, Alert (5).
 */
export function severityOfEvent(event: Ocpp201.EventDataType, monitor: StationMonitor | undefined): number {
  if (monitor !== undefined) return monitor.severity;
  return event.eventNotificationType === 'HardWiredNotification' ? Severity.error : Severity.alert;
}

/**
 * One NotifyEvent event → an alert change. `cleared: true` clears the active alert of the same
 * component/EVSE/variable/monitor. Only Alerting events raise: Delta and Periodic events report a
 * value, not a condition, and a station never clears them (they are still published as events).
 */
export function alertOfEvent(event: Ocpp201.EventDataType, monitor: StationMonitor | undefined): AlertChange {
  const key = eventAlertKey(event);
  const at = new Date(event.timestamp);
  if (event.cleared === true) return { kind: 'clear', key, at };
  if (event.trigger !== 'Alerting') return { kind: 'none' };
  const evse = event.component.evse;
  return {
    kind: 'raise',
    alert: {
      key,
      source: 'event',
      severity: severityOfEvent(event, monitor),
      at,
      component: componentText(event.component),
      variable: variableText(event.variable),
      monitorId: event.variableMonitoringId,
      evseId: evse?.id,
      connectorId: evse?.connectorId,
      eventId: event.eventId,
      trigger: event.trigger,
      eventType: event.eventNotificationType,
      actualValue: event.actualValue,
      techCode: event.techCode,
      techInfo: event.techInfo,
    },
  };
}

export const connectorAlertKey = (evseId: number, connectorId: number) => `connector@${evseId}.${connectorId}`;

/**
 * A connector status → an alert change (ADR 027). A Faulted connector is out of service:
 * Critical (3). A 1.6 error code on a connector still in service (e.g. HighTemperature while
 * Charging) is a Warning (6). Any other status (1.6: NoError and not Faulted) clears the
 * connector's alert. One alert per connector: a new error code updates the active one.
 */
export function alertOfStatus(report: ConnectorStatusReport): AlertChange {
  const key = connectorAlertKey(report.evseId, report.connectorId);
  const faulted = report.status === 'Faulted';
  const errorReported = report.errorCode !== undefined && report.errorCode !== 'NoError';
  if (!faulted && !errorReported) return { kind: 'clear', key, at: report.statusAt };
  return {
    kind: 'raise',
    alert: {
      key,
      source: 'connector',
      severity: faulted ? Severity.critical : Severity.warning,
      at: report.statusAt,
      evseId: report.evseId,
      connectorId: report.connectorId,
      errorCode: report.errorCode,
      vendorErrorCode: report.vendorErrorCode,
      info: report.info,
    },
  };
}
