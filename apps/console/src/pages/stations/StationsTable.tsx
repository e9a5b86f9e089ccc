import { Skeleton, Table, Text } from '@mantine/core';
import { formatRelative } from '../../components/format';
import type { StationView } from './station-types';
import { StationRow } from './StationRow';

const COLUMNS = ['Station', 'Connected', 'Protocol', 'Security profile', 'Firmware', 'Vendor / model', 'Last seen', 'Connectors'];

/** The stations of one page; rows are memoised, so a live refresh re-renders only what changed (and the relative times). */
export function StationsTable({ stations, loading, busy, emptyText, fetchedAt }: { stations: StationView[] | undefined; loading: boolean; busy: boolean; emptyText: string; fetchedAt: number }) {
  // "Last seen" is relative to when the page was fetched: a pure render, and rows change only when new data arrives.
  return (
    <Table.ScrollContainer minWidth={980}>
      <Table striped highlightOnHover aria-label="Stations" aria-busy={busy || loading}>
        <Table.Thead>
          <Table.Tr>
            {COLUMNS.map((column) => (
              <Table.Th key={column}>{column}</Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {loading &&
            [0, 1, 2].map((row) => (
              <Table.Tr key={`loading-${row}`}>
                <Table.Td colSpan={COLUMNS.length}>
                  <Skeleton height={20} aria-label="Loading stations" />
                </Table.Td>
              </Table.Tr>
            ))}
          {!loading && stations?.length === 0 && (
            <Table.Tr>
              <Table.Td colSpan={COLUMNS.length}>
                <Text c="dimmed" size="sm">
                  {emptyText}
                </Text>
              </Table.Td>
            </Table.Tr>
          )}
          {stations?.map((station) => (
            <StationRow key={station.id} station={station} lastSeen={formatRelative(station.lastSeenAt, fetchedAt)} />
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
