import { Group, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useConsole } from '../../auth/console-context';
import { formatDateTime } from '../../components/format';
import { SLOW_REFRESH_MS } from '../../components/live';
import { type CertificateExpiry, EXPIRY_HORIZONS, type ExpiryHorizon, SOONEST_LIMIT, expiryWeeks, horizonCounts, listsAreShort } from './expiry';
import { QueryState } from '../../components/QueryState';
import { StatusBadge } from './StatusBadge';

const weekFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

/**
 * What expires within 30, 60 or 90 days, issued (not revoked) and installed alike, week by week: the renewals and root
 * rollovers to plan. The PKI counts (GET /certificate-expiry), so the counts are exact at any fleet size; the weeks name
 * the soonest certificates of each kind.
 */
export function ExpiryTab() {
  const { api } = useConsole();
  const [horizon, setHorizon] = useState<ExpiryHorizon>(30);
  const params = { days: horizon, soonest: SOONEST_LIMIT };
  const expiry = useQuery({
    queryKey: ['pki', '/certificate-expiry', params],
    queryFn: ({ signal }) => api.get<CertificateExpiry>('pki', '/certificate-expiry', params, signal),
    refetchInterval: SLOW_REFRESH_MS,
    // Another horizon keeps the last calendar on screen until its own answer arrives.
    placeholderData: keepPreviousData,
  });
  const data = expiry.data;
  const counts = data && horizonCounts(data);
  const weeks = data ? expiryWeeks(data) : [];
  return (
    <Stack gap="sm">
      <Group justify="space-between" wrap="wrap">
        <SegmentedControl
          aria-label="Expiry horizon"
          value={String(horizon)}
          onChange={(value) => setHorizon(Number(value) as ExpiryHorizon)}
          data={EXPIRY_HORIZONS.map((days) => ({ value: String(days), label: `${days} days` }))}
        />
        {counts && (
          <Text size="sm" aria-label="Expiry summary">
            Expiring within 30 days: {counts[30]} · 60 days: {counts[60]} · 90 days: {counts[90]} (revoked certificates left out)
          </Text>
        )}
      </Group>
      <QueryState query={expiry} label="the expiry calendar" />
      {data && listsAreShort(data) && (
        <Text size="xs" c="dimmed">
          The counts are complete; the weeks name only the {SOONEST_LIMIT} soonest issued and {SOONEST_LIMIT} soonest installed certificates.
        </Text>
      )}
      {data && weeks.length === 0 && <Text size="sm">Nothing expires within {horizon} days.</Text>}
      {weeks.length > 0 && (
        <Table.ScrollContainer minWidth={720}>
          <Table aria-label={`Certificates expiring within ${horizon} days, by week`} verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Week of</Table.Th>
                <Table.Th>Issued</Table.Th>
                <Table.Th>Installed</Table.Th>
                <Table.Th>Certificates</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {weeks.map((week) => (
                <Table.Tr key={week.weekStart}>
                  <Table.Td>{weekFormat.format(new Date(`${week.weekStart}T00:00:00Z`))}</Table.Td>
                  <Table.Td>{week.issued}</Table.Td>
                  <Table.Td>{week.installed}</Table.Td>
                  <Table.Td>
                    <Stack gap={2}>
                      {week.entries.length < week.issued + week.installed && (
                        <Text size="xs" c="dimmed">
                          {week.issued + week.installed - week.entries.length} more not listed
                        </Text>
                      )}
                      {week.entries.map((entry) => (
                        <Group key={`${entry.kind}/${entry.stationId}/${entry.what}/${entry.notAfter}`} gap="xs" wrap="nowrap">
                          <StatusBadge size="xs" color={entry.kind === 'issued' ? 'blue' : 'grape'}>
                            {entry.kind}
                          </StatusBadge>
                          <Text size="xs">
                            {entry.stationId}: {entry.what}, {formatDateTime(entry.notAfter)}
                          </Text>
                        </Group>
                      ))}
                    </Stack>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
