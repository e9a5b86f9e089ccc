import { z } from 'zod';
import { timestampSchema } from '../api-schemas';
import { timeoutSecondsField } from '../commands/ocpp201-fields';

export const checksumSchema = z
  .string()
  .regex(/^[0-9a-fA-F]{32}$/, 'must be an MD5 checksum: 32 hexadecimal digits')
  .meta({ description: 'MD5 checksum of the firmware file (hexadecimal), as OCPP 2.0.1 L03 asks.' });

export const publishFirmwareBody = z.strictObject({
  location: z.string().min(1).max(512).meta({ description: 'URI the local controller downloads the firmware from.' }),
  checksum: checksumSchema,
  retries: z.number().int().min(0).max(100).optional().meta({ description: 'Omitted: the station’s default.' }),
  retryIntervalSeconds: z.number().int().min(0).max(86_400).optional().meta({ description: 'Omitted: the station’s default.' }),
  timeoutSeconds: timeoutSecondsField,
});
export type PublishFirmwareBody = z.output<typeof publishFirmwareBody>;

export const unpublishFirmwareBody = z.strictObject({ timeoutSeconds: timeoutSecondsField }).optional();

export const publicationSchema = z.object({
  requestId: z.number().int().meta({ description: 'The PublishFirmware requestId; 0: a status the station sent without one.' }),
  location: z.string().nullable(),
  checksum: z.string().nullable(),
  status: z
    .string()
    .meta({ description: 'Requested, Rejected, Failed or Unpublished (ours), or the last PublishFirmwareStatus the station sent (Downloading, Downloaded, Published, ...).' }),
  locations: z.array(z.string()).nullable().meta({ description: 'Where the local controller publishes the firmware (from status Published).' }),
  requestedAt: timestampSchema.nullable(),
  updatedAt: timestampSchema,
});
export const publicationListSchema = z.object({ items: z.array(publicationSchema) });
