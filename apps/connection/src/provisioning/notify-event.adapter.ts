import type { Ocpp201 } from '@app/ocpp';

/** One reported event of a 2.0.1 NotifyEvent (faults, monitoring), version-neutral. */
export interface StationNoticeReport {
  eventId: number;
  trigger: string;
  eventType: string;
  /** `Name[:instance][@evse[.connector]]`, e.g. `ConnectorPlugRetentionLock@1.1`. */
  component: string;
  /** `Name[:instance]`, e.g. `Problem`. */
  variable: string;
  actualValue: string;
  cleared: boolean;
  techCode: string | undefined;
  techInfo: string | undefined;
  noticedAt: Date;
}

function componentName(component: Ocpp201.ComponentType): string {
  const name = component.instance ? `${component.name}:${component.instance}` : component.name;
  if (!component.evse) return name;
  const connector = component.evse.connectorId === undefined ? '' : `.${component.evse.connectorId}`;
  return `${name}@${component.evse.id}${connector}`;
}

export function noticesOf(request: Ocpp201.NotifyEventRequest): StationNoticeReport[] {
  return request.eventData.map((event) => ({
    eventId: event.eventId,
    trigger: event.trigger,
    eventType: event.eventNotificationType,
    component: componentName(event.component),
    variable: event.variable.instance ? `${event.variable.name}:${event.variable.instance}` : event.variable.name,
    actualValue: event.actualValue,
    cleared: event.cleared ?? false,
    techCode: event.techCode,
    techInfo: event.techInfo,
    noticedAt: new Date(event.timestamp),
  }));
}
