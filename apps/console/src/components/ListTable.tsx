import { Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { QueryState } from './QueryState';

interface ListTableProps<T> {
  /** The table's accessible name ("Root distribution jobs"). */
  label: string;
  /** What the list holds, for the loading and failure lines ("root distribution jobs"). */
  what: string;
  query: { isPending: boolean; error: unknown; data?: unknown };
  items: readonly T[];
  /** Said once the list answered with nothing. */
  empty: ReactNode;
  headers: readonly string[];
  /** Below this width the table scrolls sideways inside its container (tablets). */
  minWidth: number;
  /** One `<Table.Tr key=…>` per item. */
  row: (item: T) => ReactNode;
}

/** A list's states and table in one: a spinner or the plain failure, a sentence when empty, else the rows in a scroll container. */
export function ListTable<T>({ label, what, query, items, empty, headers, minWidth, row }: ListTableProps<T>) {
  return (
    <>
      <QueryState query={query} label={what} />
      {query.data !== undefined && items.length === 0 && <Text size="sm">{empty}</Text>}
      {items.length > 0 && (
        <Table.ScrollContainer minWidth={minWidth}>
          <Table striped highlightOnHover aria-label={label}>
            <Table.Thead>
              <Table.Tr>
                {headers.map((header) => (
                  <Table.Th key={header}>{header}</Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>{items.map(row)}</Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </>
  );
}
