import { Button, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useCursorPages } from '../../api/use-cursor-pages';
import { CursorPager } from '../../components/CursorPager';
import { formatRelative } from '../../components/format';
import { SLOW_REFRESH_MS } from '../../components/live';
import { QueryState } from './QueryState';
import { StationInventoryPanel } from './StationInventoryPanel';
import type { StationSecurity } from './types';

/** The stations the PKI has seen, with their security profiles; one of them opens with the certificates it holds. */
export function InstalledTab() {
  const [stationId, setStationId] = useState<string | undefined>(undefined);
  const pages = useCursorPages<StationSecurity>('pki', '/station-inventories', {}, SLOW_REFRESH_MS);
  const items = pages.query.data?.items ?? [];
  return (
    <Stack gap="md">
      {stationId && <StationInventoryPanel stationId={stationId} onClose={() => setStationId(undefined)} />}
      <QueryState query={pages.query} label="stations" />
      {pages.query.data && items.length === 0 && <Text size="sm">The PKI has not seen any station connect yet.</Text>}
      {items.length > 0 && (
        <Table.ScrollContainer minWidth={760}>
          <Table striped highlightOnHover aria-label="Stations and their certificate inventories">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Station</Table.Th>
                <Table.Th>OCPP</Table.Th>
                <Table.Th>Security profile</Table.Th>
                <Table.Th>Installed</Table.Th>
                <Table.Th>Inventory read</Table.Th>
                <Table.Th>Actions</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((station) => (
                <Table.Tr key={station.stationId}>
                  <Table.Td>{station.stationId}</Table.Td>
                  <Table.Td>{station.protocol}</Table.Td>
                  <Table.Td>
                    {station.securityProfile}
                    {station.minimumSecurityProfile !== undefined ? ` (minimum ${station.minimumSecurityProfile})` : ''}
                  </Table.Td>
                  <Table.Td>{station.installedCount}</Table.Td>
                  <Table.Td>
                    <Text size="sm">{station.inventoryReadAt ? formatRelative(station.inventoryReadAt) : 'never'}</Text>
                    {station.inventoryError && (
                      <Text size="xs" c="red">
                        {station.inventoryError}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Button size="xs" variant="light" onClick={() => setStationId(station.stationId)} aria-label={`Show certificates of ${station.stationId}`}>
                      Certificates
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <CursorPager pages={pages} label="stations" />
    </Stack>
  );
}
