import type { Ocpp201 } from '@app/ocpp';
import { type Mapped, mapped, refuse } from './call-mapping';

// Neutral commands address an EVSE (0 = the station) and optionally a connector of it (0 = any).
// 2.0.1 says exactly that. 1.6 numbers connectors only: its connectorId is our EVSE id, each
// 1.6 "connector" being an EVSE with one connector, so connector 2 of an EVSE has no 1.6 address.

/** The 1.6 connectorId of an EVSE (and connector), or a refusal when 1.6 cannot address it. */
export function connectorId16(evseId: number, connectorId: number): Mapped<number> {
  if (evseId === 0 && connectorId > 0) return refuse(`connector ${connectorId} needs an EVSE id`);
  if (connectorId > 1) return refuse(`OCPP 1.6 has one connector per connectorId: connector ${connectorId} of EVSE ${evseId} cannot be addressed`);
  return mapped(evseId);
}

/** The 2.0.1 EVSEType of an EVSE (and connector); undefined for the whole station. */
export function evse201(evseId: number, connectorId: number): Mapped<Ocpp201.EVSEType | undefined> {
  if (evseId === 0) return connectorId > 0 ? refuse(`connector ${connectorId} needs an EVSE id`) : mapped(undefined);
  return mapped(connectorId > 0 ? { id: evseId, connectorId } : { id: evseId });
}
