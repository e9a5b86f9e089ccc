import { z } from 'zod';

// The OSCP 2.0 messages this service takes (docs/adr/017-oscp.md), with the spec's snake_case
// field names. Unknown fields are ignored, as the spec lets later minor versions add fields.

const instant = (what: string) =>
  z.iso.datetime({ offset: true, error: `${what} must be an RFC 3339 date-time with a time zone, e.g. 2030-01-01T12:00:00Z` });

export const phaseIndicators = ['UNKNOWN', 'ONE', 'TWO', 'THREE', 'ALL'] as const;
export type PhaseIndicator = (typeof phaseIndicators)[number];

export const forecastedBlockUnits = ['A', 'W', 'KW', 'WH', 'KWH'] as const;
export type ForecastedBlockUnit = (typeof forecastedBlockUnits)[number];

export const capacityForecastTypes = ['CONSUMPTION', 'GENERATION', 'FALLBACK_CONSUMPTION', 'FALLBACK_GENERATION', 'OPTIMUM'] as const;
export type CapacityForecastType = (typeof capacityForecastTypes)[number];

export const forecastedBlockSchema = z
  .object({
    capacity: z.number({ error: 'capacity must be a number' }).finite().min(0, 'capacity must not be negative').meta({ description: 'The capacity in `unit`.', example: 22 }),
    phase: z.enum(phaseIndicators, { error: `phase must be one of ${phaseIndicators.join(', ')}` }).meta({ description: 'The phase the capacity is for (ALL: each phase, UNKNOWN: taken as each phase).' }),
    unit: z.enum(forecastedBlockUnits, { error: `unit must be one of ${forecastedBlockUnits.join(', ')}` }).meta({ description: 'A per phase; W or KW in total (per phase with ONE/TWO/THREE); WH or KWH: energy over the block.' }),
    start_time: instant('start_time').meta({ example: '2030-01-01T12:00:00Z' }),
    end_time: instant('end_time').meta({ example: '2030-01-01T12:15:00Z' }),
  })
  .refine((block) => Date.parse(block.end_time) > Date.parse(block.start_time), { message: 'end_time must be after start_time', path: ['end_time'] });
export type ForecastedBlock = z.output<typeof forecastedBlockSchema>;

/** The largest forecast taken: a limit schedule holds at most 1,000 slots (limits/). */
export const MAX_FORECASTED_BLOCKS = 1000;

export const updateGroupCapacityForecastSchema = z
  .object({
    group_id: z.string({ error: 'group_id is required' }).min(1, 'group_id must not be empty').max(255).meta({ description: 'The capacity group, as mapped onto a topology node for this provider.' }),
    type: z.enum(capacityForecastTypes, { error: `type must be one of ${capacityForecastTypes.join(', ')}` }),
    forecasted_blocks: z.array(forecastedBlockSchema).min(1, 'forecasted_blocks must hold at least one block').max(MAX_FORECASTED_BLOCKS, `forecasted_blocks must hold at most ${MAX_FORECASTED_BLOCKS} blocks`),
  })
  .meta({ id: 'OscpUpdateGroupCapacityForecast' });
export type UpdateGroupCapacityForecast = z.output<typeof updateGroupCapacityForecastSchema>;

export const heartbeatSchema = z.object({ offline_mode_at: instant('offline_mode_at').meta({ description: 'When the sender may be taken as offline if no further heartbeat came.' }) }).meta({ id: 'OscpHeartbeat' });
export type Heartbeat = z.output<typeof heartbeatSchema>;

export const measurementConfigurations = ['CONTINUOUS', 'INTERMITTENT'] as const;

export const requiredBehaviourSchema = z.object({
  heartbeat_interval: z.number().int('heartbeat_interval must be whole seconds').min(1, 'heartbeat_interval must be at least 1 s').max(86_400, 'heartbeat_interval must be at most 86400 s').optional(),
  measurement_configuration: z.array(z.enum(measurementConfigurations)).optional(),
});

export const handshakeSchema = z.object({ required_behaviour: requiredBehaviourSchema }).meta({ id: 'OscpHandshake' });
export type Handshake = z.output<typeof handshakeSchema>;

export const handshakeAcknowledgeSchema = z.object({ required_behaviour: requiredBehaviourSchema.optional() }).meta({ id: 'OscpHandshakeAcknowledge' });

export const OSCP_VERSION = '2.0';

export const registerSchema = z
  .object({
    token: z.string({ error: 'token is required' }).min(16, 'token must be at least 16 characters').max(512),
    version_url: z
      .array(z.object({ version: z.string().min(1), base_url: z.url({ protocol: /^https?$/, error: 'base_url must be an http(s) URL' }) }))
      .min(1, 'version_url must name at least one version'),
  })
  .meta({ id: 'OscpRegister' });
export type Register = z.output<typeof registerSchema>;
