import { Button, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useCursorPages } from '../../api/use-cursor-pages';
import { CursorPager } from '../../components/CursorPager';
import { formatRelative } from '../../components/format';
import { ListTable } from '../../components/ListTable';
import { SLOW_REFRESH_MS } from '../../components/live';
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
      <ListTable
        label="Stations and their certificate inventories"
        what="stations"
        query={pages.query}
        items={items}
        empty="The PKI has not seen any station connect yet."
        headers={['Station', 'OCPP', 'Security profile', 'Installed', 'Inventory read', 'Actions']}
        minWidth={760}
        row={(station) => (
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
        )}
      />
      <CursorPager pages={pages} label="stations" />
    </Stack>
  );
}
