import { Button, Card, Group, Modal, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useConsole } from '../../auth/console-context';
import { ProblemAlert } from '../../components/ProblemAlert';
import type { ProfileUpgrade } from './types';

const profiles = [
  { value: '2', label: '2: Basic auth over TLS' },
  { value: '3', label: '3: TLS client certificate' },
];

/** Security officers: move one station to a higher security profile. The station is reset on the way, so it is confirmed first. */
export function StartProfileUpgradeForm({ onStarted }: { onStarted: (upgradeId: string) => void }) {
  const { api } = useConsole();
  const queryClient = useQueryClient();
  const [stationId, setStationId] = useState('');
  const [profile, setProfile] = useState<string | null>('2');
  const [opened, { open, close }] = useDisclosure(false);
  const start = useMutation({
    mutationFn: () => api.post<ProfileUpgrade>('pki', '/profile-upgrades', { stationId: stationId.trim(), securityProfile: Number(profile) }),
    onSuccess: (upgrade) => {
      close();
      void queryClient.invalidateQueries({ queryKey: ['pki'] });
      onStarted(upgrade.id);
    },
  });
  const ready = stationId.trim().length > 0 && profile !== null;
  const confirm = (event: FormEvent) => {
    event.preventDefault();
    if (!ready) return;
    start.reset();
    open();
  };
  return (
    <Card withBorder padding="md" component="form" aria-label="Start a security profile upgrade" onSubmit={confirm}>
      <Stack gap="sm">
        <Title order={3} size="h5">
          Upgrade a station's security profile
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label="Station to upgrade" placeholder="Station id" value={stationId} onChange={(event) => setStationId(event.currentTarget.value)} required />
          <Select label="Target profile" data={profiles} value={profile} onChange={setProfile} allowDeselect={false} />
        </SimpleGrid>
        <ProblemAlert error={!opened ? start.error : undefined} title="The upgrade was not started" />
        <Group justify="flex-end">
          <Button type="submit" disabled={!ready}>
            Upgrade…
          </Button>
        </Group>
      </Stack>
      <Modal opened={opened} onClose={close} title={`Upgrade ${stationId.trim()} to profile ${profile}?`}>
        <Stack gap="sm">
          <Text size="sm">
            The station gets the CSMS root and the new connection profile, is reset, and must come back on profile {profile}; if it does not, the upgrade is rolled back. It
            charges nothing while it restarts.
          </Text>
          <ProblemAlert error={start.error} title="The upgrade was not started" />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button color="orange" loading={start.isPending} onClick={() => start.mutate()}>
              Start upgrade
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Card>
  );
}
