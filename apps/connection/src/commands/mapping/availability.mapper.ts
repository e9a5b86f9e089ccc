import type { OcppVersion } from '@app/ocpp';
import { type CallMapping, byVersion, call, refuse } from './call-mapping';
import { connectorId16, evse201 } from './evse-address';
import type { BodyOf } from './neutral-command.types';
import { compact, positive } from './payload-fields';

// Reset, UnlockConnector and ChangeAvailability: a station's or an EVSE's availability. Their
// answers carry only a status (see statusResponse).

/** Hard is 1.6 Hard / 2.0.1 Immediate; soft is 1.6 Soft / 2.0.1 OnIdle. 1.6 resets the whole station only. */
export function resetCall(version: OcppVersion, reset: BodyOf<'reset'>): CallMapping {
  return byVersion(version, {
    '1.6': () =>
      reset.evseId === 0
        ? call('1.6', 'Reset', { type: reset.hard ? 'Hard' : 'Soft' })
        : refuse(`OCPP 1.6 resets the whole station only, not EVSE ${reset.evseId}`),
    '2.0.1': () => call('2.0.1', 'Reset', compact({ type: reset.hard ? 'Immediate' : 'OnIdle', evseId: positive(reset.evseId) })),
  });
}

/** 2.0.1 wants a connector: connector 1 unless the command names one. */
export function unlockConnectorCall(version: OcppVersion, unlock: BodyOf<'unlockConnector'>): CallMapping {
  if (unlock.evseId === 0) return refuse('unlocking a connector needs an EVSE id');
  return byVersion(version, {
    '1.6': () => {
      const connectorId = connectorId16(unlock.evseId, unlock.connectorId);
      return connectorId.ok ? call('1.6', 'UnlockConnector', { connectorId: connectorId.value }) : connectorId;
    },
    '2.0.1': () => call('2.0.1', 'UnlockConnector', { evseId: unlock.evseId, connectorId: unlock.connectorId || 1 }),
  });
}

export function changeAvailabilityCall(version: OcppVersion, change: BodyOf<'changeAvailability'>): CallMapping {
  const status = change.operative ? 'Operative' : 'Inoperative';
  return byVersion(version, {
    '1.6': () => {
      const connectorId = connectorId16(change.evseId, change.connectorId);
      return connectorId.ok ? call('1.6', 'ChangeAvailability', { connectorId: connectorId.value, type: status }) : connectorId;
    },
    '2.0.1': () => {
      const evse = evse201(change.evseId, change.connectorId);
      return evse.ok ? call('2.0.1', 'ChangeAvailability', compact({ operationalStatus: status, evse: evse.value })) : evse;
    },
  });
}
