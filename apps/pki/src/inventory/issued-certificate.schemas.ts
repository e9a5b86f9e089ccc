import { pageQuery, pageSchema, queryInteger, stationIdSchema } from '@app/runtime';
import { z } from 'zod';
import type { IssuedCertificate } from './issued-certificate.repository';

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
});
export const issuedCertificatePageSchema = pageSchema(issuedCertificateSchema);
export type IssuedCertificateView = z.output<typeof issuedCertificateSchema>;

export const listIssuedCertificatesQuery = z.strictObject({
  stationId: stationIdSchema.optional(),
  caId: z.uuid().optional().meta({ description: 'Only certificates this CA signed.' }),
  expiringWithinDays: queryInteger(0, 3650).optional().meta({ description: 'Only still-valid certificates whose notAfter falls within this many days.' }),
  ...pageQuery(['timestamp', 'text']),
});
export type ListIssuedCertificatesQuery = z.output<typeof listIssuedCertificatesQuery>;

export function issuedCertificateViewOf(certificate: IssuedCertificate): IssuedCertificateView {
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
  };
}
