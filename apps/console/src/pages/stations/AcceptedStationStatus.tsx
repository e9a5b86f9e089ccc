import { Alert, Anchor, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { useConsole } from '../../auth/console-context';
import { LIVE_REFRESH_MS } from '../../components/live';
import { provisioningText } from './pending-stations';
import type { StationDetail } from './station-types';

/** The answer to an accept, kept live: the station's registration and how far its password delivery has got. */
export function AcceptedStationStatus({ stationId }: { stationId: string }) {
  const { api } = useConsole();
  const station = useQuery({
    queryKey: ['connection', `/stations/${stationId}`],
    queryFn: ({ signal }) => api.get<StationDetail>('connection', `/stations/${encodeURIComponent(stationId)}`, undefined, signal),
    refetchInterval: (query) => (query.state.data?.credentialProvisioning?.state === 'provisioned' ? false : LIVE_REFRESH_MS),
  });
  const data = station.data;
  return (
    <Alert color="green" title={`${stationId} accepted`} role="status">
      <Text size="sm">Registration: {data?.registrationStatus ?? '…'}.</Text>
      <Text size="sm">Credentials: {data ? provisioningText(data.credentialProvisioning) : '…'}</Text>
      <Anchor component={Link} to={`/stations/${encodeURIComponent(stationId)}`} size="sm">
        Open {stationId}
      </Anchor>
    </Alert>
  );
}
