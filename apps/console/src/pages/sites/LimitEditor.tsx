import { Card, Loader, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useConsole } from '../../auth/console-context';
import { ProblemAlert } from '../../components/ProblemAlert';
import { LimitScheduleForm } from './LimitScheduleForm';
import { sitePaths } from './site-paths';
import type { ScheduleView } from './site-types';
import { useNodeLimits } from './use-node-limits';

/** The editor of the limit schedules the caller may write on the selected node (`capabilities.editsLimit`). */
export function LimitEditor({ siteId, nodeId, nodeLabel, sources }: { siteId: string; nodeId: string; nodeLabel: string; sources: string[] }) {
  const { api } = useConsole();
  const [chosen, setChosen] = useState(sources[0]);
  const source = sources.includes(chosen) ? chosen : sources[0];
  const path = sitePaths.schedule(siteId, nodeId, source);
  // The overview says which sources have a schedule: only those are asked for (a 404 would show as a failed request).
  const limits = useNodeLimits(siteId, nodeId);
  const exists = limits.data ? limits.data.schedules.some((schedule) => schedule.source === source) : undefined;
  // Not refreshed while shown: someone else's change must not wipe what is being typed; a stale version gets a 409.
  const schedule = useQuery({
    queryKey: ['smartCharging', path, exists],
    queryFn: () => (exists ? api.get<ScheduleView>('smartCharging', path) : Promise.resolve(null)),
    enabled: exists !== undefined,
    staleTime: Infinity,
    // A first save makes the source exist: keep the form (and the answer it shows) while the key changes, for the same source only.
    placeholderData: (previous, previousQuery) => (previousQuery?.queryKey[1] === path ? previous : undefined),
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
        {limits.isError && <ProblemAlert error={limits.error} title="The limits could not be loaded" />}
        {schedule.isPending && !limits.isError && <Loader size="sm" aria-label="Loading the schedule" />}
        {schedule.isError && <ProblemAlert error={schedule.error} title="The schedule could not be loaded" />}
        {schedule.isSuccess && (
          <LimitScheduleForm key={`${nodeId}:${source}`} siteId={siteId} nodeId={nodeId} source={source} schedule={schedule.data} />
        )}
      </Stack>
    </Card>
  );
}
