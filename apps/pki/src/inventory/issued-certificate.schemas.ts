import { pageQuery, pageSchema, queryBoolean, queryInteger, stationIdSchema } from '@app/runtime';
import { z } from 'zod';
import { REVOCATION_REASONS } from '../revocation/revocation-reason';
import type { InventoriedCertificate } from './issued-certificate.repository';

const timestamp = z.iso.datetime({ offset: true });

export const certificateSerialSchema = z
  .string()
  .regex(/^[0-9a-f]{1,40}$/, 'must be lower-case hex')
  .meta({ description: 'Serial number, lower-case hex without leading zeroes.' });

export const issuedCertificateSchema = z.object({
  serialNumber: certificateSerialSchema,
  issuerCaId: z.string().meta({ description: 'The CA that signed it.' }),
  stationId: z.string(),
  certificateType: z.string().meta({ example: 'ChargingStationCertificate' }),
  subject: z.string(),
  notBefore: timestamp,
  notAfter: timestamp,
  csrFingerprint: z.string().meta({ description: 'SHA-256 of the DER of the CSR it answers.' }),
  hashData: z
    .object({ hashAlgorithm: z.string(), issuerNameHash: z.string(), issuerKeyHash: z.string(), serialNumber: z.string() })
    .meta({ description: 'OCPP certificateHashData: how the station names it in GetInstalledCertificateIds and DeleteCertificate.' }),
  certificatePem: z.string(),
  chainPem: z.string().meta({ description: 'What CertificateSigned carried: the certificate, then the issuing CA.' }),
  issuedAt: timestamp,
  revocation: z
    .object({ revokedAt: timestamp, reason: z.enum(REVOCATION_REASONS).meta({ description: 'RFC 5280 CRLReason.' }) })
    .nullable()
    .meta({ description: 'When and why it was revoked (the CRL and OCSP say so too); null while it is not revoked. GET /api/revocations has who revoked it.' }),
});
export const issuedCertificatePageSchema = pageSchema(issuedCertificateSchema);
export type IssuedCertificateView = z.output<typeof issuedCertificateSchema>;

export const listIssuedCertificatesQuery = z.strictObject({
  stationId: stationIdSchema.optional(),
  caId: z.uuid().optional().meta({ description: 'Only certificates this CA signed.' }),
  expiringWithinDays: queryInteger(0, 3650).optional().meta({ description: 'Only still-valid certificates whose notAfter falls within this many days.' }),
  revoked: queryBoolean().optional().meta({ description: '`true`: revoked certificates only; `false`: those not revoked only.' }),
  ...pageQuery(['timestamp', 'text']),
});
export type ListIssuedCertificatesQuery = z.output<typeof listIssuedCertificatesQuery>;

export function issuedCertificateViewOf(certificate: InventoriedCertificate): IssuedCertificateView {
  return {
    serialNumber: certificate.serialNumber,
    issuerCaId: certificate.issuerCaId,
    stationId: certificate.stationId,
    certificateType: certificate.certificateType,
    subject: certificate.subject,
    notBefore: certificate.notBefore.toISOString(),
    notAfter: certificate.notAfter.toISOString(),
    csrFingerprint: certificate.csrFingerprint,
    hashData: { ...certificate.hashData },
    certificatePem: certificate.certificatePem,
    chainPem: certificate.chainPem,
    issuedAt: certificate.issuedAt.toISOString(),
    revocation: certificate.revocation && { revokedAt: certificate.revocation.revokedAt.toISOString(), reason: certificate.revocation.reason },
  };
}
