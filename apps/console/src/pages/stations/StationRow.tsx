import { memo } from 'react';
import { formatDateTime } from '../../components/format';
import type { StationView } from './station-types';
import { ConnectorBadges } from './ConnectorBadges';
import classes from './station-rows.module.css';

/**
 * One station of the list, in plain elements (see station-rows.module.css). Memoised: the query keeps an unchanged
 * station the same object across refreshes (structural sharing), so a refresh re-renders only the stations that
 * changed or whose "last seen" text moved on.
 */
export const StationRow = memo(function StationRow({ station, lastSeen }: { station: StationView; lastSeen: string }) {
  const vendorModel = [station.vendor, station.model].filter(Boolean).join(' / ') || '—';
  return (
    <tr className={classes.row}>
      <td className={classes.cell}>
        {/* A plain link (the router is a hash router): 500 router Links, each with its hooks, cost a visible share of the render. */}
        <a className={classes.link} href={`#/stations/${encodeURIComponent(station.id)}`}>
          {station.id}
        </a>{' '}
        {station.registrationStatus !== 'accepted' && (
          <span className={classes.badge} data-tone={station.registrationStatus === 'pending' ? 'yellow' : 'red'}>
            {station.registrationStatus}
          </span>
        )}
      </td>
      <td className={classes.cell}>
        <span className={classes.badge} data-tone={station.live.connected ? 'green-filled' : undefined}>
          {station.live.connected ? 'Connected' : 'Offline'}
        </span>
      </td>
      <td className={classes.cell}>{station.live.protocol ?? '—'}</td>
      <td className={classes.cell}>{station.live.securityProfile ?? station.securityProfile}</td>
      <td className={classes.cell}>{station.firmwareVersion ?? '—'}</td>
      <td className={classes.cell}>{vendorModel}</td>
      <td className={classes.cell} title={formatDateTime(station.lastSeenAt)}>
        {lastSeen}
      </td>
      <td className={classes.cell}>
        <ConnectorBadges connectors={station.connectors} />
      </td>
    </tr>
  );
});
