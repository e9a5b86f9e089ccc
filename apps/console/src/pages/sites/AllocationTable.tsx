import { Badge, Card, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useConsole } from '../../auth/console-context';
import { formatQuantity, formatRelative } from '../../components/format';
import { LIVE_REFRESH_MS } from '../../components/live';
import { ProblemAlert } from '../../components/ProblemAlert';
import { sitePaths } from './site-paths';
import type { SitePlan } from './site-types';

/** The latest plan's allocation per session: what each was given, what it draws, and whether it overdraws. */
export function AllocationTable({ siteId }: { siteId: string }) {
  const { api } = useConsole();
  const plan = useQuery({
    queryKey: ['smartCharging', sitePaths.allocation(siteId)],
    queryFn: () => api.get<SitePlan>('smartCharging', sitePaths.allocation(siteId)),
    refetchInterval: LIVE_REFRESH_MS,
  });
  return (
    <Card withBorder>
      <Stack gap="sm">
        <Title order={3} size="h5">
          Allocation per session
        </Title>
        {plan.isPending && <Skeleton h={80} />}
        {plan.isError && <ProblemAlert error={plan.error} title="The allocation could not be loaded" />}
        {plan.data && (
          <>
            <Text size="sm" c="dimmed">
              Planned {formatRelative(plan.data.plannedAt)}
              {plan.data.unreachable.length > 0 && `; counted at full rating (unreachable): ${plan.data.unreachable.join(', ')}`}
            </Text>
            {plan.data.sessions.length === 0 ? (
              <Text size="sm">No session is charging on this site.</Text>
            ) : (
              <Table.ScrollContainer minWidth={640}>
                <Table aria-label="Allocation per session" striped>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>Station</Table.Th>
                      <Table.Th>EVSE</Table.Th>
                      <Table.Th>Transaction</Table.Th>
                      <Table.Th>Grid phases</Table.Th>
                      <Table.Th>Allocated</Table.Th>
                      <Table.Th>Draws</Table.Th>
                      <Table.Th>State</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {plan.data.sessions.map((session) => (
                      <Table.Tr key={session.sessionId}>
                        <Table.Td>{session.stationId}</Table.Td>
                        <Table.Td>{session.evseId}</Table.Td>
                        <Table.Td>{session.transactionId}</Table.Td>
                        <Table.Td>{session.gridPhases.join(', ')}</Table.Td>
                        <Table.Td>{formatQuantity(session.allocatedA, 'A')}</Table.Td>
                        <Table.Td>{formatQuantity(session.drawnA, 'A')}</Table.Td>
                        <Table.Td>
                          {session.overdraw ? (
                            <Badge color="red">overdraws, held to {formatQuantity(session.overdraw.heldToA, 'A')}</Badge>
                          ) : (
                            <Badge color="green" variant="light">
                              ok
                            </Badge>
                          )}
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
          </>
        )}
      </Stack>
    </Card>
  );
}
