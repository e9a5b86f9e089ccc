import { Stack, Tabs, Title } from '@mantine/core';
import { useSearchParams } from 'react-router';
import { PendingStations } from './PendingStations';
import { StationList } from './StationList';
import { StationSummaryCards } from './StationSummaryCards';

/** `/stations`: the fleet's counts, then either every station (filtered) or the ones waiting for an operator (`?view=pending`). */
export function StationsPage() {
  const [search, setSearch] = useSearchParams();
  const view = search.get('view') === 'pending' ? 'pending' : 'all';
  const showView = (next: string | null) =>
    setSearch((current) => {
      const updated = new URLSearchParams(current);
      if (next === 'pending') updated.set('view', 'pending');
      else updated.delete('view');
      return updated;
    });
  return (
    <Stack gap="md">
      <Title order={1} size="h3">
        Stations
      </Title>
      <StationSummaryCards />
      <Tabs value={view} onChange={showView} keepMounted={false}>
        <Tabs.List aria-label="Station views">
          <Tabs.Tab value="all">All stations</Tabs.Tab>
          <Tabs.Tab value="pending">Pending</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="all" pt="md">
          <StationList />
        </Tabs.Panel>
        <Tabs.Panel value="pending" pt="md">
          <PendingStations />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
