import { connectorShortName, connectorSpokenName, connectorTones, plugConnectors } from './connector-status';
import type { ConnectorState } from './station-types';
import classes from './station-rows.module.css';

/** A compact badge per connector ("1/1" coloured by status); screen readers hear "EVSE 1 connector 1: Available". */
export function ConnectorBadges({ connectors }: { connectors: ConnectorState[] | undefined }) {
  const plugs = plugConnectors(connectors);
  if (plugs.length === 0) return <span className={classes.dimmed}>—</span>;
  return plugs.map((connector) => (
    <span key={`${connector.evseId}/${connector.connectorId}`} className={classes.badge} data-tone={connectorTones[connector.status]} title={connectorSpokenName(connector)}>
      <span aria-hidden="true">{connectorShortName(connector)}</span>
      <span className={classes.spoken}>{connectorSpokenName(connector)}</span>
    </span>
  ));
}
