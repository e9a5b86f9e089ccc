import { Title } from '@mantine/core';

export function StationsPage() {
  return (
    <Title order={1} size="h3">
      StationsPage
    </Title>
  );
}
