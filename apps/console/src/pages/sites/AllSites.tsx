import { Loader, Stack, Text } from '@mantine/core';
import { useCursorPages } from '../../api/use-cursor-pages';
import { CursorPager } from '../../components/CursorPager';
import { ProblemAlert } from '../../components/ProblemAlert';
import { sitePaths } from './site-paths';
import type { SiteSummary } from './site-types';
import { SitesTable } from './SitesTable';

/** Every site the caller's tenant holds, a page at a time. */
export function AllSites() {
  const pages = useCursorPages<SiteSummary>('smartCharging', sitePaths.sites, { limit: 50 });
  const { query } = pages;
  if (query.isPending) return <Loader aria-label="Loading sites" />;
  if (query.isError) return <ProblemAlert error={query.error} title="Sites could not be loaded" />;
  return (
    <Stack>
      {query.data.items.length === 0 ? <Text>No sites yet.</Text> : <SitesTable rows={query.data.items} label="Sites" />}
      <CursorPager pages={pages} label="sites" />
    </Stack>
  );
}
