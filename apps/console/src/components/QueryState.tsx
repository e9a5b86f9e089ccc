import { Group, Loader, Text } from '@mantine/core';
import { ProblemAlert } from './ProblemAlert';

/** A list's loading and failure states, so no tab is ever empty: a spinner until the first answer, the plain message on failure. */
export function QueryState({ query, label }: { query: { isPending: boolean; error: unknown }; label: string }) {
  if (query.error) return <ProblemAlert error={query.error} title={`Could not load ${label}`} />;
  if (query.isPending)
    return (
      <Group gap="xs">
        <Loader size="sm" aria-label={`Loading ${label}`} />
        <Text size="sm" c="dimmed">
          Loading {label}…
        </Text>
      </Group>
    );
  return null;
}
