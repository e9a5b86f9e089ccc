import { Anchor, Badge, Table, Text } from '@mantine/core';
import { memo } from 'react';
import { Link } from 'react-router';
import { formatDateTime, formatRelative } from '../../components/format';
import type { StationView } from './station-types';
import { ConnectorBadges } from './ConnectorBadges';

/**
 * One station of the list, memoised on its content and the fetch time its "last seen" is relative to: re-rendering
 * the list (a filter typed, a loader shown) does not re-render 500 rows.
 */
export const StationRow = memo(
  function StationRow({ station, now }: { station: StationView; now: number }) {
    const vendorModel = [station.vendor, station.model].filter(Boolean).join(' / ') || '—';
    return (
      <Table.Tr>
        <Table.Td>
          <Anchor component={Link} to={`/stations/${encodeURIComponent(station.id)}`} ff="monospace" size="sm">
            {station.id}
          </Anchor>
          {station.registrationStatus !== 'accepted' && (
            <Badge ml={6} size="xs" color={station.registrationStatus === 'pending' ? 'yellow' : 'red'} variant="light">
              {station.registrationStatus}
            </Badge>
          )}
        </Table.Td>
        <Table.Td>
          <Badge size="sm" color={station.live.connected ? 'green' : 'gray'} variant={station.live.connected ? 'filled' : 'light'}>
            {station.live.connected ? 'Connected' : 'Offline'}
          </Badge>
        </Table.Td>
        <Table.Td>{station.live.protocol ?? '—'}</Table.Td>
        <Table.Td>{station.live.securityProfile ?? station.securityProfile}</Table.Td>
        <Table.Td>{station.firmwareVersion ?? '—'}</Table.Td>
        <Table.Td>{vendorModel}</Table.Td>
        <Table.Td>
          <Text size="sm" title={formatDateTime(station.lastSeenAt)}>
            {formatRelative(station.lastSeenAt, now)}
          </Text>
        </Table.Td>
        <Table.Td>
          <ConnectorBadges connectors={station.connectors} />
        </Table.Td>
      </Table.Tr>
    );
  },
  (before, after) => before.now === after.now && JSON.stringify(before.station) === JSON.stringify(after.station),
);
