import { StationCommandsModule } from '@app/station-commands';

/** The origin the PKI's commands carry (command history, and how results find their way back). */
export const PKI_ORIGIN = 'pki';

/**
 * The PKI's station command client, made once and imported by every module that sends commands:
 * Nest keys dynamic modules by reference, so each `forService` call would start its own presence
 * directory and result consumer, in the same consumer groups, each seeing only part of them.
 */
export const PKI_STATION_COMMANDS = StationCommandsModule.forService(PKI_ORIGIN);
