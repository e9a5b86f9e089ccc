import { Badge, Skeleton, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useConsole } from '../../auth/console-context';
import { formatRelative } from '../../components/format';
import { LIVE_REFRESH_MS } from '../../components/live';
import { ProblemAlert } from '../../components/ProblemAlert';
import { profileLimitNow } from './profile-summary';
import { sitePaths } from './site-paths';
import type { StationCharging } from './site-types';

const outcomeColors = { accepted: 'green', pending: 'gray', rejected: 'red', failed: 'red' } as const;

/** The profiles this service sent one station, live: purpose, the limit in force now, and the station's answer. */
export function StationProfilesTable({ stationId }: { stationId: string }) {
  const { api } = useConsole();
  const charging = useQuery({
    queryKey: ['smartCharging', sitePaths.stationCharging(stationId)],
    queryFn: () => api.get<StationCharging>('smartCharging', sitePaths.stationCharging(stationId)),
    refetchInterval: LIVE_REFRESH_MS,
  });
  if (charging.isPending) return <Skeleton h={60} />;
  if (charging.isError) return <ProblemAlert error={charging.error} title={`Profiles of ${stationId} could not be loaded`} />;
  const { profiles, connected } = charging.data;
  return (
    <Stack gap={4}>
      <Text size="sm" fw={600}>
        {stationId} {connected ? '' : '(offline)'}
      </Text>
      {profiles.length === 0 ? (
        <Text size="sm">No profile sent yet.</Text>
      ) : (
        <Table.ScrollContainer minWidth={480}>
          <Table aria-label={`Profiles in force on ${stationId}`}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Purpose</Table.Th>
                <Table.Th>EVSE</Table.Th>
                <Table.Th>Limit now</Table.Th>
                <Table.Th>Answer</Table.Th>
                <Table.Th>Sent</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {profiles.map((profile) => (
                <Table.Tr key={`${profile.purpose}:${profile.evseId}`}>
                  <Table.Td>{profile.purpose}</Table.Td>
                  <Table.Td>{profile.evseId}</Table.Td>
                  <Table.Td>{profileLimitNow(profile.profile)}</Table.Td>
                  <Table.Td>
                    <Badge color={outcomeColors[profile.outcome]} variant="light" title={profile.detail ?? undefined}>
                      {profile.outcome}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{formatRelative(profile.sentAt)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
