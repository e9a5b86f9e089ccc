import { existsSync } from 'node:fs';
import path from 'node:path';
import { ConfigError } from './config.error';
import type { Env } from './env-schema';
import type { ConsoleConfig } from './runtime-config';

/**
 * The installation root: the nearest folder above this file holding package.json. The checkout when
 * run from source (jest) or from dist/, /app in the container image (its package.json is copied there).
 */
export function installationRoot(from: string = __dirname): string {
  for (let dir = from; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json'))) return dir;
  }
  return process.cwd();
}

/** A service's REST base URL as the console calls it: no trailing slash, ending in /api. */
export function apiBaseUrl(url: string): string {
  const trimmed = url.replace(/\/+$/, '');
  return trimmed.endsWith('/api') ? trimmed : `${trimmed}/api`;
}

/** CONSOLE_*: where the built console is and what its config.json tells it. */
export function consoleConfig(env: Env): ConsoleConfig {
  if (env.CONSOLE_OIDC_CLIENT_ID !== undefined && env.OIDC_ISSUER === undefined) {
    throw new ConfigError('CONSOLE_OIDC_CLIENT_ID', 'needs OIDC_ISSUER: the console signs people in at that issuer');
  }
  return {
    enabled: env.CONSOLE_ENABLED,
    dir: path.resolve(env.CONSOLE_DIR ?? path.join(installationRoot(), 'dist', 'apps', 'console')),
    api: {
      smartCharging: env.CONSOLE_SMART_CHARGING_API_URL === undefined ? undefined : apiBaseUrl(env.CONSOLE_SMART_CHARGING_API_URL),
      pki: env.CONSOLE_PKI_API_URL === undefined ? undefined : apiBaseUrl(env.CONSOLE_PKI_API_URL),
    },
    oidc: env.OIDC_ISSUER === undefined || env.CONSOLE_OIDC_CLIENT_ID === undefined ? undefined : { issuer: env.OIDC_ISSUER, clientId: env.CONSOLE_OIDC_CLIENT_ID, scope: env.CONSOLE_OIDC_SCOPE },
  };
}
