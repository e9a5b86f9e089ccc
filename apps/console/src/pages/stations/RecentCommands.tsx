import { Badge, Code, Paper, Skeleton, Table, Text, Title } from '@mantine/core';
import { useCursorPages } from '../../api/use-cursor-pages';
import { CursorPager } from '../../components/CursorPager';
import { formatDateTime, formatRelative } from '../../components/format';
import { ProblemAlert } from '../../components/ProblemAlert';
import type { CommandRecord } from './station-types';

const statusColors: Readonly<Record<CommandRecord['status'], string>> = { accepted: 'green', rejected: 'orange', 'call-error': 'red', timeout: 'red', 'not-connected': 'gray', invalid: 'gray' };

/** The commands sent to the station (by people and by services), newest first, with the station's answer. */
export function RecentCommands({ stationId }: { stationId: string }) {
  const pages = useCursorPages<CommandRecord>('connection', '/commands', { stationId, limit: 10 });
  const { data, error, isPending } = pages.query;
  return (
    <Paper withBorder p="sm">
      <Title order={2} size="h5" mb="xs">
        Recent commands
      </Title>
      <ProblemAlert error={error} title="The commands could not be listed" />
      <Table.ScrollContainer minWidth={520}>
        <Table aria-label="Recent commands" verticalSpacing={4}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Command</Table.Th>
              <Table.Th>By</Table.Th>
              <Table.Th>Issued</Table.Th>
              <Table.Th>Answer</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {isPending && (
              <Table.Tr>
                <Table.Td colSpan={4}>
                  <Skeleton height={20} aria-label="Loading commands" />
                </Table.Td>
              </Table.Tr>
            )}
            {data?.items.length === 0 && (
              <Table.Tr>
                <Table.Td colSpan={4}>
                  <Text size="sm" c="dimmed">
                    No commands yet.
                  </Text>
                </Table.Td>
              </Table.Tr>
            )}
            {data?.items.map((command) => (
              <Table.Tr key={command.commandId}>
                <Table.Td>
                  <Text size="sm">{command.action ?? command.command}</Text>
                </Table.Td>
                <Table.Td>{command.actor ?? command.originService}</Table.Td>
                <Table.Td title={formatDateTime(command.issuedAt)}>{formatRelative(command.issuedAt)}</Table.Td>
                <Table.Td>
                  <Badge size="sm" variant="light" color={statusColors[command.status]}>
                    {command.status}
                  </Badge>
                  {command.errorCode && <Code ml={4}>{command.errorCode}</Code>}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <CursorPager pages={pages} label="commands" />
    </Paper>
  );
}
