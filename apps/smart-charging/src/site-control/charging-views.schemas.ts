import { z } from 'zod';

const triple = z.tuple([z.number(), z.number(), z.number()]).meta({ description: 'L1, L2, L3 (grid phases).' });
const limit = z.object({ perPhaseA: triple.optional(), totalW: z.number().optional() }).meta({ description: 'What is missing is unlimited.' });
const instant = z.iso.datetime({ offset: true });

export const sitePlanSchema = z.object({
  siteId: z.string(),
  plannedAt: instant,
  nextChangeAt: instant.nullable().meta({ description: 'When a limit slot begins or ends next: the allocation is planned again then.' }),
  unreachable: z.array(z.string()).meta({ description: 'Chargers counted at their full rating: offline, or never seen since the site was planned.' }),
  nodes: z.array(
    z.object({
      nodeId: z.string(),
      limit: limit.meta({ description: 'The effective limit now: the least of the node’s own and every source’s.' }),
      loadA: triple.meta({ description: 'What the allocation and the fixed loads put on it, A per grid phase.' }),
      loadW: z.number(),
      drawnA: triple.meta({ description: 'What the sessions below it draw now, as their stations last reported, A per grid phase (offline chargers not included).' }),
      headroomA: z.array(z.number().nullable()).meta({ description: 'Limit minus load per phase; null where unlimited.' }),
      headroomW: z.number().nullable(),
    }),
  ),
  sessions: z.array(
    z.object({
      sessionId: z.string(),
      stationId: z.string(),
      evseId: z.number().int(),
      transactionId: z.string(),
      nodeId: z.string(),
      gridPhases: z.array(z.string()),
      minA: z.number(),
      maxA: z.number(),
      priority: z.number(),
      allocatedA: z.number().meta({ description: 'A per phase on each of its grid phases.' }),
      drawnA: z.number().nullable().meta({ description: 'The largest per-phase current it last reported.' }),
      drawnPerPhaseA: triple.nullable().meta({ description: 'What it last reported, put on the grid phases it loads.' }),
      drawnAt: instant.nullable().meta({ description: 'When the station measured it.' }),
      offeredA: z.number().nullable().meta({ description: 'The limit its station held when its draw was measured: what the surplus rule compares the draw with.' }),
      overdraw: z
        .object({
          heldToA: z.number().meta({ description: 'The limit it was accepted and is held to: it is not given more while it overdraws.' }),
          excessA: triple.meta({ description: 'What it draws above that limit, per grid phase: counted as a fixed load, taken from the others’ headroom.' }),
        })
        .nullable()
        .meta({ description: 'Set while the session draws more than its profile allows (an open deviation, GET /sites/{siteId}/deviations).' }),
    }),
  ),
  stations: z.array(z.object({ stationId: z.string(), defaultA: z.number().meta({ description: 'Its TxDefaultProfile now.' }), guardA: z.number() })),
});

export const stationChargingSchema = z.object({
  stationId: z.string(),
  siteId: z.string().nullable(),
  connected: z.boolean(),
  capabilities: z.object({ rateUnits: z.array(z.enum(['A', 'W'])), maxStackLevel: z.number(), maxPeriods: z.number(), maxProfiles: z.number() }).nullable(),
  sessions: z.array(z.object({ evseId: z.number().int(), transactionId: z.string(), startedAt: instant, drawnA: z.record(z.string(), z.number()).nullable() })),
  profiles: z.array(
    z.object({
      purpose: z.enum(['tx', 'tx-default', 'station-max']),
      evseId: z.number().int(),
      outcome: z.enum(['pending', 'accepted', 'rejected', 'failed']),
      sentAt: instant,
      detail: z.string().nullable(),
      profile: z.record(z.string(), z.unknown()).meta({ description: 'As sent: id, stack level, unit, periods (offsets in seconds from startSchedule).' }),
    }),
  ),
});
