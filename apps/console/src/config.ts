/** Where the console finds the three services' REST APIs and, optionally, the OIDC provider: `config.json` beside index.html. */
export interface ConsoleConfig {
  api: { connection: string; smartCharging: string; pki: string };
  oidc: { issuer: string; clientId: string; scope: string } | null;
}

export type ApiService = keyof ConsoleConfig['api'];

const defaults: ConsoleConfig = { api: { connection: '/api', smartCharging: '/api', pki: '/api' }, oidc: null };

/** Reads a parsed config.json, keeping the same-origin default for whatever it leaves out (a static host may serve none). */
export function parseConsoleConfig(raw: unknown): ConsoleConfig {
  if (typeof raw !== 'object' || raw === null) return defaults;
  const record = raw as Record<string, unknown>;
  const api = (typeof record.api === 'object' && record.api !== null ? record.api : {}) as Record<string, unknown>;
  const base = (value: unknown, fallback: string) => (typeof value === 'string' && value.length > 0 ? value.replace(/\/+$/, '') : fallback);
  const oidc = record.oidc as Record<string, unknown> | null | undefined;
  return {
    api: {
      connection: base(api.connection, defaults.api.connection),
      smartCharging: base(api.smartCharging, defaults.api.smartCharging),
      pki: base(api.pki, defaults.api.pki),
    },
    oidc:
      oidc && typeof oidc.issuer === 'string' && typeof oidc.clientId === 'string'
        ? { issuer: oidc.issuer.replace(/\/+$/, ''), clientId: oidc.clientId, scope: typeof oidc.scope === 'string' ? oidc.scope : 'openid' }
        : null,
  };
}

export async function loadConsoleConfig(): Promise<ConsoleConfig> {
  const answer = await fetch('config.json', { cache: 'no-store' }).catch(() => undefined);
  if (!answer?.ok) return defaults;
  return parseConsoleConfig(await answer.json().catch(() => null));
}
