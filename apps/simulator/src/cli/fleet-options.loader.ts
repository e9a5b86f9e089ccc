import { readFileSync } from 'node:fs';
import type { ClientCredentials, FleetOptions } from '../fleet/fleet';
import { isLoopbackHost, sourceAddressesOf } from '../fleet/source-addresses';
import type { CliSettings } from './cli-options';

export type LoadResult = { readonly ok: true; readonly options: FleetOptions } | { readonly ok: false; readonly message: string };

/** Each loopback source address serves about 28 000 ephemeral ports; stay clear of the edge. */
const STATIONS_PER_SOURCE_ADDRESS = 25_000;

export type FileReader = (path: string) => string;

const readText: FileReader = (path) => readFileSync(path, 'utf8');

function hostOf(url: string): string | undefined {
  try {
    return new URL(url.replaceAll('{id}', 'id')).hostname;
  } catch {
    return undefined;
  }
}

/** A station's certificate and key: read once, or per station when the paths contain {id}. */
function credentialsOf(settings: CliSettings, read: FileReader): ((stationId: string) => ClientCredentials | undefined) | undefined {
  const { certFile, keyFile } = settings;
  if (certFile === undefined || keyFile === undefined) return undefined;
  if (!certFile.includes('{id}') && !keyFile.includes('{id}')) {
    const shared = { cert: read(certFile), key: read(keyFile) };
    return () => shared;
  }
  return (stationId) => {
    try {
      return { cert: read(certFile.replaceAll('{id}', stationId)), key: read(keyFile.replaceAll('{id}', stationId)) };
    } catch {
      // The station then has no certificate and fails with invalid-settings, which the summary counts.
      return undefined;
    }
  };
}

function passwordOf(settings: CliSettings): ((stationId: string) => string | undefined) | undefined {
  const { password, passwordPrefix } = settings;
  if (password !== undefined) return () => password;
  if (passwordPrefix !== undefined) return (stationId) => `${passwordPrefix}${stationId}`;
  return undefined;
}

/** Turns the command line into fleet options, reading the PEM files it names. */
export function loadFleetOptions(settings: CliSettings, read: FileReader = readText): LoadResult {
  const host = hostOf(settings.url);
  if (host === undefined) return { ok: false, message: `--url is not a URL: ${settings.url}` };
  const automatic = isLoopbackHost(host) && settings.count > STATIONS_PER_SOURCE_ADDRESS ? String(Math.ceil(settings.count / STATIONS_PER_SOURCE_ADDRESS)) : undefined;
  const sources = sourceAddressesOf(settings.sourceAddresses ?? automatic, host);
  if (!sources.ok) return { ok: false, message: `--source-addresses: ${sources.message}` };
  try {
    return {
      ok: true,
      options: {
        url: settings.url,
        count: settings.count,
        version: settings.version,
        securityProfile: settings.securityProfile,
        password: passwordOf(settings),
        ca: settings.caFile === undefined ? undefined : read(settings.caFile),
        clientCertificate: credentialsOf(settings, read),
        rejectUnauthorized: !settings.insecure,
        prefix: settings.prefix,
        idDigits: settings.idDigits,
        scenario: settings.scenario,
        meterIntervalS: settings.meterIntervalS,
        durationS: settings.durationS,
        concurrency: settings.concurrency,
        sourceAddresses: sources.addresses,
        callTimeoutMs: settings.callTimeoutS * 1000,
      },
    };
  } catch (error) {
    return { ok: false, message: `cannot read a PEM file: ${error instanceof Error ? error.message : String(error)}` };
  }
}
