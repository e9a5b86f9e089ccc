import { pageQuery, pageSchema } from '@app/runtime';
import { z } from 'zod';
import { timestampSchema } from '../api-schemas';

export const idTokenStatuses = ['Accepted', 'Blocked', 'Expired', 'Invalid', 'NoCredit', 'NotAllowedTypeEVSE', 'NotAtThisLocation', 'NotAtThisTime'] as const;
/** The 2.0.1 IdTokenEnumType, and IdTag for tokens of 1.6 stations (which carry no type). */
export const idTokenTypes = ['ISO14443', 'ISO15693', 'eMAID', 'Central', 'KeyCode', 'Local', 'MacAddress', 'NoAuthorization', 'IdTag'] as const;

export const idTokenValueSchema = z.string().min(1).max(36).meta({ description: 'The token (case-insensitive, as OCPP compares them).', example: '04A2B3C4D5E6F7' });

export const idTokenSchema = z.object({
  value: z.string(),
  type: z.string(),
  status: z.enum(idTokenStatuses),
  expiresAt: timestampSchema.nullable(),
  groupIdToken: z.string().nullable().meta({ description: '1.6 parentIdTag / 2.0.1 groupIdToken.' }),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
});
export type IdTokenView = z.output<typeof idTokenSchema>;

export const idTokenPageSchema = pageSchema(idTokenSchema);

export const listIdTokensQuery = z.strictObject({
  status: z.enum(idTokenStatuses).optional(),
  prefix: z.string().min(1).max(36).optional().meta({ description: 'Only tokens starting with this (case-insensitive).' }),
  ...pageQuery(1),
});
export type ListIdTokensQuery = z.output<typeof listIdTokensQuery>;

export const putIdTokenBody = z.strictObject({
  status: z.enum(idTokenStatuses).meta({ description: 'What Authorize answers for the token.' }),
  type: z.enum(idTokenTypes).default('ISO14443').meta({ description: 'Token type (default ISO14443, an RFID card).' }),
  expiresAt: timestampSchema.nullable().optional().meta({ description: 'After this instant the token is Expired; null or omitted: never.' }),
  groupIdToken: z.string().min(1).max(36).nullable().optional(),
});
export type PutIdTokenBody = z.output<typeof putIdTokenBody>;
