import { Card, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { useCursorPages } from '../../api/use-cursor-pages';
import { CursorPager } from '../../components/CursorPager';
import { formatDateTime } from '../../components/format';
import { ProblemAlert } from '../../components/ProblemAlert';
import { auditChange } from './audit-summary';
import { sitePaths } from './site-paths';
import type { AuditEntry } from './site-types';

/** Every change of the site's topology and limits, newest first: who, when, what before and after. */
export function SiteAudit({ siteId }: { siteId: string }) {
  const pages = useCursorPages<AuditEntry>('smartCharging', sitePaths.audit(siteId), { limit: 20 });
  const { query } = pages;
  return (
    <Card withBorder>
      <Stack gap="sm">
        <Title order={3} size="h5">
          Audit log
        </Title>
        {query.isPending && <Skeleton h={80} />}
        {query.isError && <ProblemAlert error={query.error} title="The audit log could not be loaded" />}
        {query.data && query.data.items.length === 0 && <Text size="sm">No change recorded yet.</Text>}
        {query.data && query.data.items.length > 0 && (
          <Table.ScrollContainer minWidth={720}>
            <Table aria-label="Audit log of the site" striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>When</Table.Th>
                  <Table.Th>Who</Table.Th>
                  <Table.Th>What</Table.Th>
                  <Table.Th>Node</Table.Th>
                  <Table.Th>Source</Table.Th>
                  <Table.Th>Change</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {query.data.items.map((entry) => (
                  <Table.Tr key={entry.id}>
                    <Table.Td>{formatDateTime(entry.at)}</Table.Td>
                    <Table.Td>{entry.actor}</Table.Td>
                    <Table.Td>{entry.action}</Table.Td>
                    <Table.Td>{entry.nodeId ?? '—'}</Table.Td>
                    <Table.Td>{entry.source ?? '—'}</Table.Td>
                    <Table.Td>{auditChange(entry)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        <CursorPager pages={pages} label="audit log" />
      </Stack>
    </Card>
  );
}
