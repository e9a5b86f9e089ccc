import { pageQuery, pageSchema } from '@app/runtime';
import { z } from 'zod';
import { REVOCATION_REASONS } from './revocation-reason';

const serialNumber = z
  .string()
  .regex(/^[0-9a-fA-F]{1,40}$/, 'a serial number is 1 to 40 hexadecimal digits (at most 20 octets, RFC 5280)')
  // The form certificateHashData and the revocation table use: lower case, no leading zeroes.
  .transform((hex) => hex.toLowerCase().replace(/^0+(?=.)/, ''))
  .meta({ description: 'Serial number in hexadecimal, any case, leading zeroes allowed.', example: '4e281e3c7e799269085fb35d9f4c12e1' });

const caId = z.string().min(1).max(100).meta({ description: 'Id of the issuing CA.' });

export const revokeBody = z.strictObject({
  serialNumber,
  reason: z.enum(REVOCATION_REASONS).meta({
    description:
      'RFC 5280 CRLReason. certificateHold (revocation here is final), removeFromCRL (delta CRLs only) and aACompromise (attribute certificates) are not accepted.',
  }),
  caId: caId.optional().meta({ description: 'The issuing CA; needed only when several of our CAs issued this serial.' }),
});
export type RevokeBody = z.output<typeof revokeBody>;

export const revocationSchema = z.object({
  caId,
  serialNumber: z.string().meta({ description: 'Lower-case hexadecimal without leading zeroes.' }),
  reason: z.enum(REVOCATION_REASONS),
  revokedAt: z.iso.datetime({ offset: true }),
  revokedBy: z.string().meta({ description: 'Name of the API token that revoked it.' }),
  certificateNotAfter: z.iso.datetime({ offset: true }).meta({ description: 'When the certificate expires; the CRL lists it until then.' }),
});
export type RevocationView = z.output<typeof revocationSchema>;

export const revocationPageSchema = pageSchema(revocationSchema);

export const listRevocationsQuery = z.strictObject({
  caId: caId.optional(),
  serialNumber: serialNumber.optional(),
  ...pageQuery(['timestamp', 'text', 'text']),
});
export type ListRevocationsQuery = z.output<typeof listRevocationsQuery>;
