import type { CommandOutcome } from '@app/station-commands';
import type { StepOutcome } from './job-progress';
import type { StepAnswer } from './root-job.repository';

/** A command's outcome as a job step's: the station said yes or no, was not there, or the call failed. */
export function stepOutcomeOf(outcome: CommandOutcome): { outcome: StepOutcome; answer: StepAnswer } {
  const answer: StepAnswer = { status: outcome.status, result: outcome.result, errorCode: outcome.errorCode, errorDescription: outcome.errorDescription };
  switch (outcome.status) {
    case 'accepted':
      return { outcome: 'accepted', answer };
    case 'rejected':
      return { outcome: 'rejected', answer };
    case 'not-connected':
      return { outcome: 'offline', answer };
    default:
      return { outcome: 'failed', answer };
  }
}
