import { Alert, Button, Card, CloseButton, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCursorPages } from '../../api/use-cursor-pages';
import { useConsole } from '../../auth/console-context';
import { capabilities } from '../../auth/roles';
import { CursorPager } from '../../components/CursorPager';
import { formatDateTime, formatRelative } from '../../components/format';
import { ProblemAlert } from '../../components/ProblemAlert';
import { SLOW_REFRESH_MS } from '../../components/live';
import { QueryState } from '../../components/QueryState';
import type { InstalledCertificate, RefreshAnswer, StationSecurity } from './types';
import { useCaNames } from './use-pki-lists';

/** One station's security state and installed certificates (GetInstalledCertificateIds); security officers read it anew. */
export function StationInventoryPanel({ stationId, onClose }: { stationId: string; onClose: () => void }) {
  const { api, caller } = useConsole();
  const queryClient = useQueryClient();
  const path = `/station-inventories/${encodeURIComponent(stationId)}`;
  const station = useQuery({
    queryKey: ['pki', path],
    queryFn: ({ signal }) => api.get<StationSecurity>('pki', path, undefined, signal),
    refetchInterval: SLOW_REFRESH_MS,
  });
  const pages = useCursorPages<InstalledCertificate>('pki', '/installed-certificates', { stationId }, SLOW_REFRESH_MS);
  const caName = useCaNames();
  const refresh = useMutation({
    mutationFn: () => api.post<RefreshAnswer>('pki', `${path}/refresh`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['pki'] }),
  });
  const items = pages.query.data?.items ?? [];
  return (
    <Card withBorder padding="md" aria-label={`Certificates of ${stationId}`} component="section">
      <Stack gap="sm">
        <Group justify="space-between" wrap="nowrap">
          <Title order={2} size="h4">
            Certificates of {stationId}
          </Title>
          <CloseButton onClick={onClose} aria-label={`Close certificates of ${stationId}`} />
        </Group>
        <QueryState query={station} label="the station" />
        {station.data && (
          <Text size="sm">
            OCPP {station.data.protocol}, security profile {station.data.securityProfile}
            {station.data.minimumSecurityProfile !== undefined ? ` (minimum ${station.data.minimumSecurityProfile})` : ''}, connected {formatRelative(station.data.connectedAt)}; inventory read{' '}
            {station.data.inventoryReadAt ? formatRelative(station.data.inventoryReadAt) : 'never'}.
          </Text>
        )}
        {station.data?.inventoryError && <Alert color="orange">The last reading failed: {station.data.inventoryError}</Alert>}
        {capabilities.runsPki(caller) && (
          <Group>
            <Button size="xs" variant="light" loading={refresh.isPending} onClick={() => refresh.mutate()}>
              Read installed certificates now
            </Button>
          </Group>
        )}
        {refresh.data && (
          <Alert color={refresh.data.status === 'read' ? 'green' : 'orange'} role="status">
            {refresh.data.status === 'read' ? `Read: the station holds ${refresh.data.installed.length} certificates.` : `The station did not answer the reading: ${refresh.data.detail ?? 'no detail'}.`}
          </Alert>
        )}
        <ProblemAlert error={refresh.error} title="Reading failed" />
        <QueryState query={pages.query} label="installed certificates" />
        {pages.query.data && items.length === 0 && <Text size="sm">No installed certificate reported.</Text>}
        {items.length > 0 && (
          <Table.ScrollContainer minWidth={720}>
            <Table striped aria-label={`Installed certificates of ${stationId}`}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Type</Table.Th>
                  <Table.Th>Subject</Table.Th>
                  <Table.Th>Serial</Table.Th>
                  <Table.Th>Our CA</Table.Th>
                  <Table.Th>Valid until</Table.Th>
                  <Table.Th>Reported</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((certificate) => (
                  <Table.Tr key={`${certificate.certificateType}/${certificate.hashData.hashAlgorithm}/${certificate.hashData.issuerNameHash}/${certificate.hashData.issuerKeyHash}/${certificate.hashData.serialNumber}`}>
                    <Table.Td>{certificate.certificateType}</Table.Td>
                    <Table.Td>{certificate.subject ?? '—'}</Table.Td>
                    <Table.Td>
                      <Text size="xs" ff="monospace">
                        {certificate.hashData.serialNumber}
                      </Text>
                    </Table.Td>
                    <Table.Td>{certificate.caId ? caName(certificate.caId) : '—'}</Table.Td>
                    <Table.Td>{formatDateTime(certificate.notAfter)}</Table.Td>
                    <Table.Td>{formatRelative(certificate.reportedAt)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        <CursorPager pages={pages} label={`installed certificates of ${stationId}`} />
      </Stack>
    </Card>
  );
}
