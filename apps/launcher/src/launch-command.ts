import type { ServiceName } from '@app/config';

// The contract of the container image and of `node dist/apps/launcher/src/main.js`:
// its arguments say what one process runs (k8s: `args: ["connection"]`, `args: ["migrate", "pki"]`).

export const APP_NAMES = ['connection', 'smart-charging', 'pki', 'embedded'] as const;
export type AppName = (typeof APP_NAMES)[number];

export const SERVICE_NAMES: readonly ServiceName[] = ['connection', 'smart-charging', 'pki'];

export type LaunchCommand =
  /** Serve one app until SIGTERM/SIGINT. */
  | { kind: 'serve'; app: AppName }
  /** Apply the pending migrations of these services' schemas, then exit. */
  | { kind: 'migrate'; services: ServiceName[] }
  /** Load every app's code and prepare what a read-only root filesystem cannot do later, then exit (image build). */
  | { kind: 'check' }
  | { kind: 'help' };

export enum LaunchErrorCode {
  missingCommand = 'missing-command',
  unknownCommand = 'unknown-command',
  unexpectedArgument = 'unexpected-argument',
  missingService = 'missing-service',
  unknownService = 'unknown-service',
  duplicateService = 'duplicate-service',
}

/** Arguments the launcher cannot act on; the message says what it takes instead. */
export class LaunchError extends Error {
  constructor(
    readonly code: LaunchErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'LaunchError';
  }
}

export const LAUNCH_USAGE = [
  'usage: csms <command>',
  '  connection | smart-charging | pki   serve that service (distributed mode: KAFKA_BROKERS, DATABASE_URL)',
  '  embedded                            serve all three in one process (the in-process bus and embedded store unless configured)',
  '  migrate <service>...                apply the pending database migrations of connection, smart-charging and/or pki, then exit',
  '  check                               load every app and prepare the install for a read-only filesystem, then exit',
  '  help                                print this text',
].join('\n');

const isAppName = (value: string): value is AppName => (APP_NAMES as readonly string[]).includes(value);
const isServiceName = (value: string): value is ServiceName => (SERVICE_NAMES as readonly string[]).includes(value);

export function parseLaunchCommand(args: readonly string[]): LaunchCommand {
  const [command, ...rest] = args;
  if (command === undefined || command === '') {
    throw new LaunchError(LaunchErrorCode.missingCommand, `name what to run: one of ${[...APP_NAMES, 'migrate', 'check', 'help'].join(', ')}`);
  }
  if (command === 'migrate') return { kind: 'migrate', services: migrateTargets(rest) };
  if (rest.length > 0) {
    throw new LaunchError(LaunchErrorCode.unexpectedArgument, `"${command}" takes no arguments, got ${JSON.stringify(rest[0])} (configuration comes from the environment)`);
  }
  if (isAppName(command)) return { kind: 'serve', app: command };
  if (command === 'check') return { kind: 'check' };
  if (command === 'help' || command === '--help' || command === '-h') return { kind: 'help' };
  throw new LaunchError(LaunchErrorCode.unknownCommand, `unknown command ${JSON.stringify(command)}: expected one of ${[...APP_NAMES, 'migrate', 'check', 'help'].join(', ')}`);
}

function migrateTargets(names: readonly string[]): ServiceName[] {
  if (names.length === 0) {
    throw new LaunchError(LaunchErrorCode.missingService, `migrate needs the services whose schemas to migrate: one or more of ${SERVICE_NAMES.join(', ')}`);
  }
  const services: ServiceName[] = [];
  for (const name of names) {
    if (!isServiceName(name)) {
      throw new LaunchError(LaunchErrorCode.unknownService, `migrate: unknown service ${JSON.stringify(name)}: expected ${SERVICE_NAMES.join(', ')}`);
    }
    if (services.includes(name)) throw new LaunchError(LaunchErrorCode.duplicateService, `migrate: ${name} is named twice`);
    services.push(name);
  }
  return services;
}
