import { z } from 'zod';

const httpUrl = (what: string) => z.string().refine((url) => URL.canParse(url) && /^https?:$/.test(new URL(url).protocol), `must be an absolute http(s) URL of ${what}`);

/** An origin as browsers send it: scheme, host and port only (no path, no trailing slash, no `*`). */
export function isExactOrigin(origin: string): boolean {
  return URL.canParse(origin) && /^https?:$/.test(new URL(origin).protocol) && new URL(origin).origin === origin;
}

const originList = z
  .string()
  .transform((value) => value.split(',').map((origin) => origin.trim()).filter(Boolean))
  .refine((origins) => origins.every(isExactOrigin), 'must be a comma-separated list of exact origins such as https://console.example:8443 (scheme, host and port; no path, no wildcard)');

/**
 * The operator console (a static SPA served by the connection service at /console) and CORS for
 * consoles served from another origin than the API they call.
 */
export const consoleEnv = {
  CONSOLE_ENABLED: z
    .enum(['true', 'false'], { message: 'must be true or false' })
    .default('true')
    .transform((value) => value === 'true'),
  // The built SPA (index.html, assets/); unset: dist/apps/console of the installation.
  CONSOLE_DIR: z.string().min(1).optional(),
  // Where the console reaches the smart-charging and PKI APIs in the distributed mode; unset: /api of its own origin (embedded).
  CONSOLE_SMART_CHARGING_API_URL: httpUrl('the smart-charging service').optional(),
  CONSOLE_PKI_API_URL: httpUrl('the pki service').optional(),
  // The public OIDC client the console signs people in with (authorization code + PKCE); needs OIDC_ISSUER.
  CONSOLE_OIDC_CLIENT_ID: z.string().regex(/^[\x21-\x7e]{1,255}$/, 'must be 1-255 printable characters without spaces').optional(),
  CONSOLE_OIDC_SCOPE: z.string().regex(/^[\x21\x23-\x5B\x5D-\x7E]+( [\x21\x23-\x5B\x5D-\x7E]+)*$/, 'must be space-separated OAuth scope tokens').default('openid'),
  // Browser origins allowed to call this process's REST APIs (CORS); unset: no CORS headers at all.
  CORS_ALLOWED_ORIGINS: originList.optional(),
};
