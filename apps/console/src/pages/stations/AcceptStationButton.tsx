import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useConsole } from '../../auth/console-context';
import { ProblemAlert } from '../../components/ProblemAlert';
import type { StationDetail } from './station-types';

/** Accept a pending or first-contact station (`POST /stations/{id}/accept`), after a confirmation: it is let in for good. */
export function AcceptStationButton({ stationId, onAccepted }: { stationId: string; onAccepted: (stationId: string) => void }) {
  const { api } = useConsole();
  const queryClient = useQueryClient();
  const [opened, { open, close }] = useDisclosure(false);
  const accept = useMutation({
    mutationFn: () => api.post<StationDetail>('connection', `/stations/${encodeURIComponent(stationId)}/accept`),
    onSuccess: (station) => {
      queryClient.setQueryData(['connection', `/stations/${station.id}`], station);
      onAccepted(station.id);
      close();
      void queryClient.invalidateQueries({ queryKey: ['connection', '/stations'] });
      void queryClient.invalidateQueries({ queryKey: ['connection', '/stations/summary'] });
    },
  });
  return (
    <>
      <Button size="xs" onClick={open} aria-label={`Accept ${stationId}`}>
        Accept
      </Button>
      <Modal opened={opened} onClose={close} title={`Accept ${stationId}?`}>
        <Stack>
          <Text size="sm">Its next BootNotification is answered Accepted; a station without credentials is given a password once it is connected.</Text>
          <ProblemAlert error={accept.error} title="The station was not accepted" />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button onClick={() => accept.mutate()} loading={accept.isPending}>
              Accept station
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
