import type { FleetSnapshot } from '../metrics/fleet-metrics';

export interface SummaryHeading {
  readonly scenario: string;
  readonly url: string;
}

const counts = (entries: Readonly<Record<string, number>>): string =>
  Object.keys(entries).length === 0
    ? 'none'
    : Object.entries(entries)
        .map(([code, count]) => `${code} ${count}`)
        .join(', ');

const ms = (value: number): string => value.toFixed(value < 10 ? 2 : 1);

function latencyTable(snapshot: FleetSnapshot): string[] {
  const rows = Object.entries(snapshot.latencyByAction);
  if (rows.length === 0) return ['  (no successful calls)'];
  const width = Math.max(6, ...rows.map(([action]) => action.length));
  const header = `  ${'action'.padEnd(width)}  ${'count'.padStart(8)}  ${'p50 ms'.padStart(9)}  ${'p90 ms'.padStart(9)}  ${'p99 ms'.padStart(9)}  ${'max ms'.padStart(9)}`;
  const lines = rows.map(
    ([action, summary]) =>
      `  ${action.padEnd(width)}  ${String(summary.count).padStart(8)}  ${ms(summary.p50Ms).padStart(9)}  ${ms(summary.p90Ms).padStart(9)}  ${ms(summary.p99Ms).padStart(9)}  ${ms(summary.maxMs).padStart(9)}`,
  );
  return [header, ...lines];
}

/** The plain-text summary printed at the end of a run. */
export function formatSummary(snapshot: FleetSnapshot, heading: SummaryHeading): string {
  const seconds = (snapshot.elapsedMs / 1000).toFixed(1);
  const rate = snapshot.elapsedMs > 0 ? ((snapshot.callsSent * 1000) / snapshot.elapsedMs).toFixed(1) : '0';
  return [
    `Fleet summary: ${snapshot.stations} stations, scenario ${heading.scenario}, ${seconds} s against ${heading.url}`,
    '',
    `  booted         ${snapshot.booted}`,
    `  failed         ${snapshot.failed}${snapshot.failed > 0 ? ` (${counts(snapshot.failuresByCode)})` : ''}`,
    `  refused        ${counts(snapshot.refusedByStatus)}   (HTTP status of refused upgrades)`,
    `  connect errors ${counts(snapshot.connectErrorsByCode)}`,
    `  disconnects    ${snapshot.disconnects}   (connected at the end: ${snapshot.connected})`,
    `  calls          ${snapshot.callsSent} sent (${rate}/s), ${snapshot.callsReceived} received from the CSMS`,
    `  call errors    ${counts(snapshot.errorsByCode)}`,
    `  transactions   ${snapshot.transactionsStarted} started, ${snapshot.transactionsStopped} stopped, ${snapshot.meterValuesSent} meter values`,
    `  protocol       ${snapshot.protocolIssues} issues`,
    '',
    '  Round trip of the stations\' calls:',
    ...latencyTable(snapshot),
    '',
  ].join('\n');
}

/** One status line for the progress display. */
export function formatProgress(snapshot: FleetSnapshot, total: number, barWidth = 20): string {
  const done = total === 0 ? 1 : Math.min(1, snapshot.booted / total);
  const filled = Math.round(done * barWidth);
  const bar = `[${'#'.repeat(filled)}${'.'.repeat(barWidth - filled)}]`;
  const refused = Object.values(snapshot.refusedByStatus).reduce((sum, count) => sum + count, 0);
  return [
    `${bar} ${snapshot.booted}/${total} booted`,
    `${snapshot.connected} connected`,
    `${snapshot.failed} failed`,
    `${refused} refused`,
    `${snapshot.callsSent} calls`,
    `${snapshot.transactionsStarted} tx`,
    `${(snapshot.elapsedMs / 1000).toFixed(0)} s`,
  ].join('  ');
}
