import { queryInteger } from '@app/runtime';
import { z } from 'zod';
import { timestampSchema } from '../api-schemas';
import { MAX_TIMEOUT_SECONDS } from '../commands/command-spec';

// Bodies and answers of the 2.0.1 monitoring endpoints. Names and limits follow the OCA schemas
// (identifiers ≤ 50 characters, severities 0-9), so what passes here passes on the wire.

const identifier = z.string().min(1).max(50);
const id = z.number().int().min(0).max(2147483647);

export const componentSchema = z
  .strictObject({
    name: identifier.meta({ example: 'EVSE' }),
    instance: identifier.optional(),
    evseId: id.optional().meta({ description: 'The EVSE the component belongs to.' }),
    connectorId: id.optional().meta({ description: 'Connector of that EVSE (needs `evseId`).' }),
  })
  .refine((component) => component.connectorId === undefined || component.evseId !== undefined, { message: 'connectorId needs evseId', path: ['connectorId'] });

export const variableSchema = z.strictObject({ name: identifier.meta({ example: 'Power' }), instance: identifier.optional() });

export const monitorTypes = ['UpperThreshold', 'LowerThreshold', 'Delta', 'Periodic', 'PeriodicClockAligned'] as const;
export const severitySchema = z.number().int().min(0).max(9).meta({ description: '0 Danger, 1 Hardware Failure, 2 System Failure, 3 Critical, 4 Error, 5 Alert, 6 Warning, 7 Notice, 8 Informational, 9 Debug.' });

export const monitorSchema = z.object({
  monitorId: z.number().int(),
  component: componentSchema,
  variable: variableSchema,
  type: z.enum(monitorTypes),
  value: z.number(),
  severity: severitySchema,
  transaction: z.boolean().meta({ description: 'Only monitored while a transaction runs.' }),
});
export const monitorListSchema = z.object({ items: z.array(monitorSchema) });

const timeoutSeconds = z.number().int().min(1).max(MAX_TIMEOUT_SECONDS).optional().meta({ description: `How long to wait for the station's answer, 1-${MAX_TIMEOUT_SECONDS} s (default 30).` });

export const setMonitorsBody = z.strictObject({
  monitors: z
    .array(
      z.strictObject({
        id: id.optional().meta({ description: 'An existing monitor to replace; omit to create one (the station assigns the id).' }),
        component: componentSchema,
        variable: variableSchema,
        type: z.enum(monitorTypes),
        value: z.number().meta({ description: 'Threshold, delta, or interval in seconds (Periodic).' }),
        severity: severitySchema,
        transaction: z.boolean().optional(),
      }),
    )
    .min(1)
    .max(100),
  timeoutSeconds,
});
export type SetMonitorsBody = z.output<typeof setMonitorsBody>;

export const setMonitorsAnswer = z.object({
  commandId: z.string(),
  results: z.array(
    z.object({
      monitorId: z.number().int().nullable().meta({ description: 'The id the station gave the monitor; null when it refused it.' }),
      status: z.enum(['Accepted', 'UnknownComponent', 'UnknownVariable', 'UnsupportedMonitorType', 'Rejected', 'Duplicate']),
      reason: z.string().nullable().meta({ description: 'The station’s statusInfo reasonCode, if it gave one.' }),
      component: componentSchema,
      variable: variableSchema,
      type: z.enum(monitorTypes),
      severity: severitySchema,
    }),
  ),
});

export const clearMonitorsBody = z.strictObject({ monitorIds: z.array(id).min(1).max(100), timeoutSeconds });
export type ClearMonitorsBody = z.output<typeof clearMonitorsBody>;

export const clearMonitorsAnswer = z.object({
  commandId: z.string(),
  results: z.array(z.object({ monitorId: z.number().int(), status: z.enum(['Accepted', 'Rejected', 'NotFound']), reason: z.string().nullable() })),
});

export const monitoringBaseBody = z.strictObject({ monitoringBase: z.enum(['All', 'FactoryDefault', 'HardWiredOnly']), timeoutSeconds });
export type MonitoringBaseBody = z.output<typeof monitoringBaseBody>;
export const monitoringLevelBody = z.strictObject({ severity: severitySchema, timeoutSeconds });
export type MonitoringLevelBody = z.output<typeof monitoringLevelBody>;

export const stationStatusAnswer = z.object({
  commandId: z.string(),
  status: z.string().meta({ description: 'The station’s status: Accepted, Rejected, NotSupported, EmptyResultSet.', example: 'Accepted' }),
  reason: z.string().nullable(),
});

export const monitoringReportBody = z.strictObject({
  criteria: z
    .array(z.enum(['ThresholdMonitoring', 'DeltaMonitoring', 'PeriodicMonitoring']))
    .min(1)
    .max(3)
    .optional()
    .meta({ description: 'Only monitors of these kinds; omitted with `componentVariables`: the full report, which replaces every stored monitor.' }),
  componentVariables: z.array(z.strictObject({ component: componentSchema, variable: variableSchema.optional() })).min(1).max(100).optional(),
  timeoutSeconds,
});
export type MonitoringReportBody = z.output<typeof monitoringReportBody>;

export const reportJobSchema = z.object({
  requestId: z.number().int(),
  status: z.enum(['requested', 'accepted', 'rejected', 'failed', 'complete']).meta({
    description: 'requested (sent), accepted (parts on their way), complete (every part stored), rejected (the station refused), failed (no answer).',
  }),
  stationStatus: z.string().nullable().meta({ description: 'What the station answered GetMonitoringReport.' }),
  fullReport: z.boolean(),
  parts: z.number().int().meta({ description: 'NotifyMonitoringReport parts received.' }),
  monitors: z.number().int().meta({ description: 'Monitors in the report, once complete.' }),
  error: z.string().nullable(),
  requestedAt: timestampSchema,
  completedAt: timestampSchema.nullable(),
});
export type ReportJobView = z.output<typeof reportJobSchema>;

export const requestIdSchema = queryInteger(0, 2147483647).meta({ description: 'The requestId of the report.' });
