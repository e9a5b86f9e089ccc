export * from './command-outcome';
export * from './presence-directory';
export * from './presence-replay';
export * from './station-command.client';
export * from './station-commands.module';
