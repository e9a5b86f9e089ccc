export { allocate } from './allocate';
export { AllocationInputError, AllocationInputErrorCode } from './allocation-input.error';
export * from './allocation.types';
