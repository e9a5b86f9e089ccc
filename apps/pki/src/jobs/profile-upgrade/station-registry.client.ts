import { RUNTIME_CONFIG, type RuntimeConfig } from '@app/config';
import { Inject, Injectable } from '@nestjs/common';

const TIMEOUT_MS = 10_000;

export type RaiseOutcome = { ok: true; securityProfile: number; raised: boolean } | { ok: false; detail: string };

/**
 * The connection service's station registry, as far as the upgrade needs it: raising a station's
 * minimum security profile (internal endpoint, INTERNAL_API_TOKEN) once it is confirmed on it.
 */
@Injectable()
export class StationRegistryClient {
  private readonly baseUrl: string | undefined;
  private readonly token: string | undefined;

  constructor(@Inject(RUNTIME_CONFIG) config: RuntimeConfig) {
    this.baseUrl = config.pki.profileUpgrade.connectionUrl;
    this.token = config.internalApiToken;
  }

  /** What is missing for the client to work, or undefined. */
  get missingSetting(): string | undefined {
    if (this.baseUrl === undefined) return 'PKI_CONNECTION_URL';
    if (this.token === undefined) return 'INTERNAL_API_TOKEN';
    return undefined;
  }

  async raiseMinimumProfile(stationId: string, securityProfile: number): Promise<RaiseOutcome> {
    if (this.missingSetting !== undefined) return { ok: false, detail: `${this.missingSetting} is not set` };
    const url = `${this.baseUrl}/api/internal/connection/stations/${encodeURIComponent(stationId)}/minimum-security-profile`;
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: { authorization: `Bearer ${this.token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ securityProfile }),
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
      const text = await response.text();
      if (!response.ok) return { ok: false, detail: `the connection service answered ${response.status}: ${text.slice(0, 300)}` };
      const body = JSON.parse(text) as { securityProfile: number; raised: boolean };
      return { ok: true, securityProfile: body.securityProfile, raised: body.raised };
    } catch (error) {
      return { ok: false, detail: `the connection service could not be reached: ${error instanceof Error ? error.message : String(error)}` };
    }
  }
}
