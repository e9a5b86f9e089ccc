import { type JsonObject, OcppErrorKind, OcppRpcError, type OcppVersion } from '@app/ocpp';
import { configuration16, configuration201 } from './configuration.handlers';
import { customerInformation201 } from './customer-information.handlers';
import { deviceModel201 } from './device-model.handlers';
import { displayMessages201 } from './display-messages.handlers';
import { firmwarePublishing201 } from './firmware-publishing.handlers';
import { type ErasedHandler, type HandlerTable, handlerIn } from './handler-table';
import { minimalResponses16, minimalResponses201 } from './minimal-responses';
import { monitoring201 } from './monitoring.handlers';
import { networkProfile201 } from './network-profile.handlers';
import { remoteControl16, remoteControl201 } from './remote-control.handlers';
import { remoteTrigger16, remoteTrigger201 } from './remote-trigger.handlers';
import { reservations16, reservations201 } from './reservation.handlers';
import { security16, security201 } from './security.handlers';
import { smartCharging16, smartCharging201 } from './smart-charging.handlers';
import type { StationControl } from './station-control';

/** Handler tables per version, by capability; the minimal responses come last, as the fallback. */
const tables: { readonly [V in OcppVersion]: readonly HandlerTable<V>[] } = {
  '1.6': [remoteControl16, remoteTrigger16, configuration16, smartCharging16, security16, reservations16, minimalResponses16],
  '2.0.1': [
    remoteControl201,
    remoteTrigger201,
    configuration201,
    deviceModel201,
    smartCharging201,
    security201,
    networkProfile201,
    displayMessages201,
    customerInformation201,
    firmwarePublishing201,
    monitoring201,
    reservations201,
    minimalResponses201,
  ],
};

export function handlerFor(version: OcppVersion, action: string): ErasedHandler | undefined {
  for (const table of tables[version] as readonly HandlerTable<OcppVersion>[]) {
    const handler = handlerIn(table, action);
    if (handler) return handler;
  }
  return undefined;
}

/** Answers the CSMS's CALLs for one station: the request was validated by the session already. */
export function callDispatcher(version: OcppVersion, station: StationControl): (action: string, payload: JsonObject) => Promise<object> {
  return async (action, payload) => {
    const handler = handlerFor(version, action);
    if (handler === undefined) throw new OcppRpcError(OcppErrorKind.NotImplemented, `the simulated station does not implement ${action}`);
    return handler(payload, station);
  };
}
