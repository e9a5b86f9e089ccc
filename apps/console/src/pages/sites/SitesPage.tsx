import { Anchor, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useCursorPages } from '../../api/use-cursor-pages';
import { useConsole } from '../../auth/console-context';
import { capabilities } from '../../auth/roles';
import { CursorPager } from '../../components/CursorPager';
import { ProblemAlert } from '../../components/ProblemAlert';
import { formatLimit } from './limit-format';
import { sitePaths } from './site-paths';
import type { SiteSummary } from './site-types';
import { SiteNowCells } from './SiteNowCells';

/** Sites the caller may see: every site (of its tenant) for readers, the granted ones for a grid operator. */
export function SitesPage() {
  const { caller } = useConsole();
  return (
    <Stack>
      <Title order={1} size="h3">
        Sites
      </Title>
      {capabilities.reads(caller) ? <AllSites /> : <GrantedSites sites={caller.sites} />}
    </Stack>
  );
}

function SitesTable({ rows, label }: { rows: { siteId: string; name: string | null; limit?: SiteSummary['limit']; nodeCount?: number }[]; label: string }) {
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table aria-label={label} striped highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Site</Table.Th>
            <Table.Th>Name</Table.Th>
            <Table.Th>Grid connection</Table.Th>
            <Table.Th>Limit now</Table.Th>
            <Table.Th>Draw now (L1 / L2 / L3)</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((site) => (
            <Table.Tr key={site.siteId}>
              <Table.Td>
                <Anchor component={Link} to={`/sites/${encodeURIComponent(site.siteId)}`}>
                  {site.siteId}
                </Anchor>
              </Table.Td>
              <Table.Td>{site.name ?? '—'}</Table.Td>
              <Table.Td>{site.limit === undefined ? '—' : formatLimit(site.limit)}</Table.Td>
              <SiteNowCells siteId={site.siteId} />
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function AllSites() {
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

function GrantedSites({ sites }: { sites: string[] }) {
  if (sites.length === 0) return <Text>No site is granted to your token.</Text>;
  return <SitesTable rows={sites.map((siteId) => ({ siteId, name: null }))} label="Sites granted to you" />;
}
