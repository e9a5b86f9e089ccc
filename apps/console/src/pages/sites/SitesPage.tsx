import { Stack, Text, Title } from '@mantine/core';
import { useConsole } from '../../auth/console-context';
import { capabilities } from '../../auth/roles';
import { AllSites } from './AllSites';
import { SitesTable } from './SitesTable';

/** Sites the caller may see: every site (of its tenant) for readers, the granted ones for a grid operator. */
export function SitesPage() {
  const { caller } = useConsole();
  return (
    <Stack>
      <Title order={1} size="h3">
        Sites
      </Title>
      {capabilities.reads(caller) ? (
        <AllSites />
      ) : caller.sites.length === 0 ? (
        <Text>No site is granted to your token.</Text>
      ) : (
        <SitesTable rows={caller.sites.map((siteId) => ({ siteId, name: null }))} label="Sites granted to you" />
      )}
    </Stack>
  );
}
