import { pageQuery, pageSchema, stationIdSchema } from '@app/runtime';
import { z } from 'zod';
import type { SigningRequest } from './signing-request.repository';

const timestamp = z.iso.datetime({ offset: true });
const STATUSES = ['pending', 'issued', 'refused', 'timedOut'] as const;

export const signingRequestIdSchema = z.uuid().meta({ description: 'Id of the signing request.' });

export const signingRequestSchema = z.object({
  id: signingRequestIdSchema,
  stationId: z.string(),
  certificateType: z.string().meta({ example: 'ChargingStationCertificate' }),
  csrFingerprint: z.string().meta({ description: 'SHA-256 of the CSR’s DER, hex: the same CSR sent again is this request again.' }),
  stationSerialNumber: z.string().nullable().meta({ description: 'The serial number registered for the station when it asked: the CN its CSR must carry.' }),
  status: z.enum(STATUSES).meta({
    description:
      'pending: waiting (no active issuing CA, no organisation configured; `reason` says which) and retried; issued: a certificate was issued (`certificateSerial`); refused: the CSR broke the policy (`refusalCode`, `reason`); timedOut: still unfinished after PKI_SIGNING_TIMEOUT_SECONDS.',
  }),
  refusalCode: z.string().nullable().meta({ description: 'The rule the CSR broke, e.g. wrongCommonName, weakKey, badSignature.' }),
  reason: z.string().nullable(),
  certificateSerial: z.string().nullable(),
  delivery: z.enum(['sent', 'accepted', 'rejected', 'failed']).nullable().meta({ description: 'CertificateSigned: sent, the station’s answer (accepted/rejected), or failed (retried until the timeout).' }),
  csrPem: z.string(),
  receivedAt: timestamp,
  decidedAt: timestamp.nullable(),
  updatedAt: timestamp,
});
export const signingRequestPageSchema = pageSchema(signingRequestSchema);
export type SigningRequestView = z.output<typeof signingRequestSchema>;

export const listSigningRequestsQuery = z.strictObject({
  stationId: stationIdSchema.optional(),
  status: z.enum(STATUSES).optional(),
  ...pageQuery(['timestamp', 'text']),
});
export type ListSigningRequestsQuery = z.output<typeof listSigningRequestsQuery>;

export function signingRequestViewOf(request: SigningRequest): SigningRequestView {
  return {
    id: request.id,
    stationId: request.stationId,
    certificateType: request.certificateType,
    csrFingerprint: request.csrFingerprint,
    stationSerialNumber: request.stationSerialNumber,
    status: request.status,
    refusalCode: request.refusalCode,
    reason: request.reason,
    certificateSerial: request.certificateSerial,
    delivery: request.delivery,
    csrPem: request.csrPem,
    receivedAt: request.receivedAt.toISOString(),
    decidedAt: request.decidedAt?.toISOString() ?? null,
    updatedAt: request.updatedAt.toISOString(),
  };
}
