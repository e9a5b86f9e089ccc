import { Card, CloseButton, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useConsole } from '../../auth/console-context';
import { formatDateTime } from '../../components/format';
import { countsText, isRunning, outcomeColors, stationStepOf } from './jobs';
import { QueryState } from '../../components/QueryState';
import type { RootJobDetail } from './types';
import { StatusBadge } from './StatusBadge';

/** While a job runs its stations answer one by one: poll it quickly then, and stop once it is finished. */
const RUNNING_REFRESH_MS = 2000;

/** One root distribution job with each station's outcome and answer, refreshed live while it runs. */
export function RootJobDetailPanel({ jobId, onClose }: { jobId: string; onClose: () => void }) {
  const { api } = useConsole();
  const path = `/root-distribution-jobs/${encodeURIComponent(jobId)}`;
  const job = useQuery({
    queryKey: ['pki', path],
    queryFn: ({ signal }) => api.get<RootJobDetail>('pki', path, undefined, signal),
    refetchInterval: (query) => (isRunning(query.state.data) || !query.state.data ? RUNNING_REFRESH_MS : false),
  });
  const detail = job.data;
  return (
    <Card withBorder padding="md" component="section" aria-label="Root distribution job stations">
      <Stack gap="sm">
        <Group justify="space-between" wrap="nowrap">
          <Title order={3} size="h5">
            {detail ? `${detail.kind} ${detail.certificateType}, started ${formatDateTime(detail.createdAt)}` : 'Root distribution job'}
          </Title>
          <CloseButton onClick={onClose} aria-label="Close the job's stations" />
        </Group>
        <QueryState query={job} label="the job" />
        {detail && (
          <Text size="sm" aria-live="polite">
            {detail.status === 'running' ? 'Running' : detail.status === 'done' ? 'Done' : 'Partially failed'} ({detail.phase}): {countsText(detail.counts)}.
          </Text>
        )}
        {detail && detail.stations.length > 0 && (
          <Table.ScrollContainer minWidth={720}>
            <Table striped aria-label="Stations of the root distribution job">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Station</Table.Th>
                  <Table.Th>Step</Table.Th>
                  <Table.Th>Outcome</Table.Th>
                  <Table.Th>Answer</Table.Th>
                  <Table.Th>At</Table.Th>
                  <Table.Th>Confirmed installed</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {detail.stations.map((station) => {
                  const step = stationStepOf(detail, station);
                  return (
                    <Table.Tr key={station.stationId}>
                      <Table.Td>{station.stationId}</Table.Td>
                      <Table.Td>{step.step}</Table.Td>
                      <Table.Td>
                        <StatusBadge color={outcomeColors[step.outcome] ?? 'gray'}>
                          {step.outcome}
                        </StatusBadge>
                      </Table.Td>
                      <Table.Td>{step.answer}</Table.Td>
                      <Table.Td>{formatDateTime(step.at)}</Table.Td>
                      <Table.Td>{formatDateTime(station.confirmedAt)}</Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
    </Card>
  );
}
