import { Button, Group, Text } from '@mantine/core';
import type { CursorPages } from '../api/use-cursor-pages';

/** Previous/next for a cursor-paged list; `label` names the list for screen readers. */
export function CursorPager<T>({ pages, label }: { pages: CursorPages<T>; label: string }) {
  return (
    <Group justify="flex-end" gap="xs" role="navigation" aria-label={`${label} pages`}>
      <Button variant="default" size="xs" onClick={pages.previous} disabled={!pages.hasPrevious} aria-label={`Previous page of ${label}`}>
        Previous
      </Button>
      <Text size="sm" aria-live="polite">
        Page {pages.pageNumber}
      </Text>
      <Button variant="default" size="xs" onClick={pages.next} disabled={!pages.hasNext} aria-label={`Next page of ${label}`}>
        Next
      </Button>
    </Group>
  );
}
