import type { OcppVersion } from '@app/ocpp';
import { type CallMapping, byVersion, call, refuse } from './call-mapping';
import { chargingProfile16, chargingProfile201 } from './charging-profile.mapper';
import { type CommandResponse, statusResponse } from './command-response';
import { idToken201 } from './id-token.mapper';
import type { BodyOf } from './neutral-command.types';
import { compact, int32Of, positive } from './payload-fields';
import { requestIdOf } from './request-id';
import { type JsonObject, stringAt } from './response-fields';

const ID_TAG_MAX_LENGTH = 20;

/**
 * 2.0.1 type of a token the command leaves untyped (or types as the 1.6 "IdTag"): Central, the
 * type 2.0.1 gives "a centrally generated id, e.g. for a remotely started transaction".
 */
const REMOTE_START_TOKEN_TYPE = 'Central';

function remoteStart16(start: BodyOf<'remoteStart'>): CallMapping {
  const idTag = start.idToken?.value ?? '';
  if (idTag === '') return refuse('a remote start needs an id token');
  if (idTag.length > ID_TAG_MAX_LENGTH) return refuse(`id token "${idTag}" is longer than the ${ID_TAG_MAX_LENGTH} characters of an OCPP 1.6 idTag`);
  const profile = start.chargingProfile === undefined ? undefined : chargingProfile16(start.chargingProfile, 'remote-start');
  if (profile !== undefined && !profile.ok) return profile;
  return call('1.6', 'RemoteStartTransaction', compact({ connectorId: positive(start.evseId), idTag, chargingProfile: profile?.value }));
}

function remoteStart201(start: BodyOf<'remoteStart'>, commandId: string): CallMapping {
  if (start.idToken === undefined || start.idToken.value === '') return refuse('a remote start needs an id token');
  const idToken = idToken201(start.idToken, REMOTE_START_TOKEN_TYPE);
  if (!idToken.ok) return idToken;
  const remoteStartId = requestIdOf(start.remoteStartId, commandId);
  if (!remoteStartId.ok) return remoteStartId;
  const profile = start.chargingProfile === undefined ? undefined : chargingProfile201(start.chargingProfile, 'remote-start');
  if (profile !== undefined && !profile.ok) return profile;
  return call(
    '2.0.1',
    'RequestStartTransaction',
    compact({
      evseId: positive(start.evseId),
      idToken: idToken.value,
      remoteStartId: remoteStartId.value,
      chargingProfile: profile?.value,
    }),
  );
}

export function remoteStartCall(version: OcppVersion, start: BodyOf<'remoteStart'>, commandId: string): CallMapping {
  return byVersion(version, { '1.6': () => remoteStart16(start), '2.0.1': () => remoteStart201(start, commandId) });
}

/** 2.0.1 also names the transaction if it already started, and the remoteStartId it will report. */
export function remoteStartResponse(version: OcppVersion, start: BodyOf<'remoteStart'>, payload: JsonObject, commandId: string): CommandResponse {
  return byVersion(version, {
    '1.6': () => statusResponse(payload),
    '2.0.1': () => {
      const remoteStartId = requestIdOf(start.remoteStartId, commandId);
      return statusResponse(payload, {
        transactionId: stringAt(payload, 'transactionId'),
        remoteStartId: remoteStartId.ok ? remoteStartId.value : undefined,
      });
    },
  });
}

export function remoteStopCall(version: OcppVersion, stop: BodyOf<'remoteStop'>): CallMapping {
  if (stop.transactionId === '') return refuse('a remote stop needs a transaction id');
  return byVersion(version, {
    '1.6': () => {
      const transactionId = int32Of(stop.transactionId);
      if (transactionId === undefined) return refuse(`transaction id "${stop.transactionId}" is not an OCPP 1.6 (integer) transaction id`);
      return call('1.6', 'RemoteStopTransaction', { transactionId });
    },
    '2.0.1': () => call('2.0.1', 'RequestStopTransaction', { transactionId: stop.transactionId }),
  });
}
