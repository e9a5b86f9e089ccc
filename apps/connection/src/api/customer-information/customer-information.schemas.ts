import { z } from 'zod';
import { timestampSchema } from '../api-schemas';
import { timeoutSecondsField } from '../commands/ocpp201-fields';

const idToken = z.strictObject({
  idToken: z.string().min(1).max(36),
  type: z.enum(['Central', 'eMAID', 'ISO14443', 'ISO15693', 'KeyCode', 'Local', 'MacAddress', 'NoAuthorization']),
});

const customerCertificate = z.strictObject({
  hashAlgorithm: z.enum(['SHA256', 'SHA384', 'SHA512']),
  issuerNameHash: z.string().min(1).max(128),
  issuerKeyHash: z.string().min(1).max(128),
  serialNumber: z.string().min(1).max(40),
});

const customerFields = {
  customerIdentifier: z.string().min(1).max(64).optional().meta({ description: 'The customer as the station knows them (e.g. a vendor-specific id).' }),
  idToken: idToken.optional().meta({ description: 'The customer’s id token.' }),
  customerCertificate: customerCertificate.optional().meta({ description: 'The customer’s contract certificate (ISO 15118), by its hash data.' }),
};

export const requestCustomerInformationBody = z
  .strictObject({
    report: z.boolean().meta({ description: 'Ask the station to report what it holds about the customer.' }),
    clear: z.boolean().meta({ description: 'Ask the station to erase what it holds about the customer.' }),
    ...customerFields,
    timeoutSeconds: timeoutSecondsField,
  })
  .superRefine((body, context) => {
    const given = (['customerIdentifier', 'idToken', 'customerCertificate'] as const).filter((field) => body[field] !== undefined);
    if (given.length !== 1) context.addIssue({ code: 'custom', path: ['customerIdentifier'], message: 'name the customer by exactly one of customerIdentifier, idToken or customerCertificate' });
    if (!body.report && !body.clear) context.addIssue({ code: 'custom', path: ['report'], message: 'report, clear or both must be true' });
  });
export type RequestCustomerInformationBody = z.output<typeof requestCustomerInformationBody>;

export const requestIdParam = z.coerce.number().int().min(1).max(2147483647);

export const customerInformationSchema = z.object({
  requestId: z.number().int(),
  report: z.boolean(),
  clear: z.boolean(),
  customer: z.object(customerFields).meta({ description: 'Whom the request is about.' }),
  status: z.enum(['requested', 'accepted', 'rejected', 'failed']).meta({ description: 'requested: sent; accepted/rejected: the station’s answer; failed: never reached the station.' }),
  stationStatus: z.string().nullable().meta({ description: 'Accepted, Rejected or Invalid, as the station answered.' }),
  requestedAt: timestampSchema,
  answeredAt: timestampSchema.nullable(),
  document: z.object({
    complete: z.boolean().meta({ description: 'The last part (tbc false) and every part before it came.' }),
    parts: z.number().int(),
    missingSeqNos: z.array(z.number().int()).meta({ description: 'Parts below the highest received that have not come.' }),
    generatedAt: timestampSchema.nullable().meta({ description: 'When the station generated the last part assembled.' }),
    data: z.string().meta({ description: 'The parts’ data in seqNo order, up to the first missing part.' }),
  }),
});
