import { Select, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useCursorPages } from '../../api/use-cursor-pages';
import { CursorPager } from '../../components/CursorPager';
import { formatDateTime, formatRelative } from '../../components/format';
import { SLOW_REFRESH_MS } from '../../components/live';
import { QueryState } from '../../components/QueryState';
import type { SigningRequest, SigningRequestStatus } from './types';
import { StatusBadge } from './StatusBadge';

const statusOptions: { value: SigningRequestStatus | ''; label: string }[] = [
  { value: '', label: 'Any status' },
  { value: 'pending', label: 'Pending' },
  { value: 'refused', label: 'Refused' },
  { value: 'timedOut', label: 'Timed out' },
  { value: 'issued', label: 'Issued' },
];
const statusColors: Readonly<Record<SigningRequestStatus, string>> = { pending: 'blue', refused: 'red', timedOut: 'orange', issued: 'green' };

/** The CSRs stations sent, with the PKI's decision: why one waits (no active CA) or was refused (the rule it broke). */
export function SigningRequestsTab() {
  const [status, setStatus] = useState<string | null>('');
  const [station, setStation] = useState('');
  const [stationId] = useDebouncedValue(station.trim(), 400);
  const pages = useCursorPages<SigningRequest>('pki', '/certificate-signing-requests', { status, stationId }, SLOW_REFRESH_MS);
  const items = pages.query.data?.items ?? [];
  return (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Select label="Status" data={statusOptions} value={status} onChange={setStatus} allowDeselect={false} />
        <TextInput label="Station" placeholder="Station id" value={station} onChange={(event) => setStation(event.currentTarget.value)} />
      </SimpleGrid>
      <QueryState query={pages.query} label="signing requests" />
      {pages.query.data && items.length === 0 && <Text size="sm">No signing request matches these filters.</Text>}
      {items.length > 0 && (
        <Table.ScrollContainer minWidth={960}>
          <Table striped aria-label="Signing requests">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Received</Table.Th>
                <Table.Th>Station</Table.Th>
                <Table.Th>Type</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th>Reason</Table.Th>
                <Table.Th>Certificate</Table.Th>
                <Table.Th>Delivery</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((request) => (
                <Table.Tr key={request.id}>
                  <Table.Td>
                    <Text size="sm">{formatDateTime(request.receivedAt)}</Text>
                    <Text size="xs" c="dimmed">
                      {formatRelative(request.receivedAt)}
                    </Text>
                  </Table.Td>
                  <Table.Td>{request.stationId}</Table.Td>
                  <Table.Td>{request.certificateType}</Table.Td>
                  <Table.Td>
                    <StatusBadge color={statusColors[request.status] ?? 'gray'}>
                      {request.status}
                    </StatusBadge>
                  </Table.Td>
                  <Table.Td>
                    {request.refusalCode && (
                      <Text size="xs" ff="monospace">
                        {request.refusalCode}
                      </Text>
                    )}
                    <Text size="sm">{request.reason ?? '—'}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="xs" ff="monospace">
                      {request.certificateSerial ?? '—'}
                    </Text>
                  </Table.Td>
                  <Table.Td>{request.delivery ?? '—'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <CursorPager pages={pages} label="signing requests" />
    </Stack>
  );
}
