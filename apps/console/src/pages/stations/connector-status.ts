import type { ConnectorState, ConnectorStatus } from './station-types';

/** Badge colours by the neutral connector status: green free, blue in use, yellow held, grey out of service, red broken. */
export const connectorColors: Readonly<Record<ConnectorStatus, string>> = {
  Available: 'green',
  Occupied: 'blue',
  Reserved: 'yellow',
  Unavailable: 'gray',
  Faulted: 'red',
};

/** The same as tones of the list's plain badges (station-rows.module.css); grey is their default. */
export const connectorTones: Readonly<Record<ConnectorStatus, string | undefined>> = { ...connectorColors, Unavailable: undefined };

/** The connectors a list shows: the station itself (EVSE 0) carries no plug, ordered by EVSE then connector. */
export function plugConnectors(connectors: readonly ConnectorState[] | undefined): ConnectorState[] {
  return (connectors ?? []).filter((connector) => connector.evseId > 0).sort((a, b) => a.evseId - b.evseId || a.connectorId - b.connectorId);
}

/** "1/1" for EVSE 1 connector 1: short enough for a badge, the full words go to screen readers. */
export function connectorShortName(connector: ConnectorState): string {
  return `${connector.evseId}/${connector.connectorId}`;
}

export function connectorSpokenName(connector: ConnectorState): string {
  return `EVSE ${connector.evseId} connector ${connector.connectorId}: ${connector.status}`;
}
