import { pageQuery, pageSchema, queryInteger } from '@app/runtime';
import { z } from 'zod';
import { instantQuery, stationIdSchema, timestampSchema } from '../api-schemas';

export const alertSchema = z.object({
  alertId: z.string().meta({ description: 'Id of the alert.', example: '42' }),
  stationId: z.string(),
  state: z.enum(['active', 'cleared']),
  source: z.enum(['event', 'connector']).meta({ description: 'event: a 2.0.1 NotifyEvent; connector: a StatusNotification fault (either version).' }),
  severity: z.number().int().meta({ description: '0 Danger … 9 Debug (lower is more severe); the rule is in docs/adr/027-monitoring-and-alerts.md.' }),
  component: z.string().nullable().meta({ description: '`Name[:instance][@evse[.connector]]`.', example: 'EVSE@1' }),
  variable: z.string().nullable().meta({ example: 'Power' }),
  monitorId: z.number().int().nullable().meta({ description: 'The monitor that fired (variableMonitoringId).' }),
  evseId: z.number().int().nullable(),
  connectorId: z.number().int().nullable(),
  eventId: z.number().int().nullable(),
  trigger: z.string().nullable(),
  eventType: z.string().nullable().meta({ description: 'eventNotificationType: HardWiredNotification, HardWiredMonitor, PreconfiguredMonitor, CustomMonitor.' }),
  actualValue: z.string().nullable(),
  techCode: z.string().nullable(),
  techInfo: z.string().nullable(),
  errorCode: z.string().nullable().meta({ description: '1.6 errorCode of a connector fault.', example: 'GroundFailure' }),
  vendorErrorCode: z.string().nullable(),
  info: z.string().nullable(),
  raisedAt: timestampSchema,
  lastReportedAt: timestampSchema,
  clearedAt: timestampSchema.nullable(),
});
export type AlertView = z.output<typeof alertSchema>;

export const alertPageSchema = pageSchema(alertSchema);

const alertFilters = {
  state: z.enum(['active', 'cleared']).optional().meta({ description: 'Only active or only cleared alerts; both when omitted.' }),
  maxSeverity: queryInteger(0, 9)
    .optional()
    .meta({ description: 'Only alerts at least this severe: severity ≤ maxSeverity (0 Danger … 9 Debug).' }),
  since: instantQuery.optional().meta({ description: 'Only alerts raised at or after this instant (ISO 8601 with offset).' }),
  ...pageQuery(['integer']),
};

export const stationAlertsQuery = z.strictObject(alertFilters);
export type StationAlertsQuery = z.output<typeof stationAlertsQuery>;

export const alertsQuery = z.strictObject({ stationId: stationIdSchema.optional(), ...alertFilters });
export type AlertsQuery = z.output<typeof alertsQuery>;
