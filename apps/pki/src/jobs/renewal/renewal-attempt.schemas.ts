import { pageQuery, pageSchema, stationIdSchema } from '@app/runtime';
import { z } from 'zod';
import type { RenewalAttempt } from './renewal-attempt.repository';

const timestamp = z.iso.datetime({ offset: true });
const STATUSES = ['triggering', 'awaitingCertificate', 'renewed', 'rejected', 'failed', 'timedOut'] as const;

export const renewalAttemptIdSchema = z.uuid().meta({ description: 'Id of the renewal attempt.' });

export const renewalAttemptSchema = z.object({
  id: renewalAttemptIdSchema,
  stationId: z.string(),
  certificateType: z.string().meta({ example: 'ChargingStationCertificate' }),
  expiringSerial: z.string().meta({ description: 'Serial (hex) of the certificate being renewed: the station’s newest when the attempt started.' }),
  expiresAt: timestamp.meta({ description: 'notAfter of that certificate.' }),
  attempt: z.int().min(1).meta({ description: '1 for the first attempt to renew this certificate, 2 for the first retry, ...' }),
  status: z.enum(STATUSES).meta({
    description:
      'triggering: TriggerMessage SignChargingStationCertificate sent; awaitingCertificate: the station accepted it, its CSR is awaited; renewed: a new certificate was issued (`renewedSerial`; its delivery is on the signing request); rejected: the station refused the trigger; failed: the trigger was not delivered (offline, timeout, CALLERROR) or the CSR was refused (`reason`); timedOut: no certificate within PKI_RENEWAL_CSR_TIMEOUT_SECONDS. The last three are retried from `retryAt`.',
  }),
  reason: z.string().nullable(),
  renewedSerial: z.string().nullable(),
  retryAt: timestamp.nullable().meta({ description: 'When a failed attempt is followed by the next one (doubling from PKI_RENEWAL_RETRY_SECONDS, at most 12 hours).' }),
  startedAt: timestamp,
  finishedAt: timestamp.nullable(),
  updatedAt: timestamp,
});
export const renewalAttemptPageSchema = pageSchema(renewalAttemptSchema);
export type RenewalAttemptView = z.output<typeof renewalAttemptSchema>;

export const listRenewalAttemptsQuery = z.strictObject({
  stationId: stationIdSchema.optional(),
  status: z.enum(STATUSES).optional(),
  ...pageQuery(['timestamp', 'text']),
});
export type ListRenewalAttemptsQuery = z.output<typeof listRenewalAttemptsQuery>;

export function renewalAttemptViewOf(attempt: RenewalAttempt): RenewalAttemptView {
  return {
    id: attempt.id,
    stationId: attempt.stationId,
    certificateType: attempt.certificateType,
    expiringSerial: attempt.expiringSerial,
    expiresAt: attempt.expiresAt.toISOString(),
    attempt: attempt.attempt,
    status: attempt.status,
    reason: attempt.reason,
    renewedSerial: attempt.renewedSerial,
    retryAt: attempt.retryAt?.toISOString() ?? null,
    startedAt: attempt.startedAt.toISOString(),
    finishedAt: attempt.finishedAt?.toISOString() ?? null,
    updatedAt: attempt.updatedAt.toISOString(),
  };
}
