import { Select, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useCursorPages } from '../../api/use-cursor-pages';
import { CursorPager } from '../../components/CursorPager';
import { formatDateTime } from '../../components/format';
import { SLOW_REFRESH_MS } from '../../components/live';
import { reasonLabels } from './issued';
import { QueryState } from '../../components/QueryState';
import type { Revocation } from './types';
import { useCaNames, useCertificateAuthorities } from './use-pki-lists';

/** Every revocation, most recent first: what the CRLs list and OCSP answers revoked for. */
export function RevocationsTab() {
  const [caId, setCaId] = useState<string | null>(null);
  const [serial, setSerial] = useState('');
  const [serialNumber] = useDebouncedValue(serial.trim(), 400);
  const pages = useCursorPages<Revocation>('pki', '/revocations', { caId, serialNumber }, SLOW_REFRESH_MS);
  const cas = useCertificateAuthorities().data?.items ?? [];
  const caName = useCaNames();
  const items = pages.query.data?.items ?? [];
  return (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Select label="Issuing CA" placeholder="Any CA" clearable data={cas.map((ca) => ({ value: ca.id, label: ca.name }))} value={caId} onChange={setCaId} />
        <TextInput label="Serial number" placeholder="Hexadecimal" value={serial} onChange={(event) => setSerial(event.currentTarget.value)} />
      </SimpleGrid>
      <QueryState query={pages.query} label="revocations" />
      {pages.query.data && items.length === 0 && <Text size="sm">No revocation matches these filters.</Text>}
      {items.length > 0 && (
        <Table.ScrollContainer minWidth={820}>
          <Table striped aria-label="Revocations">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Serial</Table.Th>
                <Table.Th>Issuer</Table.Th>
                <Table.Th>Reason</Table.Th>
                <Table.Th>Revoked</Table.Th>
                <Table.Th>By</Table.Th>
                <Table.Th>Listed on the CRL until</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((revocation) => (
                <Table.Tr key={`${revocation.caId}/${revocation.serialNumber}`}>
                  <Table.Td>
                    <Text size="xs" ff="monospace">
                      {revocation.serialNumber}
                    </Text>
                  </Table.Td>
                  <Table.Td>{caName(revocation.caId)}</Table.Td>
                  <Table.Td>{reasonLabels[revocation.reason] ?? revocation.reason}</Table.Td>
                  <Table.Td>{formatDateTime(revocation.revokedAt)}</Table.Td>
                  <Table.Td>{revocation.revokedBy}</Table.Td>
                  <Table.Td>{formatDateTime(revocation.certificateNotAfter)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <CursorPager pages={pages} label="revocations" />
    </Stack>
  );
}
