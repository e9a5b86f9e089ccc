export { allocate } from './allocate';
export { AllocationInputError, AllocationInputErrorCode } from './allocation-input.error';
export * from './allocation.types';
export { type LimitSchedule, type LimitSlot, effectiveLimit, lowestLimit, nextBoundary, tighterLimit } from './effective-limit';
export { type FailSafe, type FailSafeCharger, type FailSafeEvse, type FailSafeInput, failSafe } from './fail-safe';
