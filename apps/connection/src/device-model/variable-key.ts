import { parseVariableName, variableNameOf } from '../commands/mapping/variable-name';
import type { VariableAddress } from './device-model.types';

// Rows are keyed by the neutral variable name the operator API and the configuration commands
// already use (commands/mapping/variable-name.ts): `EVSE@1/Power`, `OCPPCommCtrlr/HeartbeatInterval`.

/** The store's key of a variable. */
export function variableKeyOf({ component, variable }: VariableAddress): string {
  const evse = component.evseId === undefined ? undefined : component.connectorId === undefined ? { id: component.evseId } : { id: component.evseId, connectorId: component.connectorId };
  return variableNameOf(
    { name: component.name, ...(component.instance === undefined ? {} : { instance: component.instance }), ...(evse === undefined ? {} : { evse }) },
    { name: variable.name, ...(variable.instance === undefined ? {} : { instance: variable.instance }) },
  );
}

/** The address a neutral variable name stands for, or undefined when it is not one. */
export function addressOfKey(key: string): VariableAddress | undefined {
  const parsed = parseVariableName(key);
  if (!parsed.ok) return undefined;
  const { component, variable } = parsed.value;
  return {
    component: {
      name: component.name,
      ...(component.instance === undefined ? {} : { instance: component.instance }),
      ...(component.evse === undefined ? {} : { evseId: component.evse.id }),
      ...(component.evse?.connectorId === undefined ? {} : { connectorId: component.evse.connectorId }),
    },
    variable: { name: variable.name, ...(variable.instance === undefined ? {} : { instance: variable.instance }) },
  };
}
