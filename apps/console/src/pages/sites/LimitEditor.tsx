import { Card, Loader, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError } from '../../api/problem';
import { useConsole } from '../../auth/console-context';
import { ProblemAlert } from '../../components/ProblemAlert';
import { LimitScheduleForm } from './LimitScheduleForm';
import { sitePaths } from './site-paths';
import type { ScheduleView } from './site-types';

/** The editor of the limit schedules the caller may write on the selected node (`capabilities.editsLimit`). */
export function LimitEditor({ siteId, nodeId, nodeLabel, sources }: { siteId: string; nodeId: string; nodeLabel: string; sources: string[] }) {
  const { api } = useConsole();
  const [chosen, setChosen] = useState(sources[0]);
  const source = sources.includes(chosen) ? chosen : sources[0];
  const path = sitePaths.schedule(siteId, nodeId, source);
  // Not refreshed while shown: someone else's change must not wipe what is being typed; a stale version gets a 409.
  const schedule = useQuery({
    queryKey: ['smartCharging', path],
    queryFn: async ({ signal }) => {
      try {
        return await api.get<ScheduleView>('smartCharging', path, undefined, signal);
      } catch (error) {
        if (error instanceof ApiError && error.status === 404) return null;
        throw error;
      }
    },
    staleTime: Infinity,
  });
  return (
    <Card withBorder>
      <Stack gap="sm">
        <Title order={3} size="h5">
          Edit limits of {nodeLabel}
        </Title>
        {sources.length > 1 && (
          <SegmentedControl aria-label="Limit source to edit" value={source} onChange={setChosen} data={sources.map((value) => ({ value, label: value }))} />
        )}
        {sources.length === 1 && <Text size="sm">Source: {source}</Text>}
        {schedule.isPending && <Loader size="sm" aria-label="Loading the schedule" />}
        {schedule.isError && <ProblemAlert error={schedule.error} title="The schedule could not be loaded" />}
        {schedule.isSuccess && (
          <LimitScheduleForm key={`${nodeId}:${source}`} siteId={siteId} nodeId={nodeId} source={source} schedule={schedule.data} />
        )}
      </Stack>
    </Card>
  );
}
