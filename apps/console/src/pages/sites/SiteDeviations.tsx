import { Card, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { useCursorPages } from '../../api/use-cursor-pages';
import { CursorPager } from '../../components/CursorPager';
import { formatQuantity, formatRelative } from '../../components/format';
import { ProblemAlert } from '../../components/ProblemAlert';
import { sitePaths } from './site-paths';
import type { Deviation } from './site-types';

/** Sessions drawing more than their accepted profile allows, open now. */
export function SiteDeviations({ siteId }: { siteId: string }) {
  const pages = useCursorPages<Deviation>('smartCharging', sitePaths.deviations(siteId), { limit: 20 });
  const { query } = pages;
  return (
    <Card withBorder>
      <Stack gap="sm">
        <Title order={3} size="h5">
          Open deviations
        </Title>
        {query.isPending && <Skeleton h={60} />}
        {query.isError && <ProblemAlert error={query.error} title="The deviations could not be loaded" />}
        {query.data && query.data.items.length === 0 && <Text size="sm">No session draws more than its profile allows.</Text>}
        {query.data && query.data.items.length > 0 && (
          <Table.ScrollContainer minWidth={640}>
            <Table aria-label="Open deviations" striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Station</Table.Th>
                  <Table.Th>EVSE</Table.Th>
                  <Table.Th>Phases</Table.Th>
                  <Table.Th>Allowed</Table.Th>
                  <Table.Th>Peak draw</Table.Th>
                  <Table.Th>Peak excess</Table.Th>
                  <Table.Th>Since</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {query.data.items.map((deviation) => (
                  <Table.Tr key={deviation.id}>
                    <Table.Td>{deviation.stationId}</Table.Td>
                    <Table.Td>{deviation.evseId}</Table.Td>
                    <Table.Td>{deviation.phases.join(', ')}</Table.Td>
                    <Table.Td>{formatQuantity(deviation.allowedA, 'A')}</Table.Td>
                    <Table.Td>{formatQuantity(deviation.drawnPeakA, 'A')}</Table.Td>
                    <Table.Td>{formatQuantity(deviation.excessPeakA, 'A')}</Table.Td>
                    <Table.Td>{formatRelative(deviation.openedAt)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {query.data && (pages.hasNext || pages.hasPrevious) && <CursorPager pages={pages} label="deviations" />}
      </Stack>
    </Card>
  );
}
