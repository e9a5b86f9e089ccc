import { parseArgs } from 'node:util';
import { isOcppVersion, type OcppVersion } from '@app/ocpp';
import type { SecurityProfile } from '../connection/connection-settings';
import { type ScenarioName, scenarioNames } from '../fleet/scenario';

/** The command line as typed: values checked, files not read yet. */
export interface CliSettings {
  readonly url: string;
  readonly count: number;
  readonly version: OcppVersion | 'mixed';
  readonly securityProfile: SecurityProfile;
  readonly password?: string;
  readonly passwordPrefix?: string;
  readonly caFile?: string;
  /** May contain {id} for one file per station. */
  readonly certFile?: string;
  readonly keyFile?: string;
  readonly insecure: boolean;
  readonly prefix: string;
  readonly idDigits: number;
  readonly scenario: ScenarioName;
  readonly meterIntervalS: number;
  readonly durationS: number;
  readonly concurrency: number;
  /** A count of loopback addresses or a comma-separated list; undefined = automatic. */
  readonly sourceAddresses?: string;
  readonly callTimeoutS: number;
  readonly json: boolean;
  readonly progress: boolean;
}

export type CliParse = { readonly ok: true; readonly help: true } | { readonly ok: true; readonly help: false; readonly settings: CliSettings } | { readonly ok: false; readonly message: string };

const options = {
  url: { type: 'string', default: 'ws://127.0.0.1:9000/ocpp' },
  count: { type: 'string', short: 'n', default: '1' },
  version: { type: 'string', default: '2.0.1' },
  profile: { type: 'string', default: '0' },
  password: { type: 'string' },
  'password-prefix': { type: 'string' },
  ca: { type: 'string' },
  cert: { type: 'string' },
  key: { type: 'string' },
  insecure: { type: 'boolean', default: false },
  prefix: { type: 'string', default: 'SIM-' },
  digits: { type: 'string', default: '4' },
  scenario: { type: 'string', default: 'boot' },
  'meter-interval': { type: 'string', default: '60' },
  duration: { type: 'string', default: '60' },
  concurrency: { type: 'string', short: 'c', default: '100' },
  'source-addresses': { type: 'string' },
  'call-timeout': { type: 'string', default: '30' },
  json: { type: 'boolean', default: false },
  'no-progress': { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

const profiles: Readonly<Record<'0' | '1' | '2' | '3', SecurityProfile>> = { '0': 0, '1': 1, '2': 2, '3': 3 };

/** A bad option value; caught in `parseCliArgs` and returned as a message. */
class UsageError extends Error {}

function positive(name: string, text: string, { integer = true, min = 1 } = {}): number {
  const value = Number(text);
  if (!Number.isFinite(value) || value < min || (integer && !Number.isInteger(value))) {
    throw new UsageError(`--${name} must be ${integer ? 'an integer' : 'a number'} ≥ ${min}, got "${text}"`);
  }
  return value;
}

function oneOf<T extends string>(name: string, text: string, allowed: readonly T[]): T {
  const found = allowed.find((candidate) => candidate === text);
  if (found === undefined) throw new UsageError(`--${name} must be one of ${allowed.join(', ')}, got "${text}"`);
  return found;
}

function versionOf(text: string): OcppVersion | 'mixed' {
  if (text === 'mixed' || isOcppVersion(text)) return text;
  throw new UsageError(`--version must be 1.6, 2.0.1 or mixed, got "${text}"`);
}

function credentialsProblem(settings: CliSettings): string | undefined {
  const { securityProfile: profile } = settings;
  if ((profile === 1 || profile === 2) && settings.password === undefined && settings.passwordPrefix === undefined) {
    return `--profile ${profile} needs --password or --password-prefix`;
  }
  if (profile === 3 && (settings.certFile === undefined || settings.keyFile === undefined)) return '--profile 3 needs --cert and --key';
  if (settings.password !== undefined && settings.passwordPrefix !== undefined) return 'give --password or --password-prefix, not both';
  return undefined;
}

/** Reads the command line; never exits or prints. */
export function parseCliArgs(args: readonly string[]): CliParse {
  try {
    const { values } = parseArgs({ args: [...args], options, strict: true, allowPositionals: false });
    if (values.help) return { ok: true, help: true };
    const settings: CliSettings = {
      url: values.url,
      count: positive('count', values.count),
      version: versionOf(values.version),
      securityProfile: profiles[oneOf('profile', values.profile, ['0', '1', '2', '3'] as const)],
      password: values.password,
      passwordPrefix: values['password-prefix'],
      caFile: values.ca,
      certFile: values.cert,
      keyFile: values.key,
      insecure: values.insecure,
      prefix: values.prefix,
      idDigits: positive('digits', values.digits),
      scenario: oneOf('scenario', values.scenario, scenarioNames),
      meterIntervalS: positive('meter-interval', values['meter-interval']),
      durationS: positive('duration', values.duration, { integer: false, min: 0.1 }),
      concurrency: positive('concurrency', values.concurrency),
      sourceAddresses: values['source-addresses'],
      callTimeoutS: positive('call-timeout', values['call-timeout'], { integer: false, min: 0.1 }),
      json: values.json,
      progress: !values['no-progress'],
    };
    const problem = credentialsProblem(settings);
    return problem === undefined ? { ok: true, help: false, settings } : { ok: false, message: problem };
  } catch (error) {
    // Not `instanceof Error`: node's own errors may come from another realm (e.g. under jest).
    const message = typeof error === 'object' && error !== null && 'message' in error ? String(error.message) : String(error);
    return { ok: false, message };
  }
}
