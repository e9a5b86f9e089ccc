import { Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useConsole } from '../../auth/console-context';
import { capabilities } from '../../auth/roles';
import { ProblemAlert } from '../../components/ProblemAlert';
import { LIVE_REFRESH_MS } from '../../components/live';
import type { Page } from '../../api/paging';
import { AcceptedStationStatus } from './AcceptedStationStatus';
import { FIRST_CONTACT_QUERY, PENDING_PAGE_SIZE, isFirstContact } from './pending-stations';
import type { StationView } from './station-types';
import { PendingStationsTable } from './PendingStationsTable';

/**
 * Stations waiting for an operator: Pending ones (`OCPP_UNKNOWN_STATIONS=pending`) and first-contact ones that were
 * accepted without credentials (ADR 039). Accepting either gives it a password; what became of that shows below.
 */
export function PendingStations() {
  const { api, caller } = useConsole();
  const [accepted, setAccepted] = useState<string[]>([]);
  const pending = useQuery({
    queryKey: ['connection', '/stations', 'pending'],
    queryFn: ({ signal }) => api.get<Page<StationView>>('connection', '/stations', { registrationStatus: 'pending', limit: PENDING_PAGE_SIZE }, signal),
    refetchInterval: LIVE_REFRESH_MS,
  });
  const firstContact = useQuery({
    queryKey: ['connection', '/stations', 'first-contact'],
    queryFn: ({ signal }) => api.get<Page<StationView>>('connection', '/stations', FIRST_CONTACT_QUERY, signal),
    refetchInterval: LIVE_REFRESH_MS,
    // The API narrows to first contact on profile 0; a password set on profile 0 since is the one thing it does not filter.
    select: (page) => page.items.filter(isFirstContact),
  });
  const mayAccept = capabilities.acceptsStations(caller);
  const onAccepted = (stationId: string) => setAccepted((current) => [stationId, ...current.filter((id) => id !== stationId)].slice(0, 5));
  return (
    <Stack gap="md">
      {accepted.map((stationId) => (
        <AcceptedStationStatus key={stationId} stationId={stationId} />
      ))}
      <Title order={2} size="h5">
        Pending
      </Title>
      <Text size="sm" c="dimmed">
        Their BootNotification is answered Pending until someone accepts them.
      </Text>
      <ProblemAlert error={pending.error} title="The pending stations could not be listed" />
      <PendingStationsTable label="Pending stations" stations={pending.data?.items} loading={pending.isPending} mayAccept={mayAccept} onAccepted={onAccepted} />
      <Title order={2} size="h5">
        First contact without credentials
      </Title>
      <Text size="sm" c="dimmed">
        Registered by their own first connection on profile 0: anyone who knows the id can connect as them until they are accepted here.
      </Text>
      <ProblemAlert error={firstContact.error} title="The first-contact stations could not be listed" />
      <PendingStationsTable label="First-contact stations" stations={firstContact.data} loading={firstContact.isPending} mayAccept={mayAccept} onAccepted={onAccepted} />
    </Stack>
  );
}
