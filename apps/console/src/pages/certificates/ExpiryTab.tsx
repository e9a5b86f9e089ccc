import { Group, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { Page } from '../../api/paging';
import { useConsole } from '../../auth/console-context';
import { formatDateTime } from '../../components/format';
import { SLOW_REFRESH_MS } from '../../components/live';
import { EXPIRY_HORIZONS, type ExpiryHorizon, expiringEntriesOf, expiryWeeks, horizonCounts } from './expiry';
import { QueryState } from './QueryState';
import type { InstalledCertificate, IssuedCertificate } from './types';
import { StatusBadge } from './StatusBadge';

/** The API's largest page: the calendar reads the 90-day window of each list at once. */
const WINDOW_LIMIT = 500;
const weekFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

/** What expires within 30, 60 or 90 days, issued (not revoked) and installed alike, week by week: the renewals and root rollovers to plan. */
export function ExpiryTab() {
  const { api } = useConsole();
  const [horizon, setHorizon] = useState<ExpiryHorizon>(30);
  const windowQuery = { expiringWithinDays: 90, limit: WINDOW_LIMIT };
  // A revoked certificate needs no renewal: the calendar plans what is still in use.
  const issuedQuery = { ...windowQuery, revoked: false };
  const issued = useQuery({
    queryKey: ['pki', '/issued-certificates', issuedQuery],
    queryFn: ({ signal }) => api.get<Page<IssuedCertificate>>('pki', '/issued-certificates', issuedQuery, signal),
    refetchInterval: SLOW_REFRESH_MS,
  });
  const installed = useQuery({
    queryKey: ['pki', '/installed-certificates', windowQuery],
    queryFn: ({ signal }) => api.get<Page<InstalledCertificate>>('pki', '/installed-certificates', windowQuery, signal),
    refetchInterval: SLOW_REFRESH_MS,
  });
  const entries = expiringEntriesOf(issued.data?.items ?? [], installed.data?.items ?? []);
  const counts = horizonCounts(entries);
  const weeks = expiryWeeks(entries, horizon);
  const truncated = Boolean(issued.data?.nextCursor || installed.data?.nextCursor);
  const ready = issued.data && installed.data;
  return (
    <Stack gap="sm">
      <Group justify="space-between" wrap="wrap">
        <SegmentedControl
          aria-label="Expiry horizon"
          value={String(horizon)}
          onChange={(value) => setHorizon(Number(value) as ExpiryHorizon)}
          data={EXPIRY_HORIZONS.map((days) => ({ value: String(days), label: `${days} days` }))}
        />
        {ready && (
          <Text size="sm" aria-label="Expiry summary">
            Expiring within 30 days: {counts[30]} · 60 days: {counts[60]} · 90 days: {counts[90]} (revoked certificates left out)
          </Text>
        )}
      </Group>
      <QueryState query={issued} label="issued certificates" />
      <QueryState query={installed} label="installed certificates" />
      {truncated && (
        <Text size="xs" c="orange">
          More than {WINDOW_LIMIT} certificates expire within 90 days: the calendar shows the first {WINDOW_LIMIT} of each kind.
        </Text>
      )}
      {ready && weeks.length === 0 && <Text size="sm">Nothing expires within {horizon} days.</Text>}
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
