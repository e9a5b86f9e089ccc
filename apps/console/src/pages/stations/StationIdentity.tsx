import { Paper, Table, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { formatDateTime, formatRelative } from '../../components/format';
import { provisioningText } from './pending-stations';
import type { StationDetail } from './station-types';

/** Registry data and the live connection, as a two-column description table. */
export function StationIdentity({ station }: { station: StationDetail }) {
  const rows: Array<[string, ReactNode]> = [
    ['Registration', station.registrationStatus],
    ['Connected', station.live.connected ? 'yes' : 'no'],
    ['Protocol', station.live.protocol ?? '—'],
    ['Security profile', station.live.securityProfile === null ? `${station.securityProfile} (minimum)` : `${station.live.securityProfile} (minimum ${station.securityProfile})`],
    ['Replica', station.live.replica ?? '—'],
    ['Vendor / model', [station.vendor, station.model].filter(Boolean).join(' / ') || '—'],
    ['Serial number', station.serialNumber ?? '—'],
    ['Firmware', station.firmwareVersion ?? '—'],
    ['Password', station.hasPassword ? 'set' : 'none'],
    ['Tenant', station.tenant ?? '—'],
    ['Last boot', <TimeText key="boot" iso={station.lastBootAt} />],
    ['Last seen', <TimeText key="seen" iso={station.lastSeenAt} />],
    ['Credential provisioning', provisioningText(station.credentialProvisioning)],
  ];
  return (
    <Paper withBorder p="sm">
      <Title order={2} size="h5" mb="xs">
        Identity and state
      </Title>
      <Table aria-label="Station identity and state" verticalSpacing={4}>
        <Table.Tbody>
          {rows.map(([label, value]) => (
            <Table.Tr key={label}>
              <Table.Th scope="row" w="40%">
                {label}
              </Table.Th>
              <Table.Td>{value}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}

function TimeText({ iso }: { iso: string | null }) {
  return (
    <Text size="sm" span title={formatDateTime(iso)}>
      {formatRelative(iso)}
    </Text>
  );
}
