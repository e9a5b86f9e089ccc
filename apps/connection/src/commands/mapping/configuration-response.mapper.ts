import type { Ocpp201, OcppVersion } from '@app/ocpp';
import { byVersion } from './call-mapping';
import { type CommandResponse, answeredResponse, statusInfoOf, statusResponse } from './command-response';
import type { BodyOf } from './neutral-command.types';
import { compact } from './payload-fields';
import { type JsonObject, booleanAt, numberAt, objectAt, objectsAt, stringAt, stringsAt } from './response-fields';
import { normaliseStatus } from './station-status';
import { variableNameOf } from './variable-name';

// Configuration answers, in one shape for both versions:
//   get: { status, settings: [{ key, value?, readonly? }], unknownKeys: [key], failedKeys: [{ key, status, stationStatus }] }
//   set: { status, settings: [{ key, status, stationStatus, statusInfo? }] }
// 2.0.1 names are rebuilt as "Component[.instance][@evse[.connector]]/Variable[.instance]".
// 2.0.1 GetVariables does not say whether a variable is read-only, so `readonly` is 1.6 only.

function componentOf(data: JsonObject): Ocpp201.ComponentType {
  const evse = objectAt(data, 'evse');
  return compact({
    name: stringAt(data, 'name') ?? '',
    instance: stringAt(data, 'instance'),
    evse: evse === undefined ? undefined : compact({ id: numberAt(evse, 'id') ?? 0, connectorId: numberAt(evse, 'connectorId') }),
  });
}

function keyOf(result: JsonObject): string {
  const variable = objectAt(result, 'variable') ?? {};
  return variableNameOf(componentOf(objectAt(result, 'component') ?? {}), {
    ...compact({ instance: stringAt(variable, 'instance') }),
    name: stringAt(variable, 'name') ?? '',
  });
}

const unknownStatuses: ReadonlySet<string> = new Set(['UnknownComponent', 'UnknownVariable']);

function getVariablesResult(payload: JsonObject): CommandResponse {
  const results = objectsAt(payload, 'getVariableResult');
  const found = results.filter((result) => stringAt(result, 'attributeStatus') === 'Accepted');
  const unknown = results.filter((result) => unknownStatuses.has(stringAt(result, 'attributeStatus') ?? ''));
  const failed = results.filter((result) => !found.includes(result) && !unknown.includes(result));
  return answeredResponse({
    settings: found.map((result) => compact({ key: keyOf(result), value: stringAt(result, 'attributeValue') })),
    unknownKeys: unknown.map(keyOf),
    failedKeys: failed.map((result) => {
      const stationStatus = stringAt(result, 'attributeStatus') ?? '';
      return { key: keyOf(result), status: normaliseStatus(stationStatus).status, stationStatus };
    }),
  });
}

function getConfigurationResult(payload: JsonObject): CommandResponse {
  return answeredResponse({
    settings: objectsAt(payload, 'configurationKey').map((entry) =>
      compact({ key: stringAt(entry, 'key') ?? '', value: stringAt(entry, 'value'), readonly: booleanAt(entry, 'readonly') }),
    ),
    unknownKeys: stringsAt(payload, 'unknownKey'),
    failedKeys: [],
  });
}

export function getConfigurationResponse(version: OcppVersion, payload: JsonObject): CommandResponse {
  return byVersion(version, { '1.6': () => getConfigurationResult(payload), '2.0.1': () => getVariablesResult(payload) });
}

/** Accepted when every setting was (RebootRequired counts: the value is stored and applies after a reboot). */
function setVariablesResult(payload: JsonObject): CommandResponse {
  const settings = objectsAt(payload, 'setVariableResult').map((result) => {
    const stationStatus = stringAt(result, 'attributeStatus') ?? '';
    const { status, accepted } = normaliseStatus(stationStatus);
    const statusInfo = statusInfoOf(objectAt(result, 'attributeStatusInfo'));
    return { accepted, setting: compact({ key: keyOf(result), status, stationStatus, statusInfo }) };
  });
  const accepted = settings.length > 0 && settings.every((entry) => entry.accepted);
  const rebootRequired = settings.some((entry) => entry.setting.status === 'RebootRequired');
  return {
    accepted,
    result: { status: accepted ? (rebootRequired ? 'RebootRequired' : 'Accepted') : 'Rejected', settings: settings.map((entry) => entry.setting) },
  };
}

function changeConfigurationResult(set: BodyOf<'setConfiguration'>, payload: JsonObject): CommandResponse {
  const answer = statusResponse(payload);
  const { status, stationStatus } = answer.result;
  return { accepted: answer.accepted, result: { ...answer.result, settings: [{ key: set.settings[0]?.key ?? '', status, stationStatus }] } };
}

export function setConfigurationResponse(version: OcppVersion, set: BodyOf<'setConfiguration'>, payload: JsonObject): CommandResponse {
  return byVersion(version, { '1.6': () => changeConfigurationResult(set, payload), '2.0.1': () => setVariablesResult(payload) });
}
