import { pageQuery, pageSchema, queryInteger, stationIdSchema } from '@app/runtime';
import { z } from 'zod';
import type { InstalledCertificate } from './installed-certificate.repository';
import type { StationSecurity } from './station-security.repository';

const timestamp = z.iso.datetime({ offset: true });

export const hashDataSchema = z
  .strictObject({
    hashAlgorithm: z.enum(['SHA256', 'SHA384', 'SHA512']),
    issuerNameHash: z.string().regex(/^[0-9a-fA-F]{1,128}$/, 'must be hexadecimal'),
    issuerKeyHash: z.string().regex(/^[0-9a-fA-F]{1,128}$/, 'must be hexadecimal'),
    serialNumber: z.string().regex(/^[0-9a-fA-F]{1,40}$/, 'must be 1 to 40 hexadecimal digits'),
  })
  .meta({ description: 'OCPP certificateHashData, as the station reported it (DeleteCertificate names it so).' });

export const installedCertificateSchema = z.object({
  stationId: z.string(),
  certificateType: z.string().meta({ description: 'Use type in the OCPP 2.0.1 vocabulary, whatever the station’s version.', example: 'CSMSRootCertificate' }),
  hashData: hashDataSchema,
  parentSerialNumber: z.string().optional().meta({ description: 'For a sub-CA of a V2GCertificateChain: the serial of the chain’s leaf.' }),
  subject: z.string().optional().meta({ description: 'Known when the certificate is one of our CAs or one a root distribution job sent.' }),
  notAfter: timestamp.optional(),
  caId: z.string().optional().meta({ description: 'The CA of ours whose certificate this is.' }),
  reportedAt: timestamp.meta({ description: 'When the station last reported it.' }),
});
export const installedCertificatePageSchema = pageSchema(installedCertificateSchema);

export const listInstalledCertificatesQuery = z.strictObject({
  stationId: stationIdSchema.optional(),
  certificateType: z.string().min(1).max(50).optional(),
  caId: z.string().min(1).max(100).optional().meta({ description: 'Only certificates that are this CA’s own certificate.' }),
  expiringWithinDays: queryInteger(0, 3650).optional().meta({ description: 'Only still-valid certificates known to expire within this many days.' }),
  ...pageQuery(['text', 'text', 'text', 'text']),
});
export type ListInstalledCertificatesQuery = z.output<typeof listInstalledCertificatesQuery>;

export const stationSecuritySchema = z.object({
  stationId: z.string(),
  protocol: z.string().meta({ example: '2.0.1' }),
  securityProfile: z.number().int().meta({ description: 'The security profile of the station’s latest connection.' }),
  minimumSecurityProfile: z
    .number()
    .int()
    .optional()
    .meta({ description: 'The lowest profile the station’s registration allowed at that connection (the gateway refuses lower); absent when the gateway did not say.' }),
  connectedAt: timestamp,
  inventoryReadAt: timestamp.optional().meta({ description: 'When GetInstalledCertificateIds last succeeded.' }),
  inventoryError: z.string().optional().meta({ description: 'Why the last reading failed, if it did (the previous inventory is kept).' }),
  installedCount: z.number().int(),
});
export const stationSecurityPageSchema = pageSchema(stationSecuritySchema);

export const stationInventorySchema = stationSecuritySchema.extend({ installed: z.array(installedCertificateSchema) });

export const listStationsQuery = z.strictObject({
  minimumSecurityProfile: queryInteger(0, 3).optional().meta({ description: 'Only stations whose registration allows no lower profile than this (e.g. 1 for those still allowed on Basic auth without TLS).' }),
  ...pageQuery(['text']),
});
export type ListStationsQuery = z.output<typeof listStationsQuery>;

export const refreshAnswerSchema = z.object({
  stationId: z.string(),
  status: z.enum(['read', 'failed']),
  detail: z.string().optional(),
  installed: z.array(installedCertificateSchema),
});

export function installedCertificateViewOf(certificate: InstalledCertificate): z.output<typeof installedCertificateSchema> {
  return {
    stationId: certificate.stationId,
    certificateType: certificate.certificateType,
    hashData: { ...certificate.hashData },
    parentSerialNumber: certificate.parentSerialNumber,
    subject: certificate.subject,
    notAfter: certificate.notAfter?.toISOString(),
    caId: certificate.caId,
    reportedAt: certificate.reportedAt.toISOString(),
  };
}

export function stationSecurityViewOf(station: StationSecurity): z.output<typeof stationSecuritySchema> {
  return {
    stationId: station.stationId,
    protocol: station.protocol,
    securityProfile: station.securityProfile,
    minimumSecurityProfile: station.minimumSecurityProfile,
    connectedAt: station.connectedAt.toISOString(),
    inventoryReadAt: station.inventoryReadAt?.toISOString(),
    inventoryError: station.inventoryError,
    installedCount: station.installedCount,
  };
}
