import type { StationCommand } from '@app/contracts';
import { type JsonObject, booleanAt, objectsAt, stringAt, stringsAt } from '../commands/mapping/response-fields';
import type { Execution } from '../routing/command-execution';
import { addressOfConfigurationKey, changedConfigurationKey, variableOfConfigurationKey } from './configuration-key.mapping';
import type { ObservedValue, RefusedSet, ReportedVariable, VariableAddress } from './device-model.types';
import { addressOfKey } from './variable-key';

/** What a configuration command's answer tells about the station's device model. */
export interface DeviceModelUpdate {
  values: ObservedValue[];
  refused: RefusedSet[];
  /** Variables the station says it does not have (1.6 unknownKey, 2.0.1 UnknownComponent/UnknownVariable). */
  removed: VariableAddress[];
  /** A 1.6 GetConfiguration of every key: the whole configuration component, replacing the stored one. */
  configuration?: ReportedVariable[];
}

const ACCEPTED = new Set(['Accepted', 'RebootRequired']);

/** What a configuration command asked for: the keys of a get (none: all), the settings of a set. */
export interface AskedConfiguration {
  keys?: readonly string[];
  settings?: readonly { key: string; value: string }[];
}

function askedOf(command: StationCommand): AskedConfiguration {
  if (command.body.case === 'getConfiguration') return { keys: command.body.value.keys };
  if (command.body.case === 'setConfiguration') return { settings: command.body.value.settings };
  return {};
}

function addressed<T>(key: string, build: (address: VariableAddress) => T): T[] {
  const address = addressOfKey(key);
  return address === undefined ? [] : [build(address)];
}

/** 2.0.1 GetVariables, read from the neutral answer (configuration-response.mapper.ts). */
function getVariablesUpdate(result: JsonObject): DeviceModelUpdate {
  return {
    values: objectsAt(result, 'settings').flatMap((setting) => {
      const value = stringAt(setting, 'value');
      return value === undefined ? [] : addressed(stringAt(setting, 'key') ?? '', (address): ObservedValue => ({ ...address, type: 'Actual', value }));
    }),
    refused: [],
    removed: stringsAt(result, 'unknownKeys').flatMap((key) => addressed(key, (address) => address)),
  };
}

/** 2.0.1 SetVariables: the values come from the command, the verdict per variable from the answer. */
function setVariablesUpdate(asked: AskedConfiguration, result: JsonObject): DeviceModelUpdate {
  const values = new Map((asked.settings ?? []).map((setting) => [setting.key, setting.value]));
  const update: DeviceModelUpdate = { values: [], refused: [], removed: [] };
  for (const setting of objectsAt(result, 'settings')) {
    const key = stringAt(setting, 'key') ?? '';
    const stationStatus = stringAt(setting, 'stationStatus') ?? stringAt(setting, 'status') ?? '';
    const value = values.get(key);
    if (ACCEPTED.has(stationStatus) && value !== undefined) {
      update.values.push(...addressed(key, (address): ObservedValue => ({ ...address, type: 'Actual', value, rebootRequired: stationStatus === 'RebootRequired', setStatus: stationStatus })));
    } else {
      update.refused.push(...addressed(key, (address): RefusedSet => ({ ...address, type: 'Actual', setStatus: stationStatus })));
    }
  }
  return update;
}

function getConfigurationUpdate(asked: AskedConfiguration, result: JsonObject): DeviceModelUpdate {
  const keys = objectsAt(result, 'settings').map((setting) => ({ key: stringAt(setting, 'key') ?? '', value: stringAt(setting, 'value'), readonly: booleanAt(setting, 'readonly') }));
  const variables = keys.filter((entry) => entry.key !== '').map((entry) => variableOfConfigurationKey({ key: entry.key, ...(entry.value === undefined ? {} : { value: entry.value }), ...(entry.readonly === undefined ? {} : { readonly: entry.readonly }) }));
  const removed = stringsAt(result, 'unknownKeys').map(addressOfConfigurationKey);
  const askedForAll = asked.keys !== undefined && asked.keys.length === 0;
  if (askedForAll) return { values: [], refused: [], removed, configuration: variables };
  const values = variables.flatMap((variable) =>
    variable.attributes.flatMap((attribute): ObservedValue[] =>
      attribute.value === undefined
        ? []
        : [{ component: variable.component, variable: variable.variable, type: attribute.type, value: attribute.value, ...(attribute.mutability === undefined ? {} : { mutability: attribute.mutability }) }],
    ),
  );
  return { values, refused: [], removed };
}

function changeConfigurationUpdate(asked: AskedConfiguration, result: JsonObject): DeviceModelUpdate {
  const update: DeviceModelUpdate = { values: [], refused: [], removed: [] };
  const [setting] = asked.settings ?? [];
  if (setting === undefined) return update;
  const stationStatus = stringAt(result, 'stationStatus') ?? stringAt(result, 'status') ?? '';
  if (ACCEPTED.has(stationStatus)) update.values.push(changedConfigurationKey(setting.key, setting.value, stationStatus));
  else update.refused.push({ ...addressOfConfigurationKey(setting.key), type: 'Actual', setStatus: stationStatus });
  return update;
}

/** The device-model update an answer (neutral form) to a configuration call carries, given what was asked. */
export function deviceModelUpdateOfAnswer(action: string, asked: AskedConfiguration, result: JsonObject): DeviceModelUpdate | undefined {
  const isGet = asked.keys !== undefined;
  const isSet = asked.settings !== undefined;
  switch (action) {
    case 'GetVariables':
      return isGet ? getVariablesUpdate(result) : undefined;
    case 'SetVariables':
      return isSet ? setVariablesUpdate(asked, result) : undefined;
    case 'GetConfiguration':
      return isGet ? getConfigurationUpdate(asked, result) : undefined;
    case 'ChangeConfiguration':
      return isSet ? changeConfigurationUpdate(asked, result) : undefined;
    default:
      return undefined;
  }
}

/**
 * The device-model update a command's answer carries: get/set configuration in either version.
 * Nothing for other commands, or when the station did not answer.
 */
export function deviceModelUpdateOf(command: StationCommand, execution: Execution): DeviceModelUpdate | undefined {
  const { outcome, call } = execution;
  if (outcome.status !== 'accepted' && outcome.status !== 'rejected') return undefined;
  if (call === undefined) return undefined;
  return deviceModelUpdateOfAnswer(call.action, askedOf(command), outcome.result ?? {});
}
