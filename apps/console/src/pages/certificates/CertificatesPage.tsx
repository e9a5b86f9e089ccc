import { Title } from '@mantine/core';

export function CertificatesPage() {
  return (
    <Title order={1} size="h3">
      CertificatesPage
    </Title>
  );
}
