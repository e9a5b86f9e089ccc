import type { ConsoleConfig } from '@app/config';

/** `GET /console/config.json`: where the console finds the three APIs and how it signs people in. Nothing secret. */
export interface ConsoleClientConfig {
  api: { connection: string; smartCharging: string; pki: string };
  oidc: { issuer: string; clientId: string; scope: string } | null;
}

/** Same-origin `/api` unless another base URL is configured (the distributed mode's other services). */
export function consoleClientConfigOf(settings: Pick<ConsoleConfig, 'api' | 'oidc'>): ConsoleClientConfig {
  return {
    api: { connection: '/api', smartCharging: settings.api.smartCharging ?? '/api', pki: settings.api.pki ?? '/api' },
    oidc: settings.oidc === undefined ? null : { ...settings.oidc },
  };
}

/**
 * The console's Content-Security-Policy: its own scripts only, API calls to itself, the configured APIs, the OIDC issuer
 * (discovery) and the provider's token endpoint when it lies elsewhere (`tokenEndpointOrigin`, discovered by the server).
 */
export function consoleContentSecurityPolicy(settings: Pick<ConsoleConfig, 'api' | 'oidc'>, tokenEndpointOrigin?: string): string {
  const origins = [settings.api.smartCharging, settings.api.pki, settings.oidc?.issuer, tokenEndpointOrigin].filter((url): url is string => url !== undefined).map((url) => new URL(url).origin);
  const connect = ["'self'", ...new Set(origins)].join(' ');
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    `connect-src ${connect}`,
    "frame-ancestors 'none'",
    "base-uri 'none'",
    "form-action 'self'",
  ].join('; ');
}
