import type { InstalledCertificate, IssuedCertificate } from './types';

export const EXPIRY_HORIZONS = [30, 60, 90] as const;
export type ExpiryHorizon = (typeof EXPIRY_HORIZONS)[number];

/** One certificate that expires: one the PKI issued, or one a station reported installed. */
export interface ExpiringEntry {
  kind: 'issued' | 'installed';
  stationId: string;
  what: string;
  notAfter: string;
}

export interface ExpiryWeek {
  /** Monday of the week, `YYYY-MM-DD` (UTC). */
  weekStart: string;
  issued: number;
  installed: number;
  entries: ExpiringEntry[];
}

const DAY_MS = 86_400_000;

export function expiringEntriesOf(issued: readonly IssuedCertificate[], installed: readonly InstalledCertificate[]): ExpiringEntry[] {
  return [
    ...issued.map((certificate) => ({ kind: 'issued' as const, stationId: certificate.stationId, what: `${certificate.subject} (serial ${certificate.serialNumber})`, notAfter: certificate.notAfter })),
    ...installed.flatMap((certificate) =>
      certificate.notAfter ? [{ kind: 'installed' as const, stationId: certificate.stationId, what: `${certificate.certificateType}${certificate.subject ? `: ${certificate.subject}` : ''}`, notAfter: certificate.notAfter }] : [],
    ),
  ];
}

/** Monday 00:00 UTC of the week `epochMs` falls in, as `YYYY-MM-DD`. */
export function weekStartOf(epochMs: number): string {
  const date = new Date(epochMs);
  const sinceMonday = (date.getUTCDay() + 6) % 7;
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate() - sinceMonday)).toISOString().slice(0, 10);
}

/** The still-valid entries expiring within `horizonDays` of now, soonest first. */
export function expiringWithin(entries: readonly ExpiringEntry[], horizonDays: number, now: number = Date.now()): ExpiringEntry[] {
  const until = now + horizonDays * DAY_MS;
  return entries
    .filter((entry) => {
      const at = Date.parse(entry.notAfter);
      return at > now && at <= until;
    })
    .sort((a, b) => a.notAfter.localeCompare(b.notAfter) || a.stationId.localeCompare(b.stationId));
}

/** What expires within the horizon, by week (Monday first, UTC), with the counts of issued and installed certificates. */
export function expiryWeeks(entries: readonly ExpiringEntry[], horizonDays: number, now: number = Date.now()): ExpiryWeek[] {
  const weeks = new Map<string, ExpiryWeek>();
  for (const entry of expiringWithin(entries, horizonDays, now)) {
    const weekStart = weekStartOf(Date.parse(entry.notAfter));
    const week = weeks.get(weekStart) ?? { weekStart, issued: 0, installed: 0, entries: [] };
    week[entry.kind] += 1;
    week.entries.push(entry);
    weeks.set(weekStart, week);
  }
  return [...weeks.values()].sort((a, b) => a.weekStart.localeCompare(b.weekStart));
}

/** How many entries expire within each horizon (30, 60, 90 days): the calendar's summary line. */
export function horizonCounts(entries: readonly ExpiringEntry[], now: number = Date.now()): Record<ExpiryHorizon, number> {
  return { 30: expiringWithin(entries, 30, now).length, 60: expiringWithin(entries, 60, now).length, 90: expiringWithin(entries, 90, now).length };
}
