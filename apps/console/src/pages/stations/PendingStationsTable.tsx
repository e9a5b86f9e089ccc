import { Badge, Skeleton, Table, Text } from '@mantine/core';
import { formatDateTime, formatRelative } from '../../components/format';
import type { StationView } from './station-types';
import { AcceptStationButton } from './AcceptStationButton';

/** Stations waiting for an operator, each with its Accept button (operators and admins only). */
export function PendingStationsTable({ label, stations, loading, mayAccept, onAccepted }: { label: string; stations: StationView[] | undefined; loading: boolean; mayAccept: boolean; onAccepted: (stationId: string) => void }) {
  const columns = ['Station', 'Connected', 'Protocol', 'Vendor / model', 'First seen', ...(mayAccept ? ['Action'] : [])];
  return (
    <Table.ScrollContainer minWidth={700}>
      <Table aria-label={label} striped>
        <Table.Thead>
          <Table.Tr>
            {columns.map((column) => (
              <Table.Th key={column}>{column}</Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {loading && (
            <Table.Tr>
              <Table.Td colSpan={columns.length}>
                <Skeleton height={20} aria-label={`Loading ${label.toLowerCase()}`} />
              </Table.Td>
            </Table.Tr>
          )}
          {!loading && stations?.length === 0 && (
            <Table.Tr>
              <Table.Td colSpan={columns.length}>
                <Text size="sm" c="dimmed">
                  None.
                </Text>
              </Table.Td>
            </Table.Tr>
          )}
          {stations?.map((station) => (
            <Table.Tr key={station.id}>
              <Table.Td ff="monospace">{station.id}</Table.Td>
              <Table.Td>
                <Badge size="sm" color={station.live.connected ? 'green' : 'gray'} variant="light">
                  {station.live.connected ? 'Connected' : 'Offline'}
                </Badge>
              </Table.Td>
              <Table.Td>{station.live.protocol ?? '—'}</Table.Td>
              <Table.Td>{[station.vendor, station.model].filter(Boolean).join(' / ') || '—'}</Table.Td>
              <Table.Td>
                <Text size="sm" title={formatDateTime(station.createdAt)}>
                  {formatRelative(station.createdAt)}
                </Text>
              </Table.Td>
              {mayAccept && (
                <Table.Td>
                  <AcceptStationButton stationId={station.id} onAccepted={onAccepted} />
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
