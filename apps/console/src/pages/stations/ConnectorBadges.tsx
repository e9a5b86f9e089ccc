import { Badge, Group, Text, VisuallyHidden } from '@mantine/core';
import { connectorColors, connectorShortName, connectorSpokenName, plugConnectors } from './connector-status';
import type { ConnectorState } from './station-types';

/** A compact badge per connector ("1/1" coloured by status); screen readers hear "EVSE 1 connector 1: Available". */
export function ConnectorBadges({ connectors }: { connectors: ConnectorState[] | undefined }) {
  const plugs = plugConnectors(connectors);
  if (plugs.length === 0)
    return (
      <Text size="xs" c="dimmed">
        —
      </Text>
    );
  return (
    <Group gap={4} wrap="wrap">
      {plugs.map((connector) => (
        <Badge key={`${connector.evseId}/${connector.connectorId}`} size="sm" variant="light" color={connectorColors[connector.status]} title={connectorSpokenName(connector)}>
          <span aria-hidden="true">{connectorShortName(connector)}</span>
          <VisuallyHidden>{connectorSpokenName(connector)}</VisuallyHidden>
        </Badge>
      ))}
    </Group>
  );
}
