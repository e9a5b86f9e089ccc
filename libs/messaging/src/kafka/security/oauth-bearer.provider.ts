/** Why a token could not be had; the message never holds the client secret or a token. */
export class OAuthTokenError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'OAuthTokenError';
  }
}

export interface OAuthClientCredentials {
  tokenUrl: string;
  clientId: string;
  /** Read at every fetch, so that a rotated secret file is picked up without a restart. */
  readClientSecret: () => string;
  scope?: string;
}

export interface OAuthBearerToken {
  value: string;
}

interface CachedToken {
  value: string;
  /** When a new token is fetched: after `REFRESH_FRACTION` of its lifetime. */
  refreshAt: number;
  expiresAt: number;
}

/** As Kafka's own Java client (sasl.login.refresh.window.factor): refresh after 80 % of a token's life. */
const REFRESH_FRACTION = 0.8;
/** A token whose answer names no lifetime (expires_in is only RECOMMENDED by RFC 6749) is used this long. */
const UNSTATED_LIFETIME_MS = 60_000;
const REQUEST_TIMEOUT_MS = 10_000;

/**
 * kafkajs's `oauthBearerProvider` for the OAuth 2.0 client-credentials grant (RFC 6749 §4.4).
 * kafkajs asks for a token at every authentication (each broker connection, and each
 * re-authentication near the session's end), so tokens are cached, concurrent asks share one
 * request, and a failed refresh falls back on the current token while it is still valid.
 */
export class OAuthBearerProvider {
  private cached: CachedToken | undefined;
  private inFlight: Promise<CachedToken> | undefined;

  constructor(
    private readonly credentials: OAuthClientCredentials,
    private readonly now: () => number = Date.now,
  ) {}

  /** The function kafkajs calls (`sasl.oauthBearerProvider`). */
  readonly provide = async (): Promise<OAuthBearerToken> => {
    const cached = this.cached;
    if (cached !== undefined && this.now() < cached.refreshAt) return { value: cached.value };
    try {
      return { value: (await this.refresh()).value };
    } catch (error) {
      if (cached !== undefined && this.now() < cached.expiresAt) return { value: cached.value };
      throw error;
    }
  };

  private refresh(): Promise<CachedToken> {
    this.inFlight ??= this.fetchToken()
      .then((token) => (this.cached = token))
      .finally(() => {
        this.inFlight = undefined;
      });
    return this.inFlight;
  }

  private async fetchToken(): Promise<CachedToken> {
    const { tokenUrl, clientId, scope } = this.credentials;
    const form = new URLSearchParams({ grant_type: 'client_credentials' });
    if (scope !== undefined) form.set('scope', scope);
    const requestedAt = this.now();
    let response: Response;
    try {
      response = await fetch(tokenUrl, {
        method: 'POST',
        headers: {
          // client_secret_basic (RFC 6749 §2.3.1): both parts form-encoded before base64.
          authorization: `Basic ${Buffer.from(`${formEncode(clientId)}:${formEncode(this.credentials.readClientSecret())}`).toString('base64')}`,
          'content-type': 'application/x-www-form-urlencoded',
          accept: 'application/json',
        },
        body: form.toString(),
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
    } catch (error) {
      throw new OAuthTokenError(`the token endpoint ${tokenUrl} could not be reached (${errorName(error)})`, { cause: error });
    }
    const body = await response.json().catch(() => undefined);
    if (!response.ok) {
      throw new OAuthTokenError(`the token endpoint ${tokenUrl} refused client ${clientId}: HTTP ${response.status}${oauthErrorCode(body)}`);
    }
    return cachedToken(body, requestedAt, tokenUrl);
  }
}

function cachedToken(body: unknown, requestedAt: number, tokenUrl: string): CachedToken {
  const fields = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  const { access_token: value, token_type: type, expires_in: expiresIn } = fields;
  if (typeof value !== 'string' || value.length === 0) throw new OAuthTokenError(`the token endpoint ${tokenUrl} answered without an access_token`);
  if (typeof type === 'string' && type.toLowerCase() !== 'bearer') throw new OAuthTokenError(`the token endpoint ${tokenUrl} answered a ${type} token, not a bearer token`);
  // Counted from when it was asked for: the answer's own travel time is already part of its life.
  const lifetimeMs = typeof expiresIn === 'number' && expiresIn > 0 ? expiresIn * 1000 : UNSTATED_LIFETIME_MS;
  return { value, refreshAt: requestedAt + lifetimeMs * REFRESH_FRACTION, expiresAt: requestedAt + lifetimeMs };
}

/** The RFC 6749 §5.2 error code, when the answer has one; never the rest of the body. */
function oauthErrorCode(body: unknown): string {
  const code = typeof body === 'object' && body !== null ? (body as { error?: unknown }).error : undefined;
  return typeof code === 'string' && /^[\x20-\x21\x23-\x5B\x5D-\x7E]{1,100}$/.test(code) ? ` (${code})` : '';
}

function formEncode(value: string): string {
  return encodeURIComponent(value).replace(/%20/g, '+');
}

function errorName(error: unknown): string {
  const cause = (error as { cause?: { code?: string } }).cause;
  return cause?.code ?? (error instanceof Error ? error.name : 'unknown error');
}
