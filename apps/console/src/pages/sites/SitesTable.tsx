import { Anchor, Table } from '@mantine/core';
import { useMemo } from 'react';
import { Link } from 'react-router';
import { formatLimit } from './limit-format';
import type { SiteSummary } from './site-types';
import { SiteNowCells } from './SiteNowCells';
import { useSitesNow } from './use-sites-now';

export interface SiteRow {
  siteId: string;
  name: string | null;
  /** The root's default limit; absent where the caller may not read the topology. */
  limit?: SiteSummary['limit'];
}

/** Sites with their grid connection and, refreshed every 30 s in one batch, their limit and draw now. */
export function SitesTable({ rows, label }: { rows: SiteRow[]; label: string }) {
  const siteIds = useMemo(() => rows.map((row) => row.siteId), [rows]);
  const now = useSitesNow(siteIds);
  // A failure of the batch as a whole (not of one site) shows in every row.
  const failed = now.isError ? { ok: false as const, message: now.error.message } : undefined;
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
              <SiteNowCells now={failed ?? now.data?.get(site.siteId)} />
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
