import { AuthorizationStatus, timestampFromDate } from '@app/contracts';
import { z } from 'zod';
import { timestampSchema } from '../api-schemas';
import { command, idTokenTypeField } from './command-spec';

// Configuration, data transfer, the local authorization list and cache, and the raw passthrough.

const localStatuses = {
  Accepted: AuthorizationStatus.ACCEPTED,
  Blocked: AuthorizationStatus.BLOCKED,
  Expired: AuthorizationStatus.EXPIRED,
  Invalid: AuthorizationStatus.INVALID,
  ConcurrentTx: AuthorizationStatus.CONCURRENT_TX,
  Unknown: AuthorizationStatus.UNKNOWN,
} as const;

const localEntry = z.strictObject({
  idToken: z.string().min(1).max(36),
  idTokenType: idTokenTypeField,
  status: z.enum(['Accepted', 'Blocked', 'Expired', 'Invalid', 'ConcurrentTx', 'Unknown']).optional().meta({ description: 'Omitted in a differential update: remove the token.' }),
  expiresAt: timestampSchema.optional(),
});

const configurationKey = z.string().min(1).max(200).meta({ description: '1.6 key, or 2.0.1 "Component[.instance][@evse[.connector]]/Variable[.instance]".' });

export const configurationCommands = {
  'get-configuration': command({
    summary: 'Get configuration',
    description: '1.6 GetConfiguration / 2.0.1 GetVariables. 1.6 without keys returns every key.',
    fields: { keys: z.array(configurationKey).max(100).default([]) },
    toBody: (input) => ({ case: 'getConfiguration', value: { keys: input.keys } }),
  }),
  'set-configuration': command({
    summary: 'Set configuration',
    description: '1.6 ChangeConfiguration (one key per command) / 2.0.1 SetVariables (several).',
    fields: { settings: z.array(z.strictObject({ key: configurationKey, value: z.string().max(1000) })).min(1).max(100) },
    toBody: (input) => ({ case: 'setConfiguration', value: { settings: input.settings } }),
  }),
  'clear-cache': command({
    summary: 'Clear the authorization cache',
    description: 'ClearCache.',
    fields: {},
    toBody: () => ({ case: 'clearCache', value: {} }),
  }),
  'data-transfer': command({
    summary: 'Data transfer',
    description: 'A vendor-specific DataTransfer; `data` is text (sent to 2.0.1 stations as a JSON string).',
    fields: {
      vendorId: z.string().min(1).max(255),
      messageId: z.string().min(1).max(50).optional(),
      data: z.string().optional(),
    },
    toBody: (input) => ({ case: 'dataTransfer', value: { vendorId: input.vendorId, messageId: input.messageId ?? '', data: input.data ?? '' } }),
  }),
  'send-local-list': command({
    summary: 'Send the local authorization list',
    description: 'SendLocalList: a full list, or a differential update (entries without status are removed).',
    fields: {
      version: z.number().int().min(1).max(2147483647),
      updateType: z.enum(['full', 'differential']),
      entries: z.array(localEntry).max(10_000).default([]),
    },
    refine: (input, context) => {
      if (input.updateType !== 'full') return;
      input.entries.forEach((entry, index) => {
        if (entry.status === undefined) context.addIssue({ code: 'custom', path: ['entries', index, 'status'], message: 'is required in a full list' });
      });
    },
    toBody: (input) => ({
      case: 'sendLocalList',
      value: {
        version: input.version,
        full: input.updateType === 'full',
        entries: input.entries.map((entry) => ({
          idToken: { value: entry.idToken, type: entry.idTokenType ?? '' },
          status: entry.status === undefined ? AuthorizationStatus.UNSPECIFIED : localStatuses[entry.status],
          expiresAt: entry.expiresAt === undefined ? undefined : timestampFromDate(new Date(entry.expiresAt)),
        })),
      },
    }),
  }),
  'get-local-list-version': command({
    summary: 'Get the local list version',
    description: 'GetLocalListVersion: 0 = no list, -1 = not supported (1.6).',
    fields: {},
    toBody: () => ({ case: 'getLocalListVersion', value: {} }),
  }),
  raw: command({
    summary: 'Send any call of the station’s version',
    description: 'Passthrough for actions only one OCPP version has (e.g. 2.0.1 GetBaseReport). The payload is checked against the OCA schema of the station’s version; the result is the station’s answer as sent.',
    fields: {
      action: z.string().regex(/^[A-Za-z0-9]{1,64}$/, 'must be an OCPP action name').meta({ example: 'GetBaseReport' }),
      payload: z.record(z.string(), z.unknown()).default({}).meta({ description: 'The request payload in the station’s version.' }),
    },
    toBody: (input) => ({ case: 'rawCall', value: { action: input.action, payloadJson: JSON.stringify(input.payload) } }),
  }),
};
