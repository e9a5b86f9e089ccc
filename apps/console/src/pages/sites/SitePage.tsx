import { Title } from '@mantine/core';

export function SitePage() {
  return (
    <Title order={1} size="h3">
      SitePage
    </Title>
  );
}
