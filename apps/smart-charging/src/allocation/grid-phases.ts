import { AllocationInputError, AllocationInputErrorCode } from './allocation-input.error';

/** Phases as bits, L1 = 1, L2 = 2, L3 = 4: a set of grid phases is a number from 1 to 7. */
function phaseBit(phase: string): number {
  return phase === 'L1' ? 1 : phase === 'L2' ? 2 : phase === 'L3' ? 4 : 0;
}

const bitCount = [0, 1, 1, 2, 1, 2, 2, 3];

/** How many phases a mask holds. */
export function phaseCount(mask: number): number {
  return bitCount[mask & 7];
}

/** The phases as bits; throws `invalidPhases` unless 1 to 3 distinct grid phases. */
export function phaseMask(gridPhases: readonly string[], owner: string): number {
  let mask = 0;
  for (let index = 0; index < gridPhases.length; index++) {
    const bit = phaseBit(gridPhases[index]);
    if (bit === 0 || mask & bit) throw new AllocationInputError(AllocationInputErrorCode.invalidPhases, `${owner} has phases ${gridPhases.join(',')}`);
    mask |= bit;
  }
  if (mask === 0) throw new AllocationInputError(AllocationInputErrorCode.invalidPhases, `${owner} draws on no phase`);
  return mask;
}
