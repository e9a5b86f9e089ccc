import { Badge, Button, Paper, Skeleton, Table, Text, Title } from '@mantine/core';
import type { CursorPages } from '../../api/use-cursor-pages';
import { CursorPager } from '../../components/CursorPager';
import { formatDateTime, formatQuantity, formatRelative } from '../../components/format';
import { ProblemAlert } from '../../components/ProblemAlert';
import type { TransactionView } from './station-types';

const COLUMNS = ['Transaction', 'State', 'EVSE', 'Id token', 'Started', 'Stopped', 'Energy', 'Charging state', 'Meter values'];

/** The station's current and recent transactions (`pages`, loaded by the station page), newest first; one can be picked to chart its meter values. */
export function StationTransactions({ pages, selected, onSelect }: { pages: CursorPages<TransactionView>; selected: string | undefined; onSelect: (transactionId: string) => void }) {
  const { data, error, isPending } = pages.query;
  return (
    <Paper withBorder p="sm">
      <Title order={2} size="h5" mb="xs">
        Transactions
      </Title>
      <ProblemAlert error={error} title="The transactions could not be listed" />
      <Table.ScrollContainer minWidth={900}>
        <Table aria-label="Transactions" verticalSpacing={4} striped>
          <Table.Thead>
            <Table.Tr>
              {COLUMNS.map((column) => (
                <Table.Th key={column}>{column}</Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {isPending && (
              <Table.Tr>
                <Table.Td colSpan={COLUMNS.length}>
                  <Skeleton height={20} aria-label="Loading transactions" />
                </Table.Td>
              </Table.Tr>
            )}
            {data?.items.length === 0 && (
              <Table.Tr>
                <Table.Td colSpan={COLUMNS.length}>
                  <Text size="sm" c="dimmed">
                    No transactions yet.
                  </Text>
                </Table.Td>
              </Table.Tr>
            )}
            {data?.items.map((transaction) => (
              <Table.Tr key={transaction.transactionId} bg={transaction.transactionId === selected ? 'var(--mantine-color-blue-light)' : undefined}>
                <Table.Td ff="monospace" maw={240} style={{ overflowWrap: 'anywhere' }}>
                  {transaction.transactionId}
                </Table.Td>
                <Table.Td miw={80}>
                  <Badge size="sm" variant="light" color={transaction.state === 'active' ? 'blue' : 'gray'}>
                    {transaction.state}
                  </Badge>
                </Table.Td>
                <Table.Td>{transaction.evseId ?? '—'}</Table.Td>
                <Table.Td>{transaction.idToken ?? '—'}</Table.Td>
                <Table.Td title={formatDateTime(transaction.startedAt)}>{formatRelative(transaction.startedAt)}</Table.Td>
                <Table.Td title={formatDateTime(transaction.stoppedAt)}>{transaction.stoppedAt ? formatRelative(transaction.stoppedAt) : '—'}</Table.Td>
                <Table.Td>{formatQuantity(transaction.energyWh === null ? null : transaction.energyWh / 1000, 'kWh', 2)}</Table.Td>
                <Table.Td>{transaction.chargingState ?? (transaction.stoppedReason ? `stopped: ${transaction.stoppedReason}` : '—')}</Table.Td>
                <Table.Td>
                  <Button
                    size="compact-xs"
                    variant={transaction.transactionId === selected ? 'filled' : 'default'}
                    onClick={() => onSelect(transaction.transactionId)}
                    aria-label={`Meter values of transaction ${transaction.transactionId}`}
                    aria-pressed={transaction.transactionId === selected}
                  >
                    Chart
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <CursorPager pages={pages} label="transactions" />
    </Paper>
  );
}
