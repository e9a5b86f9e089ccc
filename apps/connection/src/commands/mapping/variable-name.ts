import type { Ocpp201 } from '@app/ocpp';
import { type Mapped, mapped, refuse } from './call-mapping';

// Neutral configuration keys are 1.6 keys, or 2.0.1 device-model variables written as
//   Component[.instance][@evseId[.connectorId]]/Variable[.instance]
// e.g. "OCPPCommCtrlr/HeartbeatInterval", "SampledDataCtrlr/TxEndedMeasurands",
// "Connector@1.2/Available", "EVSE@1/Power", "SecurityCtrlr/BasicAuthPassword".
// Names are split at the first "/", a component at its first "@", names at their first ".";
// instances may hold further dots. The same spelling is rebuilt from a station's answer.

export interface VariableAddress {
  readonly component: Ocpp201.ComponentType;
  readonly variable: Ocpp201.VariableType;
}

const FORMAT = 'Component[.instance][@evseId[.connectorId]]/Variable[.instance]';

function splitOnce(text: string, separator: string): [string, string | undefined] {
  const at = text.indexOf(separator);
  return at < 0 ? [text, undefined] : [text.slice(0, at), text.slice(at + separator.length)];
}

function named(part: string): { name: string; instance?: string } | undefined {
  const [name, instance] = splitOnce(part, '.');
  if (name === '' || instance === '') return undefined;
  return instance === undefined ? { name } : { name, instance };
}

function evseOf(text: string): Ocpp201.EVSEType | undefined {
  const match = /^(\d+)(?:\.(\d+))?$/.exec(text);
  if (match === null) return undefined;
  const [, id, connectorId] = match;
  return connectorId === undefined ? { id: Number(id) } : { id: Number(id), connectorId: Number(connectorId) };
}

/** The component and variable a neutral 2.0.1 name stands for. */
export function parseVariableName(key: string): Mapped<VariableAddress> {
  const [componentPart, variablePart] = splitOnce(key, '/');
  const invalid = refuse(`"${key}" is not an OCPP 2.0.1 variable name (${FORMAT})`);
  if (variablePart === undefined) return invalid;
  const [componentText, evseText] = splitOnce(componentPart, '@');
  const component = named(componentText);
  const variable = named(variablePart);
  const evse = evseText === undefined ? undefined : evseOf(evseText);
  if (component === undefined || variable === undefined || (evseText !== undefined && evse === undefined)) return invalid;
  return mapped({ component: evse === undefined ? component : { ...component, evse }, variable });
}

function withInstance(name: string, instance: string | undefined): string {
  return instance === undefined ? name : `${name}.${instance}`;
}

function evseSuffix(evse: { id: number; connectorId?: number } | undefined): string {
  if (evse === undefined) return '';
  return evse.connectorId === undefined ? `@${evse.id}` : `@${evse.id}.${evse.connectorId}`;
}

/** The neutral name of a component and variable, as parseVariableName reads it. */
export function variableNameOf(component: Ocpp201.ComponentType, variable: Ocpp201.VariableType): string {
  return `${withInstance(component.name, component.instance)}${evseSuffix(component.evse)}/${withInstance(variable.name, variable.instance)}`;
}
