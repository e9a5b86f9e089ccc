import { AppShell, Badge, Burger, Button, Group, NavLink, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { NavLink as RouterLink, Outlet, useLocation } from 'react-router';
import { useConsole } from '../auth/console-context';
import { capabilities, type Section } from '../auth/roles';

const sections: ReadonlyArray<{ section: Section; label: string; path: string }> = [
  { section: 'stations', label: 'Stations', path: '/stations' },
  { section: 'sites', label: 'Sites', path: '/sites' },
  { section: 'certificates', label: 'Certificates', path: '/certificates' },
];

/** The frame of every signed-in page: navigation by role, who is signed in, sign-out; below 992 px (a tablet) the navigation folds behind a button so tables get the width. */
export function Shell() {
  const { caller, signOut } = useConsole();
  const [opened, { toggle, close }] = useDisclosure();
  const location = useLocation();
  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 200, breakpoint: 'md', collapsed: { mobile: !opened } }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="md" size="sm" aria-label="Toggle navigation" />
            <Title order={2} size="h4">
              CSMS console
            </Title>
          </Group>
          <Group gap="xs" wrap="nowrap">
            <Text size="sm" visibleFrom="xs" aria-label="Signed in as">
              {caller.name}
            </Text>
            {caller.roles.map((role) => (
              <Badge key={role} variant="light" visibleFrom="md">
                {role}
              </Badge>
            ))}
            {caller.tenant && (
              <Badge variant="outline" visibleFrom="md">
                tenant {caller.tenant}
              </Badge>
            )}
            <Button variant="subtle" size="xs" onClick={signOut}>
              Sign out
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label="Sections">
        <Stack gap={2}>
          {sections
            .filter(({ section }) => capabilities.seesSection(caller, section))
            .map(({ label, path }) => (
              <NavLink key={path} component={RouterLink} to={path} label={label} active={location.pathname.startsWith(path)} onClick={close} />
            ))}
        </Stack>
      </AppShell.Navbar>
      <AppShell.Main>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
