import { NativeSelect, SimpleGrid, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { useState } from 'react';
import { connectorStatuses, pageSizes, protocols, registrationStatuses, type StationFilters } from './station-filters';

const SEARCH_DEBOUNCE_MS = 300;

const any = (label: string, values: readonly string[]) => [{ value: '', label }, ...values.map((value) => ({ value, label: value }))];

/** The list's filters; the search box waits for a pause in typing so each keystroke is not a request. */
export function StationFilterBar({ filters, onChange }: { filters: StationFilters; onChange: (next: StationFilters) => void }) {
  const [text, setText] = useState(filters.q);
  const [addressQ, setAddressQ] = useState(filters.q);
  // The address may change under the box (back button, a shared link): follow it.
  if (addressQ !== filters.q) {
    setAddressQ(filters.q);
    setText(filters.q);
  }
  const commitText = useDebouncedCallback((q: string) => onChange({ ...filters, q }), SEARCH_DEBOUNCE_MS);
  const set = <K extends keyof StationFilters>(key: K, value: StationFilters[K]) => onChange({ ...filters, [key]: value });
  return (
    <SimpleGrid cols={{ base: 2, sm: 3, lg: 7 }} spacing="xs" role="search" aria-label="Filter stations">
      <TextInput
        label="Search"
        placeholder="Station id, vendor, model…"
        value={text}
        onChange={(event) => {
          setText(event.currentTarget.value);
          commitText(event.currentTarget.value);
        }}
      />
      <NativeSelect
        label="Connected"
        value={filters.connected}
        onChange={(event) => set('connected', event.currentTarget.value as StationFilters['connected'])}
        data={[
          { value: 'all', label: 'All' },
          { value: 'yes', label: 'Connected' },
          { value: 'no', label: 'Not connected' },
        ]}
      />
      <NativeSelect label="Protocol" value={filters.protocol} onChange={(event) => set('protocol', event.currentTarget.value as StationFilters['protocol'])} data={any('Any', protocols)} />
      <NativeSelect
        label="Security profile"
        value={filters.securityProfile}
        onChange={(event) => set('securityProfile', event.currentTarget.value as StationFilters['securityProfile'])}
        data={any('Any', ['0', '1', '2', '3'])}
      />
      <NativeSelect
        label="Registration"
        value={filters.registrationStatus}
        onChange={(event) => set('registrationStatus', event.currentTarget.value as StationFilters['registrationStatus'])}
        data={any('Any', registrationStatuses)}
      />
      <NativeSelect
        label="Connector status"
        value={filters.connectorStatus}
        onChange={(event) => set('connectorStatus', event.currentTarget.value as StationFilters['connectorStatus'])}
        data={any('Any', connectorStatuses)}
      />
      <NativeSelect
        label="Page size"
        value={String(filters.pageSize)}
        onChange={(event) => set('pageSize', Number(event.currentTarget.value) as StationFilters['pageSize'])}
        data={pageSizes.map((size) => String(size))}
      />
    </SimpleGrid>
  );
}
