import { Badge, Paper, Table, Text, Title } from '@mantine/core';
import { formatDateTime, formatRelative } from '../../components/format';
import { connectorColors } from './connector-status';
import type { ConnectorView } from './station-types';

/** Every connector's last status, as the station sent it and as the neutral status. */
export function StationConnectors({ connectors }: { connectors: ConnectorView[] }) {
  return (
    <Paper withBorder p="sm">
      <Title order={2} size="h5" mb="xs">
        Connectors
      </Title>
      <Table.ScrollContainer minWidth={420}>
        <Table aria-label="Connectors" verticalSpacing={4}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>EVSE / connector</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th>Reported</Table.Th>
              <Table.Th>Error</Table.Th>
              <Table.Th>Since</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {connectors.length === 0 && (
              <Table.Tr>
                <Table.Td colSpan={5}>
                  <Text size="sm" c="dimmed">
                    No status reported yet.
                  </Text>
                </Table.Td>
              </Table.Tr>
            )}
            {connectors.map((connector) => (
              <Table.Tr key={`${connector.evseId}/${connector.connectorId}`}>
                <Table.Td>{connector.evseId === 0 ? 'Station' : `${connector.evseId} / ${connector.connectorId}`}</Table.Td>
                <Table.Td>
                  <Badge size="sm" variant="light" color={connectorColors[connector.status]}>
                    {connector.status}
                  </Badge>
                </Table.Td>
                <Table.Td>{connector.ocppStatus}</Table.Td>
                <Table.Td>{[connector.errorCode, connector.info].filter((part) => part && part !== 'NoError').join(': ') || '—'}</Table.Td>
                <Table.Td>
                  <Text size="sm" span title={formatDateTime(connector.statusAt)}>
                    {formatRelative(connector.statusAt)}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}
