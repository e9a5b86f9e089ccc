/** How long the discovery request may take: the first console request waits for it at most this long. */
const DISCOVERY_TIMEOUT_MS = 5000;
/** A provider may move its token endpoint: the document is read again after this long (in the background). */
const DISCOVERY_MAX_AGE_MS = 60 * 60_000;
/** After a failure, the console's answers go on with the issuer origin alone for this long before trying again. */
const DISCOVERY_RETRY_MS = 5 * 60_000;

export type FetchDiscovery = (url: string, timeoutMs: number) => Promise<unknown>;

async function fetchDiscovery(url: string, timeoutMs: number): Promise<unknown> {
  const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs), headers: { accept: 'application/json' } });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return response.json();
}

export interface TokenEndpointOptions {
  fetch?: FetchDiscovery;
  timeoutMs?: number;
  maxAgeMs?: number;
  retryMs?: number;
  now?: () => number;
}

/** The `token_endpoint` of the issuer's discovery document, checked as the runtime checks `jwks_uri`: the document names our issuer, the URL is http(s). */
function tokenEndpointOf(document: unknown, issuer: string): string {
  const field = (name: string): unknown => (typeof document === 'object' && document !== null ? Reflect.get(document, name) : undefined);
  if (field('issuer') !== issuer) throw new Error('the discovery document names another issuer');
  const endpoint = field('token_endpoint');
  if (typeof endpoint !== 'string' || !URL.canParse(endpoint) || !/^https?:$/.test(new URL(endpoint).protocol)) throw new Error('the discovery document has no http(s) token_endpoint');
  return endpoint;
}

/**
 * The origin of the OIDC provider's token endpoint, which the console posts the authorization code to: some providers
 * put it on another origin than the issuer (Google: oauth2.googleapis.com), and the console's CSP must then allow it in
 * connect-src. Discovered from `<issuer>/.well-known/openid-configuration` when first asked (not at start-up: the
 * service starts while the provider is down), cached, read again hourly in the background. A failure keeps what was
 * known (at first nothing: the CSP keeps the issuer origin alone), logs one warning until a discovery succeeds again,
 * and is retried after a few minutes. Never rejects. (The API's JWT verifier discovers the JWKS on its own: that discovery
 * lives inside the runtime's auth module and keeps only the jwks_uri.)
 */
export class OidcTokenEndpointOrigin {
  private origin: string | undefined;
  private readAt = Number.NEGATIVE_INFINITY;
  private failedAt = Number.NEGATIVE_INFINITY;
  private warned = false;
  private reading: Promise<void> | undefined;
  private readonly fetch: FetchDiscovery;
  private readonly timeoutMs: number;
  private readonly maxAgeMs: number;
  private readonly retryMs: number;
  private readonly now: () => number;

  constructor(
    private readonly issuer: string,
    private readonly logger: { warn(details: object, message: string): void },
    options: TokenEndpointOptions = {},
  ) {
    this.fetch = options.fetch ?? fetchDiscovery;
    this.timeoutMs = options.timeoutMs ?? DISCOVERY_TIMEOUT_MS;
    this.maxAgeMs = options.maxAgeMs ?? DISCOVERY_MAX_AGE_MS;
    this.retryMs = options.retryMs ?? DISCOVERY_RETRY_MS;
    this.now = options.now ?? Date.now;
  }

  /** The token endpoint's origin, or undefined while it is not known. Waits only for the very first discovery. */
  async current(): Promise<string | undefined> {
    const now = this.now();
    const due = now - this.readAt >= this.maxAgeMs && now - this.failedAt >= this.retryMs;
    if (due) this.reading ??= this.read().finally(() => (this.reading = undefined));
    // Known once: later readings refresh it in the background.
    if (this.origin === undefined && this.reading !== undefined) await this.reading;
    return this.origin;
  }

  private async read(): Promise<void> {
    const url = `${this.issuer.replace(/\/+$/, '')}/.well-known/openid-configuration`;
    try {
      this.origin = new URL(tokenEndpointOf(await this.fetch(url, this.timeoutMs), this.issuer)).origin;
      this.readAt = this.now();
      this.warned = false;
    } catch (error) {
      this.failedAt = this.now();
      if (!this.warned) {
        this.warned = true;
        this.logger.warn(
          { discoveryUrl: url, reason: error instanceof Error ? error.message : String(error) },
          'could not read the OIDC discovery document: the console CSP allows the issuer origin only, a token endpoint elsewhere would be blocked',
        );
      }
    }
  }
}
