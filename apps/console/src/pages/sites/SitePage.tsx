import { Anchor, Breadcrumbs, Card, Grid, Loader, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useConsole } from '../../auth/console-context';
import { capabilities } from '../../auth/roles';
import { ProblemAlert } from '../../components/ProblemAlert';
import { AllocationTable } from './AllocationTable';
import { DrawChart } from './DrawChart';
import { LimitEditor } from './LimitEditor';
import { NodeLimitsPanel } from './NodeLimitsPanel';
import { writableSources } from './site-paths';
import { SiteAudit } from './SiteAudit';
import { SiteDeviations } from './SiteDeviations';
import { StationProfiles } from './StationProfiles';
import { findNode, nodeName, stationsBelow } from './topology';
import { TopologyTree } from './TopologyTree';
import { useSiteTree } from './use-site-tree';

/** A site: its tree, and for the selected node its limits, limit and draw over time, the editor, and the site's allocation, profiles, deviations and audit log. */
export function SitePage() {
  const { siteId = '' } = useParams();
  const { caller } = useConsole();
  const tree = useSiteTree(siteId);
  const [selected, setSelected] = useState(siteId);
  const reads = capabilities.reads(caller);

  const header = (
    <Stack gap={4}>
      <Breadcrumbs>
        <Anchor component={Link} to="/sites">
          Sites
        </Anchor>
        <Text>{siteId}</Text>
      </Breadcrumbs>
      <Title order={1} size="h3">
        Site {siteId}
        {tree.data?.name ? ` — ${tree.data.name}` : ''}
      </Title>
    </Stack>
  );
  if (tree.isPending)
    return (
      <Stack>
        {header}
        <Loader aria-label="Loading the site" />
      </Stack>
    );
  if (tree.isError)
    return (
      <Stack>
        {header}
        <ProblemAlert error={tree.error} title="The site could not be loaded" />
      </Stack>
    );

  const root = tree.data.root;
  const node = findNode(root, selected) ?? root;
  const label = nodeName(node);
  const sources = writableSources.filter((source) => capabilities.editsLimit(caller, siteId, source));
  return (
    <Stack>
      {header}
      <Grid>
        <Grid.Col span={{ base: 12, md: 4, lg: 3 }}>
          <Card withBorder>
            <Stack gap="xs">
              <Title order={2} size="h5">
                Topology
              </Title>
              <TopologyTree root={root} selected={node.nodeId} onSelect={setSelected} />
            </Stack>
          </Card>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 8, lg: 9 }}>
          <Stack>
            <Title order={2} size="h4">
              {label}
            </Title>
            <DrawChart key={`chart:${node.nodeId}`} siteId={siteId} nodeId={node.nodeId} nodeLabel={label} />
            <NodeLimitsPanel siteId={siteId} nodeId={node.nodeId} nodeLabel={label} />
            {sources.length > 0 && <LimitEditor key={`editor:${node.nodeId}`} siteId={siteId} nodeId={node.nodeId} nodeLabel={label} sources={sources} />}
            {reads && <StationProfiles stationIds={stationsBelow(root, node.nodeId)} />}
          </Stack>
        </Grid.Col>
      </Grid>
      <SiteDeviations siteId={siteId} />
      {reads && <AllocationTable siteId={siteId} />}
      <SiteAudit siteId={siteId} />
    </Stack>
  );
}
