/** The OCPP-J versions this library speaks, as named in the WebSocket subprotocol after `ocpp`. */
export const ocppVersions = ['1.6', '2.0.1'] as const;

export type OcppVersion = (typeof ocppVersions)[number];

/** Which end of the connection a party is. */
export type Side = 'csms' | 'station';

export function isOcppVersion(value: string): value is OcppVersion {
  return (ocppVersions as readonly string[]).includes(value);
}

/** `ocpp1.6` / `ocpp2.0.1`: the WebSocket subprotocol that selects a version. */
export type OcppSubprotocol = `ocpp${OcppVersion}`;

export function subprotocolOf(version: OcppVersion): OcppSubprotocol {
  return `ocpp${version}`;
}

/** The version a WebSocket subprotocol selects; undefined for one that selects none of ours. */
export function versionOfSubprotocol(subprotocol: OcppSubprotocol): OcppVersion;
export function versionOfSubprotocol(subprotocol: string): OcppVersion | undefined;
export function versionOfSubprotocol(subprotocol: string): OcppVersion | undefined {
  const version = subprotocol.startsWith('ocpp') ? subprotocol.slice('ocpp'.length) : '';
  return isOcppVersion(version) ? version : undefined;
}
