import { z } from 'zod';
import { DEFAULT_TIMEOUT_SECONDS, MAX_TIMEOUT_SECONDS } from './command-spec';

// Fields the 2.0.1-only feature endpoints (display messages, customer information, firmware
// publishing) share with the command endpoints, so that the operator sees one vocabulary.

export const timeoutSecondsField = z
  .number()
  .int()
  .min(1)
  .max(MAX_TIMEOUT_SECONDS)
  .optional()
  .meta({ description: `How long to wait for the station's answer, 1-${MAX_TIMEOUT_SECONDS} s (default ${DEFAULT_TIMEOUT_SECONDS}).` });

/** What a tracked request's endpoint answers: the requestId its parts will carry and the station's answer. */
export const trackedRequestAnswerSchema = z.object({
  requestId: z.number().int().meta({ description: 'The OCPP requestId; read the request (and what the station reports for it) with it.' }),
  commandId: z.string().meta({ description: 'Id of the command in the command history.' }),
  status: z.enum(['accepted', 'rejected']).meta({ description: 'Whether the station took the request on.' }),
  stationStatus: z.string().nullable().meta({ description: 'The status the station answered with (e.g. Accepted, Rejected, Unknown).' }),
});
export type TrackedRequestAnswer = z.output<typeof trackedRequestAnswerSchema>;

export const PROBLEMS_OF_A_STATION_CALL = {
  400: 'The body is invalid (the detail names the field).',
  404: 'No such station.',
  409: 'The station is not connected.',
  422: 'The station speaks OCPP 1.6, which has no such message, or the request is not valid OCPP 2.0.1.',
  502: 'The station answered with a CALLERROR (`stationErrorCode`).',
  503: 'The command could not be handed to the message bus.',
  504: 'The station did not answer in time.',
} as const;
