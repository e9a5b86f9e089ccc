import type { Ocpp16, Ocpp201, OcppVersion } from '@app/ocpp';
import { type CallMapping, type Mapped, byVersion, call, mapAll, mapped, refuse } from './call-mapping';
import { type CommandResponse, answeredResponse } from './command-response';
import { idToken201 } from './id-token.mapper';
import type { BodyOf, NeutralAuthorizationStatus } from './neutral-command.types';
import { compact, isoTime, nonEmptyList } from './payload-fields';
import { type JsonObject, numberAt } from './response-fields';

// The local authorization list (SendLocalList, GetLocalListVersion) and cache (ClearCache).
// An entry whose status is left unspecified carries no idTagInfo / idTokenInfo: in a
// differential update that removes the token from the list; a full list cannot hold one.

type SendLocalList = BodyOf<'sendLocalList'>;
type Entry = SendLocalList['entries'][number];
type Entry16 = NonNullable<Ocpp16.SendLocalListRequest['localAuthorizationList']>[number];

/** 1.6 has no Unknown; its Invalid is "identifier is unknown", which is what Unknown means. */
const status16: Readonly<Record<NeutralAuthorizationStatus, NonNullable<Entry16['idTagInfo']>['status'] | undefined>> = {
  0: undefined, // UNSPECIFIED
  1: 'Accepted', // ACCEPTED
  2: 'Blocked', // BLOCKED
  3: 'Expired', // EXPIRED
  4: 'Invalid', // INVALID
  5: 'ConcurrentTx', // CONCURRENT_TX
  6: 'Invalid', // UNKNOWN
};

const status201: Readonly<Record<NeutralAuthorizationStatus, Ocpp201.AuthorizationStatusEnumType | undefined>> = {
  0: undefined, // UNSPECIFIED
  1: 'Accepted', // ACCEPTED
  2: 'Blocked', // BLOCKED
  3: 'Expired', // EXPIRED
  4: 'Invalid', // INVALID
  5: 'ConcurrentTx', // CONCURRENT_TX
  6: 'Unknown', // UNKNOWN
};

/** Local-list tokens are presented at the station's reader: an untyped one is an RFID card (ISO14443). */
const LOCAL_TOKEN_TYPE = 'ISO14443';

function entry16(entry: Entry): Mapped<Entry16> {
  const idTag = entry.idToken?.value ?? '';
  if (idTag === '') return refuse('a local list entry has no id token');
  const status = status16[entry.status];
  return mapped(compact({ idTag, idTagInfo: status === undefined ? undefined : compact({ status, expiryDate: isoTime(entry.expiresAt) }) }));
}

function entry201(entry: Entry): Mapped<Ocpp201.AuthorizationData> {
  if (entry.idToken === undefined || entry.idToken.value === '') return refuse('a local list entry has no id token');
  const idToken = idToken201(entry.idToken, LOCAL_TOKEN_TYPE);
  if (!idToken.ok) return idToken;
  const status = status201[entry.status];
  return mapped(compact({ idToken: idToken.value, idTokenInfo: status === undefined ? undefined : compact({ status, cacheExpiryDateTime: isoTime(entry.expiresAt) }) }));
}

/** Versions 0 and -1 are reserved: GetLocalListVersion answers them for "no list" and "not supported". */
export function sendLocalListCall(version: OcppVersion, send: SendLocalList): CallMapping {
  if (send.version <= 0) return refuse(`local list version ${send.version} is reserved: versions start at 1`);
  if (send.full && send.entries.some((entry) => entry.status === 0)) return refuse('a full local list cannot hold an entry without a status');
  const updateType = send.full ? 'Full' : 'Differential';
  return byVersion(version, {
    '1.6': () => {
      const entries = mapAll(send.entries, entry16);
      if (!entries.ok) return entries;
      return call('1.6', 'SendLocalList', compact({ listVersion: send.version, updateType, localAuthorizationList: nonEmptyList(entries.value) }));
    },
    '2.0.1': () => {
      const entries = mapAll(send.entries, entry201);
      if (!entries.ok) return entries;
      return call('2.0.1', 'SendLocalList', compact({ versionNumber: send.version, updateType, localAuthorizationList: nonEmptyList(entries.value) }));
    },
  });
}

export function getLocalListVersionCall(version: OcppVersion): CallMapping {
  return byVersion(version, { '1.6': () => call('1.6', 'GetLocalListVersion', {}), '2.0.1': () => call('2.0.1', 'GetLocalListVersion', {}) });
}

/** { status: Accepted, version }: 0 = no list installed, -1 = local lists not supported (1.6). */
export function localListVersionResponse(version: OcppVersion, payload: JsonObject): CommandResponse {
  const listVersion = byVersion(version, { '1.6': () => numberAt(payload, 'listVersion'), '2.0.1': () => numberAt(payload, 'versionNumber') });
  return answeredResponse({ version: listVersion });
}

export function clearCacheCall(version: OcppVersion): CallMapping {
  return byVersion(version, { '1.6': () => call('1.6', 'ClearCache', {}), '2.0.1': () => call('2.0.1', 'ClearCache', {}) });
}
