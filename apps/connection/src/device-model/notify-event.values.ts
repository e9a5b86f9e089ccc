import type { Ocpp201 } from '@app/ocpp';
import type { ObservedValue } from './device-model.types';
import { variableKeyOf } from './variable-key';
import { componentRefOf, variableRefOf } from './notify-report.adapter';

/**
 * The Actual value each NotifyEvent entry reports for its variable. Of several entries for the same
 * variable, the one with the latest timestamp wins (entries of one message need not be in order).
 */
export function valuesOfEvents(request: Ocpp201.NotifyEventRequest): ObservedValue[] {
  const latest = new Map<string, { at: number; value: ObservedValue }>();
  for (const event of request.eventData) {
    const { component, variable } = event;
    const value: ObservedValue = {
      component: componentRefOf(component),
      variable: variableRefOf(variable),
      type: 'Actual',
      value: event.actualValue,
    };
    const key = variableKeyOf(value);
    const at = Date.parse(event.timestamp);
    const kept = latest.get(key);
    if (kept === undefined || kept.at <= at) latest.set(key, { at, value });
  }
  return [...latest.values()].map((entry) => entry.value);
}
