import 'reflect-metadata';
import { constants } from 'node:os';
import { checkInstall } from './install-check';
import { LAUNCH_USAGE, LaunchError, parseLaunchCommand } from './launch-command';
import { serveApp } from './launchable-apps';
import { runMigrations } from './migrate';

/** sysexits' EX_USAGE: the arguments were wrong, retrying will not help. */
const EX_USAGE = 64;

/**
 * Node as PID 1 in a container: a signal without a handler is ignored there, so until an app has
 * installed its own graceful handlers (runServices does once it serves), SIGTERM and SIGINT end
 * the process at once. That keeps a pod stuck waiting for Kafka or PostgreSQL stoppable without
 * an init process in the image.
 */
function exitOnSignalsUntilServing(): () => void {
  const exit = (signal: NodeJS.Signals) => process.exit(128 + constants.signals[signal]);
  process.once('SIGTERM', exit);
  process.once('SIGINT', exit);
  return () => {
    process.off('SIGTERM', exit);
    process.off('SIGINT', exit);
  };
}

/** Resolves to the exit code, or undefined while an app serves. */
async function launch(args: readonly string[]): Promise<number | undefined> {
  let command;
  try {
    command = parseLaunchCommand(args);
  } catch (error) {
    if (!(error instanceof LaunchError)) throw error;
    process.stderr.write(`csms: ${error.message}\n${LAUNCH_USAGE}\n`);
    return EX_USAGE;
  }
  switch (command.kind) {
    case 'help':
      process.stdout.write(`${LAUNCH_USAGE}\n`);
      return 0;
    case 'check': {
      const results = await checkInstall();
      for (const { part, ok, detail } of results) process.stdout.write(`${ok ? 'ok  ' : 'FAIL'} ${part}: ${detail}\n`);
      return results.every((result) => result.ok) ? 0 : 1;
    }
    case 'migrate':
      return runMigrations(command.services, process.env);
    case 'serve':
      await serveApp[command.app]();
      return undefined;
  }
}

const stopEarlyHandlers = exitOnSignalsUntilServing();
launch(process.argv.slice(2)).then(
  (code) => {
    if (code !== undefined) process.exit(code);
    stopEarlyHandlers();
  },
  (error: unknown) => {
    process.stderr.write(`csms: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
