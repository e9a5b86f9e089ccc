import { certificateCommands } from './certificate.commands';
import { configurationCommands } from './configuration.commands';
import { firmwareAndLogCommands } from './firmware-and-log.commands';
import { remoteControlCommands } from './remote-control.commands';
import { smartChargingCommands } from './smart-charging.commands';
import { transactionStatusCommands } from './transaction-status.commands';

/** Every operator command by its endpoint name: POST /api/stations/{id}/commands/{name}. */
export const commandCatalogue = {
  ...remoteControlCommands,
  ...transactionStatusCommands,
  ...configurationCommands,
  ...smartChargingCommands,
  ...firmwareAndLogCommands,
  ...certificateCommands,
};

export type CommandName = keyof typeof commandCatalogue;

export const commandNames = Object.keys(commandCatalogue) as CommandName[];
