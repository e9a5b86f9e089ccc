import { Button, Select, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useCursorPages } from '../../api/use-cursor-pages';
import { useConsole } from '../../auth/console-context';
import { capabilities } from '../../auth/roles';
import { CursorPager } from '../../components/CursorPager';
import { formatDateTime, formatRelative } from '../../components/format';
import { SLOW_REFRESH_MS } from '../../components/live';
import { EXPIRY_FILTERS, REVOCATION_FILTERS, issuedStatusOf, statusColors, statusLabels } from './issued';
import { QueryState } from '../../components/QueryState';
import { RevokeCertificateModal } from './RevokeCertificateModal';
import type { IssuedCertificate } from './types';
import { useCaNames, useCertificateAuthorities } from './use-pki-lists';
import { StatusBadge } from './StatusBadge';

/** What the PKI signed, filtered by station, CA, revocation and expiry, with each certificate's status (revoked as the PKI records it); security officers revoke from here. */
export function IssuedTab() {
  const { caller } = useConsole();
  const [station, setStation] = useState('');
  const [caId, setCaId] = useState<string | null>(null);
  const [expiring, setExpiring] = useState<string | null>('');
  const [revoked, setRevoked] = useState<string | null>('');
  const [stationId] = useDebouncedValue(station.trim(), 400);
  const [revoking, setRevoking] = useState<IssuedCertificate | undefined>(undefined);
  const pages = useCursorPages<IssuedCertificate>('pki', '/issued-certificates', { stationId, caId, revoked, expiringWithinDays: expiring }, SLOW_REFRESH_MS);
  const cas = useCertificateAuthorities().data?.items ?? [];
  const caName = useCaNames();
  const runsPki = capabilities.runsPki(caller);
  const items = pages.query.data?.items ?? [];
  return (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>
        <TextInput label="Station" placeholder="Station id" value={station} onChange={(event) => setStation(event.currentTarget.value)} />
        <Select label="Issuing CA" placeholder="Any CA" clearable data={cas.map((ca) => ({ value: ca.id, label: ca.name }))} value={caId} onChange={setCaId} />
        <Select label="Revocation" data={[...REVOCATION_FILTERS]} value={revoked} onChange={setRevoked} allowDeselect={false} />
        <Select label="Expiring" data={[...EXPIRY_FILTERS]} value={expiring} onChange={setExpiring} allowDeselect={false} />
      </SimpleGrid>
      <QueryState query={pages.query} label="issued certificates" />
      {pages.query.data && items.length === 0 && <Text size="sm">No issued certificate matches these filters.</Text>}
      {items.length > 0 && (
        <Table.ScrollContainer minWidth={960}>
          <Table striped highlightOnHover aria-label="Issued certificates">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Serial</Table.Th>
                <Table.Th>Station</Table.Th>
                <Table.Th>Subject</Table.Th>
                <Table.Th>Issuer</Table.Th>
                <Table.Th>Valid from</Table.Th>
                <Table.Th>Valid until</Table.Th>
                <Table.Th>Status</Table.Th>
                {runsPki && <Table.Th>Actions</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((certificate) => {
                const status = issuedStatusOf(certificate);
                return (
                  <Table.Tr key={`${certificate.issuerCaId}/${certificate.serialNumber}`}>
                    <Table.Td>
                      <Text size="xs" ff="monospace">
                        {certificate.serialNumber}
                      </Text>
                    </Table.Td>
                    <Table.Td>{certificate.stationId}</Table.Td>
                    <Table.Td>
                      <Text size="xs" ff="monospace">
                        {certificate.subject}
                      </Text>
                    </Table.Td>
                    <Table.Td>{caName(certificate.issuerCaId)}</Table.Td>
                    <Table.Td>{formatDateTime(certificate.notBefore)}</Table.Td>
                    <Table.Td>
                      <Text size="sm">{formatDateTime(certificate.notAfter)}</Text>
                      <Text size="xs" c="dimmed">
                        {formatRelative(certificate.notAfter)}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <StatusBadge color={statusColors[status]}>
                        {statusLabels[status]}
                      </StatusBadge>
                      {certificate.revocation && (
                        <Text size="xs" c="dimmed">
                          {certificate.revocation.reason}, {formatRelative(certificate.revocation.revokedAt)}
                        </Text>
                      )}
                    </Table.Td>
                    {runsPki && <Table.Td>{(status === 'valid' || status === 'notYetValid') && (
                          <Button size="xs" color="red" variant="light" onClick={() => setRevoking(certificate)} aria-label={`Revoke certificate ${certificate.serialNumber}`}>
                            Revoke
                          </Button>
                        )}</Table.Td>}
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <CursorPager pages={pages} label="issued certificates" />
      <RevokeCertificateModal certificate={revoking} onClose={() => setRevoking(undefined)} />
    </Stack>
  );
}
