import { Stack, Tabs, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useNavigate, useParams } from 'react-router';
import { AuthoritiesTab } from './AuthoritiesTab';
import { ExpiryTab } from './ExpiryTab';
import { InstalledTab } from './InstalledTab';
import { IssuedTab } from './IssuedTab';
import { JobsTab } from './JobsTab';
import { RevocationsTab } from './RevocationsTab';
import { SigningRequestsTab } from './SigningRequestsTab';
import { CERTIFICATE_TABS, type CertificateTab, certificateTabOf } from './tabs';

const panels: Readonly<Record<CertificateTab, () => ReactNode>> = {
  authorities: () => <AuthoritiesTab />,
  issued: () => <IssuedTab />,
  revocations: () => <RevocationsTab />,
  'signing-requests': () => <SigningRequestsTab />,
  expiry: () => <ExpiryTab />,
  installed: () => <InstalledTab />,
  jobs: () => <JobsTab />,
};

/** The PKI: authorities, what they issued and revoked, CSRs, expiries, station inventories and batch jobs; one tab per route. */
export function CertificatesPage() {
  const { tab } = useParams();
  const navigate = useNavigate();
  const current = certificateTabOf(tab) ?? 'authorities';
  return (
    <Stack gap="md">
      <Title order={1} size="h3">
        Certificates
      </Title>
      {/* Only the shown tab is mounted: the others would poll their APIs for nothing. */}
      <Tabs value={current} onChange={(value) => value && navigate(`/certificates/${value}`)} keepMounted={false}>
        <Tabs.List aria-label="Certificate views">
          {CERTIFICATE_TABS.map(({ value, label }) => (
            <Tabs.Tab key={value} value={value}>
              {label}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {CERTIFICATE_TABS.map(({ value }) => (
          <Tabs.Panel key={value} value={value} pt="md">
            {value === current && panels[value]()}
          </Tabs.Panel>
        ))}
      </Tabs>
    </Stack>
  );
}
