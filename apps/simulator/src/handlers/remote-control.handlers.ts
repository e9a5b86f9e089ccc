import type { ChargingProfile } from '../smart-charging/charging-profile';
import { profileFrom16, profileFrom201 } from '../smart-charging/charging-profile.mapper';
import { isAccepted } from '../station/station-model';
import type { HandlerTable } from './handler-table';
import type { StationControl } from './station-control';

/**
 * Starts a transaction after the answer (authorising first when AuthorizeRemoteTxRequests is
 * true); a profile sent along becomes the transaction's TxProfile. Accepted when a connector/EVSE is free.
 */
function remoteStart(
  station: StationControl,
  request: { evseId?: number; idToken: string; remoteStartId?: number; profile?: (receivedAt: number) => ChargingProfile },
): 'Accepted' | 'Rejected' {
  const evseId = request.evseId ?? station.freeEvse();
  if (evseId === undefined || !station.isFree(evseId)) return 'Rejected';
  station.afterAnswer(async () => {
    if (station.settings.value('AuthorizeRemoteTxRequests') === 'true' && !isAccepted(await station.authorize(request.idToken))) return;
    const transaction = await station.startTransaction({ evseId, idToken: request.idToken, trigger: 'Remote', remoteStartId: request.remoteStartId });
    if (request.profile === undefined) return;
    const profile = { ...request.profile(station.now()), transactionId: transaction.transactionId };
    if (station.profiles.install(evseId, profile).ok) await station.profilesChanged(evseId);
  });
  return 'Accepted';
}

function remoteStop(station: StationControl, transactionId: string): 'Accepted' | 'Rejected' {
  const evseId = station.evseOfTransaction(transactionId);
  if (evseId === undefined) return 'Rejected';
  station.afterAnswer(() => station.stopTransaction(evseId, 'Remote'));
  return 'Accepted';
}

function unlock(station: StationControl, evseId: number): 'Unlocked' | 'UnknownConnector' {
  if (evseId < 1 || evseId > station.evseCount) return 'UnknownConnector';
  if (station.transactionIdOn(evseId) !== undefined) station.afterAnswer(() => station.stopTransaction(evseId, 'UnlockCommand'));
  return 'Unlocked';
}

/** Reset, availability, unlock, remote start/stop and DataTransfer (which echoes the data back). */
export const remoteControl16: HandlerTable<'1.6'> = {
  Reset: (request, station) => {
    station.reset(request.type === 'Hard');
    return { status: 'Accepted' };
  },
  ChangeAvailability: (request, station) => ({ status: station.changeAvailability(request.connectorId, request.type === 'Operative') }),
  UnlockConnector: (request, station) => {
    const outcome = unlock(station, request.connectorId);
    return { status: outcome === 'Unlocked' ? 'Unlocked' : 'NotSupported' };
  },
  RemoteStartTransaction: (request, station) => {
    const { chargingProfile } = request;
    const profile = chargingProfile && ((receivedAt: number) => profileFrom16(chargingProfile, receivedAt));
    return { status: remoteStart(station, { evseId: request.connectorId, idToken: request.idTag, profile }) };
  },
  RemoteStopTransaction: (request, station) => ({ status: remoteStop(station, String(request.transactionId)) }),
  DataTransfer: (request) => (request.data === undefined ? { status: 'Accepted' } : { status: 'Accepted', data: request.data }),
};

export const remoteControl201: HandlerTable<'2.0.1'> = {
  Reset: (request, station) => ({ status: station.reset(true, request.type === 'OnIdle') }),
  ChangeAvailability: (request, station) => ({ status: station.changeAvailability(request.evse?.id ?? 0, request.operationalStatus === 'Operative') }),
  UnlockConnector: (request, station) => {
    if (station.transactionIdOn(request.evseId) !== undefined) return { status: 'OngoingAuthorizedTransaction' };
    return { status: unlock(station, request.evseId) };
  },
  RequestStartTransaction: (request, station) => {
    const { chargingProfile } = request;
    const profile = chargingProfile && ((receivedAt: number) => profileFrom201(chargingProfile, receivedAt));
    return { status: remoteStart(station, { evseId: request.evseId, idToken: request.idToken.idToken, remoteStartId: request.remoteStartId, profile }) };
  },
  RequestStopTransaction: (request, station) => ({ status: remoteStop(station, request.transactionId) }),
  DataTransfer: (request) => (request.data === undefined ? { status: 'Accepted' } : { status: 'Accepted', data: request.data }),
  GetTransactionStatus: (request, station) => {
    const ongoing = request.transactionId === undefined ? undefined : station.evseOfTransaction(request.transactionId) !== undefined;
    return ongoing === undefined ? { messagesInQueue: false } : { messagesInQueue: false, ongoingIndicator: ongoing };
  },
};
