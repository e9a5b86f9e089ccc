import { Badge, Paper, Skeleton, Table, Text, Title } from '@mantine/core';
import { useCursorPages } from '../../api/use-cursor-pages';
import { CursorPager } from '../../components/CursorPager';
import { formatDateTime, formatRelative } from '../../components/format';
import { SLOW_REFRESH_MS } from '../../components/live';
import { ProblemAlert } from '../../components/ProblemAlert';
import type { SecurityEvent } from './station-types';

/** The station's security events, from the pki service: those it reported and those the CSMS raised about it. */
export function SecurityEvents({ stationId }: { stationId: string }) {
  const pages = useCursorPages<SecurityEvent>('pki', '/security-events', { stationId, limit: 10 }, SLOW_REFRESH_MS);
  const { data, error, isPending } = pages.query;
  return (
    <Paper withBorder p="sm">
      <Title order={2} size="h5" mb="xs">
        Security events
      </Title>
      <ProblemAlert error={error} title="The security events could not be listed" />
      <Table.ScrollContainer minWidth={520}>
        <Table aria-label="Security events" verticalSpacing={4}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Type</Table.Th>
              <Table.Th>When</Table.Th>
              <Table.Th>Detail</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {isPending && (
              <Table.Tr>
                <Table.Td colSpan={3}>
                  <Skeleton height={20} aria-label="Loading security events" />
                </Table.Td>
              </Table.Tr>
            )}
            {data?.items.length === 0 && (
              <Table.Tr>
                <Table.Td colSpan={3}>
                  <Text size="sm" c="dimmed">
                    No security events.
                  </Text>
                </Table.Td>
              </Table.Tr>
            )}
            {data?.items.map((event) => (
              <Table.Tr key={event.eventId}>
                <Table.Td>
                  {event.type}
                  {event.raisedByCsms && (
                    <Badge ml={4} size="xs" variant="outline">
                      CSMS
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td title={formatDateTime(event.at)}>{formatRelative(event.at)}</Table.Td>
                <Table.Td>{event.techInfo ?? '—'}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <CursorPager pages={pages} label="security events" />
    </Paper>
  );
}
