import { Divider, Stack } from '@mantine/core';
import { ProfileUpgradesSection } from './ProfileUpgradesSection';
import { RootJobsSection } from './RootJobsSection';

/** The PKI's fleet-wide work: root certificate distribution and security profile upgrades, each station's answer shown. */
export function JobsTab() {
  return (
    <Stack gap="xl">
      <RootJobsSection />
      <Divider />
      <ProfileUpgradesSection />
    </Stack>
  );
}
