import { SITE_ID_PATTERN, stationIdSchema } from '@app/runtime';
import { z } from 'zod';
import { MAX_PHASE_A } from '../limits/limit-value.schemas';
import { gridPhases } from './topology.model';

// The fields of nodes, shared by the bodies that create and change them and by the answers.

export const MAX_NODES_PER_REQUEST = 5000;

export const nodeIdSchema = z
  .string()
  .regex(SITE_ID_PATTERN, 'must be 1-64 letters, digits, ".", "_", ":" or "-"')
  .meta({ description: 'Node id, unique within its site.', example: 'FEEDER-A' });

export const siteIdSchema = z
  .string()
  .regex(SITE_ID_PATTERN, 'must be 1-64 letters, digits, ".", "_", ":" or "-"')
  .meta({ description: 'Site id; also the node id of the site’s root.', example: 'SITE-001' });

export const labelSchema = z
  .string()
  .min(1)
  .max(200)
  .regex(/^\P{Cc}*$/u, 'must not contain control characters')
  .meta({ description: 'A name for people.', example: 'Feeder A (north car park)' });

const current = (what: string) => z.number().min(0, 'must not be negative').max(MAX_PHASE_A, `must be at most ${MAX_PHASE_A} A`).meta({ description: what });

export const wiringSchema = z
  .tuple([z.enum(gridPhases), z.enum(gridPhases), z.enum(gridPhases)])
  .refine((wiring) => new Set(wiring).size === 3, 'must name L1, L2 and L3 once each (a permutation)')
  .meta({ description: 'The grid phase each of the charger’s L1, L2, L3 is wired to; ["L2","L3","L1"] is a rotated charger.', example: ['L2', 'L3', 'L1'] });

export const phaseCountSchema = z.union([z.literal(1), z.literal(3)], { error: 'must be 1 or 3' }).meta({ description: 'Number of phases: 1 or 3.' });

export const ratingSchema = z
  .strictObject({ maxA: current('Most it draws per phase, in A.').refine((value) => value > 0, 'must be above 0'), phases: phaseCountSchema })
  .meta({ description: 'What the charger can draw.' });

export const evseIdSchema = z.number().int('must be a whole number').min(1, 'must be at least 1').max(1000).meta({ description: 'EVSE id on the station (1.6: connector id).' });
export const minASchema = current('Below this a session is paused (default 6 A, IEC 61851).');
export const maxASchema = current('Most a session on this EVSE may draw per phase, in A.');
export const prioritySchema = z.number().int('must be a whole number').min(-1000).max(1000).meta({ description: 'A higher priority is served first (default 0).' });

export { stationIdSchema };
