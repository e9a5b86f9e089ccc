import type { Ocpp201 } from '@app/ocpp';
import type { z } from 'zod';
import type { componentSchema, variableSchema } from './monitoring.schemas';

// The REST shapes of components and variables to OCPP 2.0.1 and back, and what a 2.0.1 answer
// says beyond its status.

type ComponentBody = z.output<typeof componentSchema>;
type VariableBody = z.output<typeof variableSchema>;

export function ocppComponent(component: ComponentBody): Ocpp201.ComponentType {
  const ocpp: Ocpp201.ComponentType = { name: component.name };
  if (component.instance !== undefined) ocpp.instance = component.instance;
  if (component.evseId !== undefined) ocpp.evse = component.connectorId === undefined ? { id: component.evseId } : { id: component.evseId, connectorId: component.connectorId };
  return ocpp;
}

export function ocppVariable(variable: VariableBody): Ocpp201.VariableType {
  return variable.instance === undefined ? { name: variable.name } : { name: variable.name, instance: variable.instance };
}

export function componentBody(component: Ocpp201.ComponentType): ComponentBody {
  return {
    name: component.name,
    ...(component.instance === undefined ? {} : { instance: component.instance }),
    ...(component.evse === undefined ? {} : { evseId: component.evse.id }),
    ...(component.evse?.connectorId === undefined ? {} : { connectorId: component.evse.connectorId }),
  };
}

export function variableBody(variable: Ocpp201.VariableType): VariableBody {
  return variable.instance === undefined ? { name: variable.name } : { name: variable.name, instance: variable.instance };
}

export const reasonOf = (statusInfo: Ocpp201.StatusInfoType | undefined): string | null => statusInfo?.reasonCode ?? null;

/** The `status` of a 2.0.1 answer (the raw answer as the station sent it). */
export function stationStatusOf(result: Record<string, unknown>): string {
  return typeof result.status === 'string' ? result.status : 'Unknown';
}
