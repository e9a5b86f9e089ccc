import { queryInteger } from '@app/runtime';
import { z } from 'zod';
import type { ExpiringCertificate, ExpiryTotal, ExpiryWeekCount } from './certificate-expiry-calendar.repository';

/** The horizons an operator plans renewals on: the totals always count these, whatever window the weeks cover. */
export const EXPIRY_TOTAL_WINDOWS_DAYS = [30, 60, 90] as const;
export const DEFAULT_EXPIRY_DAYS = 90;
export const DEFAULT_SOONEST = 20;
export const MAX_SOONEST = 50;

const timestamp = z.iso.datetime({ offset: true });

export const certificateExpiryQuery = z.strictObject({
  days: queryInteger(1, 366).optional().meta({ description: `The window the weeks and the soonest lists cover, in days from now (default ${DEFAULT_EXPIRY_DAYS}).` }),
  soonest: queryInteger(0, MAX_SOONEST).optional().meta({ description: `How many of the soonest to expire to list per kind (default ${DEFAULT_SOONEST}).` }),
});
export type CertificateExpiryQuery = z.output<typeof certificateExpiryQuery>;

const countsSchema = { issued: z.number().int().meta({ description: 'Issued here, not revoked.' }), installed: z.number().int().meta({ description: 'Reported installed by a station, expiry known.' }) };

const expiringCertificateSchema = z.object({
  stationId: z.string(),
  serialNumber: z.string().meta({ description: 'Serial number (hex), as in hashData.' }),
  certificateType: z.string().meta({ example: 'ChargingStationCertificate' }),
  subject: z.string().optional(),
  notAfter: timestamp,
});

export const certificateExpirySchema = z.object({
  days: z.number().int(),
  from: timestamp.meta({ description: 'Now, the start of every window.' }),
  weeks: z
    .array(z.object({ weekStart: z.iso.date().meta({ description: 'Monday of the ISO week (UTC).' }), ...countsSchema }))
    .meta({ description: 'Per week (only weeks with an expiry), what expires within `days`, oldest week first.' }),
  totals: z.array(z.object({ withinDays: z.number().int(), ...countsSchema })).meta({ description: 'How many expire within 30, 60 and 90 days, and within `days`.' }),
  soonest: z
    .object({ issued: z.array(expiringCertificateSchema), installed: z.array(expiringCertificateSchema) })
    .meta({ description: 'The soonest to expire within `days` of each kind, soonest first.' }),
});
export type CertificateExpiryView = z.output<typeof certificateExpirySchema>;

/** The windows the totals count: 30, 60, 90 and the requested one, each once, ascending. */
export function totalWindowsOf(days: number): number[] {
  return [...new Set([...EXPIRY_TOTAL_WINDOWS_DAYS, days])].sort((a, b) => a - b);
}

function expiringView(certificate: ExpiringCertificate): z.output<typeof expiringCertificateSchema> {
  return {
    stationId: certificate.stationId,
    serialNumber: certificate.serialNumber,
    certificateType: certificate.certificateType,
    subject: certificate.subject ?? undefined,
    notAfter: certificate.notAfter.toISOString(),
  };
}

export function certificateExpiryViewOf(
  days: number,
  now: Date,
  weeks: readonly ExpiryWeekCount[],
  totals: readonly ExpiryTotal[],
  soonest: { issued: readonly ExpiringCertificate[]; installed: readonly ExpiringCertificate[] },
): CertificateExpiryView {
  return {
    days,
    from: now.toISOString(),
    weeks: weeks.map((week) => ({ ...week })),
    totals: totals.map((total) => ({ ...total })),
    soonest: { issued: soonest.issued.map(expiringView), installed: soonest.installed.map(expiringView) },
  };
}
