import { Title } from '@mantine/core';

export function StationPage() {
  return (
    <Title order={1} size="h3">
      StationPage
    </Title>
  );
}
