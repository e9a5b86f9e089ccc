import type { CommandOutcome } from '@app/station-commands';
import { z } from 'zod';
import { type ApiResult, OperatorApiErrorCode, failed, succeeded } from '../operator-api.error';

export const commandAnswerSchema = z.object({
  commandId: z.string().meta({ description: 'Id of the command on ocpp.commands / ocpp.results.' }),
  status: z.enum(['accepted', 'rejected']).meta({ description: 'Whether the station took the command on.' }),
  result: z
    .record(z.string(), z.unknown())
    .meta({ description: 'The station’s answer, version-neutral: `status`, the station’s own `stationStatus`, and what the command asked for (raw: the payload as sent).' }),
});

export type CommandAnswer = z.output<typeof commandAnswerSchema>;

/**
 * The station's answer as the API gives it: accepted and rejected are answers (200); every other
 * outcome is an error with its code (not connected 409, timeout 504, CALLERROR 502, not
 * expressible in the station's version 422).
 */
export function answerOf(outcome: CommandOutcome): ApiResult<CommandAnswer> {
  const { commandId } = outcome;
  const description = outcome.errorDescription ?? '';
  switch (outcome.status) {
    case 'accepted':
    case 'rejected':
      return succeeded({ commandId, status: outcome.status, result: outcome.result ?? {} });
    case 'not-connected':
      return failed(OperatorApiErrorCode.stationNotConnected, description || 'the station is not connected', { commandId });
    case 'timeout':
      return failed(OperatorApiErrorCode.stationTimeout, description || 'the station did not answer in time', { commandId });
    case 'call-error':
      return failed(OperatorApiErrorCode.stationCallError, `the station answered ${outcome.errorCode ?? 'a CALLERROR'}${description ? `: ${description}` : ''}`, {
        commandId,
        stationErrorCode: outcome.errorCode ?? null,
        stationErrorDescription: description || null,
      });
    case 'invalid':
      return failed(OperatorApiErrorCode.commandNotExpressible, description || 'the command cannot be sent to this station', { commandId });
  }
}
