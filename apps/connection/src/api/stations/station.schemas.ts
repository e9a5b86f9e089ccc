import { pageQuery, pageSchema, queryBoolean, queryInteger } from '@app/runtime';
import { z } from 'zod';
import { stationIdSchema, timestampSchema } from '../api-schemas';
import { passwordForms, provisioningStates, registrationStatuses } from '../station-core.port';

export const liveStateSchema = z
  .object({
    connected: z.boolean(),
    protocol: z.enum(['ocpp1.6', 'ocpp2.0.1', 'ocpp2.1']).nullable().meta({ description: 'Subprotocol of the current connection.' }),
    securityProfile: z.number().int().min(0).max(3).nullable().meta({ description: 'Security profile the current connection was accepted on.' }),
    replica: z.string().nullable().meta({ description: 'Connection replica holding the socket.' }),
  })
  .meta({ description: 'Live connection state, from ocpp.presence (whichever replica holds the station).' });

export const stationSchema = z.object({
  id: z.string(),
  registrationStatus: z.enum(registrationStatuses).meta({ description: 'accepted / pending (waits for an operator) / rejected.' }),
  securityProfile: z.number().int().min(0).max(3).meta({ description: 'Lowest security profile the station may connect with.' }),
  hasPassword: z.boolean().meta({ description: 'Whether a Basic-auth password is set (it is never returned).' }),
  serialNumber: z.string().nullable(),
  vendor: z.string().nullable(),
  model: z.string().nullable(),
  firmwareVersion: z.string().nullable(),
  autoRegistered: z.boolean().meta({ description: 'Registered by first contact rather than by an operator.' }),
  lastBootAt: timestampSchema.nullable(),
  lastSeenAt: timestampSchema.nullable(),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
  tenant: z.string().nullable().meta({ description: 'The operator organisation the station belongs to; null: none (tenant-less deployments, or not assigned yet).' }),
  live: liveStateSchema,
});

export const connectorSchema = z.object({
  evseId: z.number().int().meta({ description: 'EVSE (1.6: connector id); 0 = the station itself.' }),
  connectorId: z.number().int(),
  status: z.enum(['Available', 'Occupied', 'Reserved', 'Unavailable', 'Faulted']),
  ocppStatus: z.string().meta({ description: 'The status as the station sent it (1.6: Preparing, Charging, SuspendedEV, ...).' }),
  errorCode: z.string().nullable(),
  info: z.string().nullable(),
  vendorErrorCode: z.string().nullable(),
  statusAt: timestampSchema,
});

export const credentialProvisioningSchema = z
  .object({
    state: z.enum(provisioningStates).meta({
      description:
        'waiting: the station gets its password once it is connected and booted; delivering: being sent; failed: the last attempt failed, tried again from `nextAttemptAt` while the station is connected (it connects as before meanwhile); provisioned: it took its password and needs Basic auth (profile 1) from then on.',
    }),
    attempts: z.number().int().meta({ description: 'Attempts that reached the station.' }),
    lastOutcome: z.string().nullable().meta({ description: 'accepted, rejected, call-error, timeout or invalid.' }),
    lastDetail: z.string().nullable().meta({ description: 'The setting and the station’s answer (never the password).' }),
    lastAttemptAt: timestampSchema.nullable(),
    nextAttemptAt: timestampSchema,
    provisionedAt: timestampSchema.nullable(),
  })
  .meta({ description: 'The password the CSMS gives a station an operator accepted without credentials (ADR 039); null when it never had one to give.' });

export const connectorStatuses = ['Available', 'Occupied', 'Reserved', 'Unavailable', 'Faulted'] as const;
export const ocppProtocols = ['ocpp1.6', 'ocpp2.0.1', 'ocpp2.1'] as const;

export const connectorStatusSchema = z
  .object({ evseId: z.number().int(), connectorId: z.number().int(), status: z.enum(connectorStatuses) })
  .meta({ description: 'The last status a connector reported (EVSE 0 / connector 0: the station itself).' });

export const stationListItemSchema = stationSchema.extend({ connectors: z.array(connectorStatusSchema).meta({ description: 'Every connector’s last status, ordered by EVSE and connector.' }) });

export const stationDetailSchema = stationSchema.extend({ connectors: z.array(connectorSchema), credentialProvisioning: credentialProvisioningSchema.nullable() });
export const stationPageSchema = pageSchema(stationListItemSchema);

export const stationSummarySchema = z.object({
  total: z.number().int().meta({ description: 'Registered stations the caller sees (its tenant’s, or all).' }),
  connected: z.number().int().meta({ description: 'Of those, connected now (live, from ocpp.presence).' }),
  byRegistrationStatus: z.object(Object.fromEntries(registrationStatuses.map((status) => [status, z.number().int()])) as Record<(typeof registrationStatuses)[number], z.ZodNumber>),
  byProtocol: z
    .object(Object.fromEntries(ocppProtocols.map((protocol) => [protocol, z.number().int()])) as Record<(typeof ocppProtocols)[number], z.ZodNumber>)
    .meta({ description: 'Connected stations by the OCPP version of their connection.' }),
});
export type StationSummaryView = z.output<typeof stationSummarySchema>;
export const connectorListSchema = z.object({ items: z.array(connectorSchema) });

export type StationView = z.output<typeof stationSchema>;
export type StationListItemView = z.output<typeof stationListItemSchema>;
export type ConnectorStatusView = z.output<typeof connectorStatusSchema>;
export type StationDetailView = z.output<typeof stationDetailSchema>;
export type ConnectorView = z.output<typeof connectorSchema>;
export type CredentialProvisioningView = z.output<typeof credentialProvisioningSchema>;
export type LiveState = z.output<typeof liveStateSchema>;

export const listStationsQuery = z.strictObject({
  registrationStatus: z.enum(registrationStatuses).optional(),
  connected: queryBoolean().optional().meta({ description: '`true`: connected stations only; `false`: the others.' }),
  idPrefix: z.string().min(1).max(48).optional().meta({ description: 'Only ids starting with this.' }),
  protocol: z.enum(ocppProtocols).optional().meta({ description: 'Only stations connected now with this OCPP version (live).' }),
  securityProfile: queryInteger(0, 3).optional().meta({ description: 'Only stations registered with this (minimum) security profile.' }),
  q: z.string().min(1).max(100).optional().meta({ description: 'Only stations whose id, vendor, model, serial number or firmware version contains this (case-insensitive).' }),
  connectorStatus: z.enum(connectorStatuses).optional().meta({ description: 'Only stations with at least one connector whose last status is this.' }),
  autoRegistered: queryBoolean()
    .optional()
    .meta({ description: '`true`: only stations registered by first contact (ADR 039; with `securityProfile=0` and `registrationStatus=accepted`: those still waiting to be adopted); `false`: only those an operator registered.' }),
  ...pageQuery(1),
});
export type ListStationsQuery = z.output<typeof listStationsQuery>;

export const registerStationBody = z.strictObject({
  securityProfile: z
    .number()
    .int()
    .min(0)
    .max(3)
    .optional()
    .meta({ description: '0 no credentials, 1 Basic over ws://, 2 Basic over TLS, 3 TLS client certificate. New stations: 1.' }),
  password: z
    .string()
    .min(16, 'must be 16-40 characters')
    .max(40, 'must be 16-40 characters')
    .optional()
    .meta({ description: 'A Basic-auth password someone chose (profiles 1 and 2), 16-40 characters; stored as a scrypt hash, never returned. Omit to keep the current one.' }),
  generatePassword: z.enum(passwordForms).optional().meta({
    description:
      'Instead of `password`: the CSMS generates the Basic-auth password, in the form the station is configured with: `ocpp2.0.1` a BasicAuthPassword of 32 characters (192 random bits), `ocpp1.6` an AuthorizationKey of 20 bytes (131 random bits). Returned once in `generatedPassword`, stored as a fast hash (ADR 032).',
  }),
  serialNumber: z
    .string()
    .min(1)
    .max(25)
    .nullable()
    .optional()
    .meta({ description: 'The CN its client certificate must carry (profile 3). null clears it; omit to keep it.' }),
  registrationStatus: z.enum(registrationStatuses).optional().meta({ description: 'New stations: accepted.' }),
}).superRefine((body, context) => {
  if (body.password !== undefined && body.generatePassword !== undefined) {
    context.addIssue({ code: 'custom', path: ['generatePassword'], message: 'give password or generatePassword, not both' });
  }
});
export type RegisterStationBody = z.output<typeof registerStationBody>;

export const generatedPasswordSchema = z
  .object({
    password: z.string().meta({ description: 'What the station presents as its Basic-auth password. Shown this once: the CSMS keeps only a hash.' }),
    authorizationKey: z.string().optional().meta({ description: '`ocpp1.6` only: the value to configure as AuthorizationKey, the password bytes in hexadecimal.' }),
  })
  .meta({ description: 'The password the CSMS generated (only when the request asked for one).' });

export type GeneratedPasswordView = z.output<typeof generatedPasswordSchema>;

export const registeredStationSchema = stationDetailSchema.extend({ generatedPassword: generatedPasswordSchema.optional() });
export type RegisteredStationView = z.output<typeof registeredStationSchema>;

export const stationIdParam = stationIdSchema;
