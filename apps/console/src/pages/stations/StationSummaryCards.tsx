import { Paper, SimpleGrid, Skeleton, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useConsole } from '../../auth/console-context';
import { ProblemAlert } from '../../components/ProblemAlert';
import { LIVE_REFRESH_MS } from '../../components/live';
import type { StationSummary } from './station-types';

/** Total, connected and pending stations, from `GET /stations/summary` (counted by the service, not from a page). */
export function StationSummaryCards() {
  const { api } = useConsole();
  const summary = useQuery({
    queryKey: ['connection', '/stations/summary'],
    queryFn: ({ signal }) => api.get<StationSummary>('connection', '/stations/summary', undefined, signal),
    refetchInterval: LIVE_REFRESH_MS,
  });
  if (summary.error && !summary.data) return <ProblemAlert error={summary.error} title="Station counts are unavailable" />;
  const counts: Array<[string, number | undefined]> = [
    ['Total', summary.data?.total],
    ['Connected', summary.data?.connected],
    ['Pending', summary.data ? (summary.data.byRegistrationStatus.pending ?? 0) : undefined],
  ];
  return (
    <SimpleGrid cols={{ base: 3 }} spacing="sm" role="group" aria-label="Station counts">
      {counts.map(([label, value]) => (
        <Paper key={label} withBorder p="sm" role="status" aria-label={`${label} stations`}>
          <Text size="xs" c="dimmed">
            {label}
          </Text>
          {value === undefined ? <Skeleton height={24} width={60} /> : <Text fw={700} size="xl">{value.toLocaleString('en-GB')}</Text>}
        </Paper>
      ))}
    </SimpleGrid>
  );
}
