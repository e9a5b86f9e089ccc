export const EXPIRY_HORIZONS = [30, 60, 90] as const;
export type ExpiryHorizon = (typeof EXPIRY_HORIZONS)[number];
/** How many of the soonest of each kind the calendar asks for (the API's most). */
export const SOONEST_LIMIT = 50;

/** `GET /api/certificate-expiry` (pki): the calendar counted by the PKI over every certificate the caller may see. */
export interface ExpiringCertificate {
  stationId: string;
  serialNumber: string;
  certificateType: string;
  subject?: string;
  notAfter: string;
}
export interface CertificateExpiry {
  days: number;
  from: string;
  weeks: { weekStart: string; issued: number; installed: number }[];
  totals: { withinDays: number; issued: number; installed: number }[];
  soonest: { issued: ExpiringCertificate[]; installed: ExpiringCertificate[] };
}

/** One of the soonest certificates to expire: one the PKI issued, or one a station reported installed. */
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
  /** Those of the week among the soonest listed (all of them unless `issued + installed` is larger). */
  entries: ExpiringEntry[];
}

/** The listed certificates as calendar entries, soonest first. */
export function expiringEntriesOf(soonest: CertificateExpiry['soonest']): ExpiringEntry[] {
  return [
    ...soonest.issued.map((certificate) => ({ kind: 'issued' as const, stationId: certificate.stationId, what: `${certificate.subject ?? certificate.certificateType} (serial ${certificate.serialNumber})`, notAfter: certificate.notAfter })),
    ...soonest.installed.map((certificate) => ({ kind: 'installed' as const, stationId: certificate.stationId, what: `${certificate.certificateType}${certificate.subject ? `: ${certificate.subject}` : ''}`, notAfter: certificate.notAfter })),
  ].sort((a, b) => a.notAfter.localeCompare(b.notAfter) || a.stationId.localeCompare(b.stationId));
}

/** Monday 00:00 UTC of the week `epochMs` falls in, as `YYYY-MM-DD` (as the PKI's date_trunc('week') counts). */
export function weekStartOf(epochMs: number): string {
  const date = new Date(epochMs);
  const sinceMonday = (date.getUTCDay() + 6) % 7;
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate() - sinceMonday)).toISOString().slice(0, 10);
}

/** The PKI's weekly counts, each with the listed certificates that fall in it. */
export function expiryWeeks(expiry: CertificateExpiry): ExpiryWeek[] {
  const entries = expiringEntriesOf(expiry.soonest);
  return expiry.weeks.map((week) => ({ ...week, entries: entries.filter((entry) => weekStartOf(Date.parse(entry.notAfter)) === week.weekStart) }));
}

/** How many expire within each horizon (30, 60, 90 days), both kinds together: the calendar's summary line. */
export function horizonCounts(expiry: CertificateExpiry): Record<ExpiryHorizon, number> {
  const total = (days: number) => {
    const found = expiry.totals.find((entry) => entry.withinDays === days);
    return found ? found.issued + found.installed : 0;
  };
  return { 30: total(30), 60: total(60), 90: total(90) };
}

/** Whether the lists hold fewer certificates than expire in the window (then each week says how many are not listed). */
export function listsAreShort(expiry: CertificateExpiry): boolean {
  const counted = expiry.weeks.reduce((sum, week) => sum + week.issued + week.installed, 0);
  return counted > expiry.soonest.issued.length + expiry.soonest.installed.length;
}
