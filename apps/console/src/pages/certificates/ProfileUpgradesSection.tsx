import { Button, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useConsole } from '../../auth/console-context';
import { capabilities } from '../../auth/roles';
import { formatDateTime } from '../../components/format';
import { SLOW_REFRESH_MS } from '../../components/live';
import { ProfileUpgradeSteps } from './ProfileUpgradeSteps';
import { ListTable } from '../../components/ListTable';
import { StartProfileUpgradeForm } from './StartProfileUpgradeForm';
import type { ProfileUpgrade } from './types';
import { StatusBadge } from './StatusBadge';

const statusColors: Readonly<Record<ProfileUpgrade['status'], string>> = { running: 'blue', succeeded: 'green', failed: 'red' };
/** Faster while an upgrade runs: its steps (install root, configure, reset, reconnect) follow each other within seconds. */
const RUNNING_REFRESH_MS = 2000;

/** Security profile upgrades, newest first, each with every step and the station's answer. */
export function ProfileUpgradesSection() {
  const { api, caller } = useConsole();
  const [openId, setOpenId] = useState<string | undefined>(undefined);
  const query = useQuery({
    queryKey: ['pki', '/profile-upgrades'],
    queryFn: ({ signal }) => api.get<{ items: ProfileUpgrade[] }>('pki', '/profile-upgrades', { limit: 100 }, signal),
    refetchInterval: (current) => (current.state.data?.items.some((upgrade) => upgrade.status === 'running') ? RUNNING_REFRESH_MS : SLOW_REFRESH_MS),
  });
  const items = query.data?.items ?? [];
  const open = items.find((upgrade) => upgrade.id === openId);
  return (
    <Stack gap="sm" component="section" aria-label="Security profile upgrades">
      <Title order={2} size="h4">
        Security profile upgrades
      </Title>
      {capabilities.runsPki(caller) && <StartProfileUpgradeForm onStarted={setOpenId} />}
      {open && <ProfileUpgradeSteps upgrade={open} onClose={() => setOpenId(undefined)} />}
      <ListTable
        label="Security profile upgrades"
        what="profile upgrades"
        query={query}
        items={items}
        empty="No profile upgrade yet."
        headers={['Started', 'Station', 'Profile', 'Status', 'Reason', 'By', 'Actions']}
        minWidth={860}
        row={(upgrade) => (
          <Table.Tr key={upgrade.id}>
            <Table.Td>{formatDateTime(upgrade.createdAt)}</Table.Td>
            <Table.Td>{upgrade.stationId}</Table.Td>
            <Table.Td>
              {upgrade.fromProfile} → {upgrade.toProfile}
            </Table.Td>
            <Table.Td>
              <StatusBadge color={statusColors[upgrade.status] ?? 'gray'}>
                {upgrade.status}
              </StatusBadge>
              <Text size="xs" c="dimmed">
                {upgrade.step}
              </Text>
            </Table.Td>
            <Table.Td>{upgrade.reason ?? '—'}</Table.Td>
            <Table.Td>{upgrade.requestedBy ?? '—'}</Table.Td>
            <Table.Td>
              <Button size="xs" variant="light" onClick={() => setOpenId(upgrade.id)} aria-label={`Steps of the upgrade of ${upgrade.stationId} started ${formatDateTime(upgrade.createdAt)}`}>
                Steps
              </Button>
            </Table.Td>
          </Table.Tr>
        )}
      />
    </Stack>
  );
}
