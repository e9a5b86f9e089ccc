import { Anchor, Badge, Group, Loader, SimpleGrid, Stack, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import { useCursorPages } from '../../api/use-cursor-pages';
import { useConsole } from '../../auth/console-context';
import { capabilities } from '../../auth/roles';
import { ProblemAlert } from '../../components/ProblemAlert';
import { LIVE_REFRESH_MS } from '../../components/live';
import type { StationDetail, TransactionView } from './station-types';
import { RecentCommands } from './RecentCommands';
import { SecurityEvents } from './SecurityEvents';
import { StationCommands } from './StationCommands';
import { StationConnectors } from './StationConnectors';
import { StationIdentity } from './StationIdentity';
import { StationTransactions } from './StationTransactions';
import { TransactionMeterChart } from './TransactionMeterChart';
import { activeTransactionOptions, chartTransactionOf } from './transaction-choice';

/** `/stations/:stationId`: who the station is, its live state, its sessions with their meter values, events and commands. */
export function StationPage() {
  const { stationId = '' } = useParams();
  const { api, caller } = useConsole();
  const transactions = useCursorPages<TransactionView>('connection', '/transactions', { stationId, limit: 20 });
  const listed = transactions.query.isPlaceholderData ? undefined : transactions.query.data?.items;
  // The chart follows the current transaction (else the most recent) of the first page until the operator picks one.
  const [automatic, setAutomatic] = useState<{ stationId: string; transactionId: string | undefined }>({ stationId, transactionId: undefined });
  const current = listed && transactions.pageNumber === 1 ? chartTransactionOf(listed) : automatic.stationId === stationId ? automatic.transactionId : undefined;
  if (automatic.stationId !== stationId || automatic.transactionId !== current) setAutomatic({ stationId, transactionId: current });
  const [picked, setPicked] = useState<{ stationId: string; transactionId: string } | undefined>(undefined);
  const selectedTransaction = picked?.stationId === stationId ? picked.transactionId : current;
  const stoppable = useMemo(() => activeTransactionOptions(listed), [listed]);
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
          <StationTransactions pages={transactions} selected={selectedTransaction} onSelect={(transactionId) => setPicked({ stationId, transactionId })} />
          {selectedTransaction !== undefined && <TransactionMeterChart stationId={stationId} transactionId={selectedTransaction} />}
          {capabilities.sendsCommands(caller) && <StationCommands station={detail} transactions={stoppable} />}
          <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
            <RecentCommands stationId={stationId} />
            <SecurityEvents stationId={stationId} />
          </SimpleGrid>
        </>
      )}
    </Stack>
  );
}
