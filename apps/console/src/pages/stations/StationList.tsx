import { Group, Loader, Stack, Text } from '@mantine/core';
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { useCursorPages } from '../../api/use-cursor-pages';
import { CursorPager } from '../../components/CursorPager';
import { ProblemAlert } from '../../components/ProblemAlert';
import { apiQueryOfFilters, filtersFromSearch, narrows, searchOfFilters, type StationFilters } from './station-filters';
import type { StationView } from './station-types';
import { StationFilterBar } from './StationFilterBar';
import { StationsTable } from './StationsTable';

/**
 * Every station, a page at a time (50-500), filtered by what the address says. The previous page stays on screen
 * while the next one or a refresh loads (keepPreviousData), so the live refresh never blanks the table.
 */
export function StationList() {
  const [search, setSearch] = useSearchParams();
  const filters = useMemo(() => filtersFromSearch(search), [search]);
  const apiQuery = useMemo(() => apiQueryOfFilters(filters), [filters]);
  const pages = useCursorPages<StationView>('connection', '/stations', apiQuery);
  const { data, error, isPending, isPlaceholderData, dataUpdatedAt } = pages.query;
  // The pager sits below up to 500 rows: the next page starts at its top, not where the old one ended.
  const toTop = () => window.scrollTo({ top: 0 });
  const pager = { ...pages, next: () => (pages.next(), toTop()), previous: () => (pages.previous(), toTop()) };
  const changeFilters = useCallback((next: StationFilters) => setSearch((current) => searchOfFilters(next, current), { replace: true }), [setSearch]);
  return (
    <Stack gap="sm">
      <StationFilterBar filters={filters} onChange={changeFilters} />
      <ProblemAlert error={error} title="The stations could not be listed" />
      <Group justify="space-between">
        <Text size="sm" c="dimmed" aria-live="polite">
          {data ? `${data.items.length} station${data.items.length === 1 ? '' : 's'} on this page` : 'Loading stations…'}
        </Text>
        {isPlaceholderData && <Loader size="xs" aria-label="Updating the list" />}
      </Group>
      <StationsTable stations={data?.items} loading={isPending} busy={isPlaceholderData} emptyText={narrows(filters) ? 'No station matches these filters.' : 'No stations are registered yet.'} fetchedAt={dataUpdatedAt} />
      <CursorPager pages={pager} label="stations" />
    </Stack>
  );
}
