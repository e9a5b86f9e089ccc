import { Card, Stack, Text, Title } from '@mantine/core';
import { StationProfilesTable } from './StationProfilesTable';

/** How many stations below the selected node get their profiles shown: a feeder of 50 chargers would poll 50 routes. */
export const MAX_STATIONS_SHOWN = 8;

/** The charging profiles in force on the stations at or below the selected node. */
export function StationProfiles({ stationIds }: { stationIds: string[] }) {
  const shown = stationIds.slice(0, MAX_STATIONS_SHOWN);
  return (
    <Card withBorder>
      <Stack gap="sm">
        <Title order={3} size="h5">
          Profiles in force
        </Title>
        {stationIds.length === 0 && <Text size="sm">No charger at or below this node.</Text>}
        {shown.map((stationId) => (
          <StationProfilesTable key={stationId} stationId={stationId} />
        ))}
        {stationIds.length > shown.length && (
          <Text size="sm" c="dimmed">
            {stationIds.length - shown.length} more stations: select a node further down the tree to see theirs.
          </Text>
        )}
      </Stack>
    </Card>
  );
}
