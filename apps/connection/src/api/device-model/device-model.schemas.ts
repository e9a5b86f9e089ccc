import { pageQuery, pageSchema, queryInteger } from '@app/runtime';
import { z } from 'zod';
import { timestampSchema } from '../api-schemas';
import { CONFIGURATION_COMPONENT, attributeTypes, mutabilities, reportBases, reportJobStatuses } from '../device-model.port';

const KEY_FORMAT = 'Component[.instance][@evseId[.connectorId]]/Variable[.instance]';

export const deviceModelDescription =
  `A station's device model as the CSMS last learned it: from NotifyReport (GetBaseReport / GetReport), GetVariables / SetVariables answers (also of the get-configuration / set-configuration commands) and NotifyEvent actual values. ` +
  `OCPP 1.6 stations keep their configuration keys (GetConfiguration / ChangeConfiguration) here too, as variables of the fixed component \`${CONFIGURATION_COMPONENT}\` ` +
  `(key = variable name, attribute Actual, mutability ReadOnly when the station says readonly, else ReadWrite), so both versions are browsed and set in one place. ` +
  `Each item is one attribute of a variable; \`key\` is the variable's name (${KEY_FORMAT}), also used to set it. ` +
  `Credentials (BasicAuthPassword, AuthorizationKey, ...) are never stored: their value is null and \`valueWithheld\` true.`;

export const deviceModelQuery = z.strictObject({
  component: z.string().min(1).max(50).optional().meta({ description: 'Component name (exact, case-insensitive).' }),
  variable: z.string().min(1).max(50).optional().meta({ description: 'Variable name (exact, case-insensitive).' }),
  evseId: queryInteger(0, 10_000).optional().meta({ description: 'Components of this EVSE (its connectors included).' }),
  connectorId: queryInteger(0, 10_000).optional().meta({ description: 'Components of this connector (with evseId).' }),
  attributeType: z.enum(attributeTypes).optional(),
  mutability: z.enum(mutabilities).optional(),
  q: z.string().min(1).max(100).optional().meta({ description: 'Text search in component, variable and value (case-insensitive substring).' }),
  ...pageQuery(['text', 'text']),
});
export type DeviceModelQuery = z.output<typeof deviceModelQuery>;

export const deviceModelItemSchema = z.object({
  key: z.string().meta({ description: `The variable's name (${KEY_FORMAT}).`, example: 'EVSE@1/Power' }),
  component: z.object({ name: z.string(), instance: z.string().nullable(), evseId: z.number().int().nullable(), connectorId: z.number().int().nullable() }),
  variable: z.object({ name: z.string(), instance: z.string().nullable() }),
  attributeType: z.enum(attributeTypes),
  value: z.string().nullable().meta({ description: 'Null when the station reported none, or when it is a credential (see valueWithheld).' }),
  valueWithheld: z.boolean().meta({ description: 'A credential: its value is never stored or shown.' }),
  mutability: z.string().nullable(),
  persistent: z.boolean().nullable(),
  constant: z.boolean().nullable(),
  characteristics: z
    .object({
      unit: z.string().nullable(),
      dataType: z.string(),
      minLimit: z.number().nullable(),
      maxLimit: z.number().nullable(),
      valuesList: z.string().nullable(),
      supportsMonitoring: z.boolean().nullable(),
    })
    .nullable()
    .meta({ description: 'As last reported (NotifyReport); null when only a value is known.' }),
  rebootRequired: z.boolean().meta({ description: 'The last set was answered RebootRequired: the value applies after a reboot.' }),
  lastSetStatus: z.string().nullable().meta({ description: 'The station’s status of the last set of this attribute (Accepted, RebootRequired, Rejected, UnknownVariable, ...).' }),
  source: z.string().meta({ description: 'What last wrote it: report, get, set, event or configuration (1.6 GetConfiguration).' }),
  updatedAt: timestampSchema,
});
export type DeviceModelItem = z.output<typeof deviceModelItemSchema>;
export const deviceModelPageSchema = pageSchema(deviceModelItemSchema);

export const setVariablesBody = z.strictObject({
  variables: z
    .array(
      z.strictObject({
        key: z.string().min(1).max(200).meta({ description: `The variable's name (${KEY_FORMAT}); for 1.6 the configuration key, bare or as ${CONFIGURATION_COMPONENT}/Key.`, example: 'OCPPCommCtrlr/HeartbeatInterval' }),
        value: z.string().max(1000).meta({ description: 'The Actual value to set (2.0.1 attributeValue, 1.6 value; at most 1000 / 500 characters as the versions allow).' }),
      }),
    )
    .min(1)
    .max(50)
    .refine((variables) => new Set(variables.map((variable) => variable.key)).size === variables.length, { message: 'each key at most once' }),
});
export type SetVariablesBody = z.output<typeof setVariablesBody>;

export const setVariablesAnswerSchema = z.object({
  results: z.array(
    z.object({
      key: z.string(),
      status: z.string().meta({ description: 'Accepted, RebootRequired (stored; applies after a reboot), Rejected, NotSupported, UnknownComponent, UnknownVariable, ... as the station answered; 1.6 only: NoAnswer when the key’s ChangeConfiguration got no answer (statusInfo.reason says why), NotSent for the keys after it.' }),
      statusInfo: z.record(z.string(), z.unknown()).nullable(),
      commandId: z.string().nullable(),
    }),
  ),
});
export type SetVariablesAnswer = z.output<typeof setVariablesAnswerSchema>;

const componentCriteria = ['Active', 'Available', 'Enabled', 'Problem'] as const;

export const requestReportBody = z.union([
  z.strictObject({ reportBase: z.enum(reportBases).meta({ description: '2.0.1 GetBaseReport. For 1.6 any base is a GetConfiguration of every key.' }) }),
  z.strictObject({
    componentCriteria: z.array(z.enum(componentCriteria)).min(1).max(4).optional().meta({ description: '2.0.1 GetReport: components with these criteria.' }),
    componentVariable: z
      .array(
        z.strictObject({
          component: z.strictObject({ name: z.string().min(1).max(50), instance: z.string().min(1).max(50).optional(), evse: z.strictObject({ id: z.number().int().min(0), connectorId: z.number().int().min(0).optional() }).optional() }),
          variable: z.strictObject({ name: z.string().min(1).max(50), instance: z.string().min(1).max(50).optional() }).optional(),
        }),
      )
      .min(1)
      .max(100)
      .optional()
      .meta({ description: '2.0.1 GetReport: these components (and variables). For 1.6 the variable names are the keys of a GetConfiguration.' }),
  }),
]);
export type RequestReportBody = z.output<typeof requestReportBody>;

export const reportJobSchema = z.object({
  requestId: z.number().int().meta({ description: 'The requestId of GetBaseReport / GetReport and of the NotifyReport parts.' }),
  kind: z.enum(['base', 'criteria', 'configuration', 'unsolicited']).meta({ description: 'base (GetBaseReport), criteria (GetReport), configuration (1.6 GetConfiguration), unsolicited (a report the station sent unasked).' }),
  reportBase: z.string().nullable(),
  criteria: z.record(z.string(), z.unknown()).nullable(),
  status: z.enum(reportJobStatuses).meta({
    description:
      'requested → accepted | rejected | empty-result-set | not-supported | failed (no answer: see error) → receiving (NotifyReport parts) → complete, or timed-out when parts stop arriving for 120 s. A complete FullInventory / ConfigurationInventory replaces the stored model; other reports add to it.',
  }),
  stationStatus: z.string().nullable(),
  error: z.string().nullable(),
  actor: z.string().nullable(),
  partsReceived: z.number().int(),
  variablesStored: z.number().int().nullable(),
  requestedAt: timestampSchema,
  updatedAt: timestampSchema,
  completedAt: timestampSchema.nullable(),
});
export type ReportJobView = z.output<typeof reportJobSchema>;
export const reportJobPageSchema = pageSchema(reportJobSchema);
export const listReportsQuery = z.strictObject({ ...pageQuery(['integer']) });
export type ListReportsQuery = z.output<typeof listReportsQuery>;
export const requestIdSchema = z.coerce.number().int().min(0).max(2_147_483_647).meta({ description: 'Request id of the report.' });
