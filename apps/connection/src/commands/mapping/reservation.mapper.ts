import type { OcppVersion } from '@app/ocpp';
import { type CallMapping, type Mapped, byVersion, call, mapped, refuse, uncheckedCall } from './call-mapping';
import { type CommandResponse, statusResponse } from './command-response';
import { idToken201 } from './id-token.mapper';
import type { BodyOf, NeutralIdToken, NeutralTimestamp } from './neutral-command.types';
import { compact, isoTime, nonEmpty, positive } from './payload-fields';
import type { JsonObject } from './response-fields';

const INT32_MAX = 2 ** 31 - 1;

/** A reserving token is presented at the station's reader: an untyped one is an RFID card. */
const RESERVING_TOKEN_TYPE = 'ISO14443';
/** Group ids are the CSMS's own identifiers (as in authorize.adapter.ts): typed Central. */
const GROUP_TOKEN_TYPE = 'Central';

type ReserveNowBody = BodyOf<'reserveNow'>;

/** A ReserveNow with what both versions require present: an id, a token and an expiry. */
interface CompleteReservation {
  readonly body: ReserveNowBody;
  readonly idToken: NeutralIdToken;
  readonly expiresAt: NeutralTimestamp;
}

function completeReservation(reserve: ReserveNowBody): Mapped<CompleteReservation> {
  if (reserve.reservationId === 0) return refuse('a reservation needs a reservation id');
  if (reserve.reservationId > INT32_MAX) return refuse(`reservation id ${reserve.reservationId} does not fit an OCPP integer`);
  if (!reserve.idToken?.value) return refuse('a reservation needs an id token');
  if (reserve.expiresAt === undefined) return refuse('a reservation needs an expiry');
  return mapped({ body: reserve, idToken: reserve.idToken, expiresAt: reserve.expiresAt });
}

function reserveNow16({ body: reserve, idToken, expiresAt }: CompleteReservation): CallMapping {
  if (reserve.connectorType !== '') return refuse('OCPP 1.6 has no connector type in ReserveNow');
  return call(
    '1.6',
    'ReserveNow',
    compact({
      // connectorId 0: any connector of the station (1.6 §5.13, when ReserveConnectorZeroSupported).
      connectorId: reserve.evseId,
      expiryDate: isoTime(expiresAt),
      idTag: idToken.value,
      parentIdTag: nonEmpty(reserve.groupIdToken?.value ?? ''),
      reservationId: reserve.reservationId,
    }),
  );
}

function reserveNow201({ body: reserve, idToken: token, expiresAt }: CompleteReservation): CallMapping {
  const idToken = idToken201(token, RESERVING_TOKEN_TYPE);
  if (!idToken.ok) return idToken;
  const group = reserve.groupIdToken?.value ? idToken201(reserve.groupIdToken, GROUP_TOKEN_TYPE) : undefined;
  if (group !== undefined && !group.ok) return group;
  // connectorType is an enum the OCA schema checks (toOcppCall), so a wrong one is refused with its name.
  return uncheckedCall(
    'ReserveNow',
    compact({
      id: reserve.reservationId,
      expiryDateTime: isoTime(expiresAt),
      connectorType: nonEmpty(reserve.connectorType),
      idToken: idToken.value,
      evseId: positive(reserve.evseId),
      groupIdToken: group?.value,
    }),
  );
}

export function reserveNowCall(version: OcppVersion, reserve: ReserveNowBody): CallMapping {
  const complete = completeReservation(reserve);
  if (!complete.ok) return complete;
  return byVersion(version, { '1.6': () => reserveNow16(complete.value), '2.0.1': () => reserveNow201(complete.value) });
}

export function cancelReservationCall(version: OcppVersion, cancel: BodyOf<'cancelReservation'>): CallMapping {
  if (cancel.reservationId === 0) return refuse('cancelling needs a reservation id');
  if (cancel.reservationId > INT32_MAX) return refuse(`reservation id ${cancel.reservationId} does not fit an OCPP integer`);
  return byVersion(version, {
    '1.6': () => call('1.6', 'CancelReservation', { reservationId: cancel.reservationId }),
    '2.0.1': () => call('2.0.1', 'CancelReservation', { reservationId: cancel.reservationId }),
  });
}

/** Both answers carry a status (ReserveNow: Accepted, Faulted, Occupied, Rejected, Unavailable); the reservation id is echoed. */
export function reservationResponse(reservationId: number, payload: JsonObject): CommandResponse {
  return statusResponse(payload, { reservationId });
}
