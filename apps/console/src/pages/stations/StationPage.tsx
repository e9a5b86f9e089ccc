import { Anchor, Badge, Group, Loader, SimpleGrid, Stack, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useConsole } from '../../auth/console-context';
import { capabilities } from '../../auth/roles';
import { ProblemAlert } from '../../components/ProblemAlert';
import { LIVE_REFRESH_MS } from '../../components/live';
import type { StationDetail } from './station-types';
import { RecentCommands } from './RecentCommands';
import { SecurityEvents } from './SecurityEvents';
import { StationCommands } from './StationCommands';
import { StationConnectors } from './StationConnectors';
import { StationIdentity } from './StationIdentity';
import { StationTransactions } from './StationTransactions';
import { TransactionMeterChart } from './TransactionMeterChart';

/** `/stations/:stationId`: who the station is, its live state, its sessions with their meter values, events and commands. */
export function StationPage() {
  const { stationId = '' } = useParams();
  const { api, caller } = useConsole();
  const [selectedTransaction, setSelectedTransaction] = useState<string | undefined>(undefined);
  const station = useQuery({
    queryKey: ['connection', `/stations/${stationId}`],
    queryFn: ({ signal }) => api.get<StationDetail>('connection', `/stations/${encodeURIComponent(stationId)}`, undefined, signal),
    refetchInterval: LIVE_REFRESH_MS,
  });
  const detail = station.data;
  return (
    <Stack gap="md">
      <Anchor component={Link} to="/stations" size="sm">
        ← All stations
      </Anchor>
      <Group gap="sm">
        <Title order={1} size="h3" ff="monospace">
          {stationId}
        </Title>
        {detail && (
          <Badge color={detail.live.connected ? 'green' : 'gray'} variant={detail.live.connected ? 'filled' : 'light'}>
            {detail.live.connected ? 'Connected' : 'Offline'}
          </Badge>
        )}
        {station.isPending && <Loader size="sm" aria-label="Loading the station" />}
      </Group>
      <ProblemAlert error={station.error} title="The station could not be loaded" />
      {detail && (
        <>
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
            <StationIdentity station={detail} />
            <StationConnectors connectors={detail.connectors} />
          </SimpleGrid>
          <StationTransactions stationId={stationId} selected={selectedTransaction} onSelect={setSelectedTransaction} />
          {selectedTransaction !== undefined && <TransactionMeterChart stationId={stationId} transactionId={selectedTransaction} />}
          {capabilities.sendsCommands(caller) && <StationCommands station={detail} />}
          <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
            <RecentCommands stationId={stationId} />
            <SecurityEvents stationId={stationId} />
          </SimpleGrid>
        </>
      )}
    </Stack>
  );
}
