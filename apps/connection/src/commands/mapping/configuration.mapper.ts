import type { Ocpp201, OcppVersion } from '@app/ocpp';
import { type CallMapping, type Mapped, byVersion, call, mapAll, mapped, refuse } from './call-mapping';
import type { BodyOf } from './neutral-command.types';
import { nonEmptyList } from './payload-fields';
import { parseVariableName } from './variable-name';

// GetConfiguration / ChangeConfiguration (1.6) and GetVariables / SetVariables (2.0.1). Keys are
// 1.6 keys or 2.0.1 variable names (see variable-name.ts); nothing translates one into the other.

type Setting = BodyOf<'setConfiguration'>['settings'][number];

/** 1.6 with no keys asks for every key; 2.0.1 GetVariables has no "all" (that is GetBaseReport, a raw call). */
export function getConfigurationCall(version: OcppVersion, get: BodyOf<'getConfiguration'>): CallMapping {
  return byVersion(version, {
    '1.6': () => call('1.6', 'GetConfiguration', get.keys.length === 0 ? {} : { key: [...get.keys] }),
    '2.0.1': () => {
      const addresses = mapAll(get.keys, parseVariableName);
      if (!addresses.ok) return addresses;
      const getVariableData = nonEmptyList(addresses.value);
      if (getVariableData === undefined) {
        return refuse('OCPP 2.0.1 GetVariables needs at least one variable name; a full report is GetBaseReport (send it as a raw call)');
      }
      return call('2.0.1', 'GetVariables', { getVariableData });
    },
  });
}

function toSetVariableData(setting: Setting): Mapped<Ocpp201.SetVariableDataType> {
  const address = parseVariableName(setting.key);
  return address.ok ? mapped({ ...address.value, attributeValue: setting.value }) : address;
}

/**
 * 1.6 ChangeConfiguration sets exactly one key and answers one status. Several settings would
 * take several calls, any of which may fail after others succeeded, which one command result
 * cannot report: send one command per key. 2.0.1 SetVariables sets many and answers per variable.
 */
export function setConfigurationCall(version: OcppVersion, set: BodyOf<'setConfiguration'>): CallMapping {
  const [first, ...rest] = set.settings;
  if (first === undefined) return refuse('set_configuration has no settings');
  return byVersion(version, {
    '1.6': () =>
      rest.length === 0
        ? call('1.6', 'ChangeConfiguration', { key: first.key, value: first.value })
        : refuse(`OCPP 1.6 ChangeConfiguration sets one key per call, not ${set.settings.length}: send one set_configuration per key`),
    '2.0.1': () => {
      const data = mapAll(set.settings, toSetVariableData);
      if (!data.ok) return data;
      const setVariableData = nonEmptyList(data.value);
      return setVariableData === undefined ? refuse('set_configuration has no settings') : call('2.0.1', 'SetVariables', { setVariableData });
    },
  });
}
