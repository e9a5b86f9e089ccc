import { Title } from '@mantine/core';

export function SitesPage() {
  return (
    <Title order={1} size="h3">
      SitesPage
    </Title>
  );
}
