import type { ConsoleConfig } from '../config';
import type { StoredSession } from './session-store';

/**
 * OIDC sign-in as a public client: authorization code with PKCE (RFC 7636), no client secret in the browser. The
 * access token it gets is the bearer token the APIs verify (ADR 036); the provider must allow the console's origin
 * (CORS) on its token endpoint.
 */
type OidcSettings = NonNullable<ConsoleConfig['oidc']>;

interface PendingSignIn {
  state: string;
  verifier: string;
  tokenEndpoint: string;
  redirectUri: string;
}

const pendingKey = 'csms-console-oidc-pending';

export function base64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export async function codeChallengeOf(verifier: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  return base64Url(new Uint8Array(digest));
}

export function authorizationUrl(endpoint: string, settings: OidcSettings, redirectUri: string, state: string, challenge: string): string {
  const url = new URL(endpoint);
  url.search = new URLSearchParams({
    response_type: 'code',
    client_id: settings.clientId,
    redirect_uri: redirectUri,
    scope: settings.scope,
    state,
    code_challenge: challenge,
    code_challenge_method: 'S256',
  }).toString();
  return url.toString();
}

/** The console's own address without query or fragment: where the provider sends the browser back. */
export function redirectUriOf(location: Pick<Location, 'origin' | 'pathname'>): string {
  return `${location.origin}${location.pathname}`;
}

async function discover(issuer: string): Promise<{ authorization_endpoint: string; token_endpoint: string }> {
  const answer = await fetch(`${issuer}/.well-known/openid-configuration`);
  if (!answer.ok) throw new Error(`The sign-in provider did not answer its discovery document (HTTP ${answer.status}).`);
  const document = (await answer.json()) as { authorization_endpoint?: string; token_endpoint?: string };
  if (!document.authorization_endpoint || !document.token_endpoint) throw new Error('The sign-in provider’s discovery document lacks its endpoints.');
  return { authorization_endpoint: document.authorization_endpoint, token_endpoint: document.token_endpoint };
}

/** Sends the browser to the provider; comes back through `completeOidcSignIn`. */
export async function startOidcSignIn(settings: OidcSettings): Promise<void> {
  const endpoints = await discover(settings.issuer);
  const verifier = base64Url(crypto.getRandomValues(new Uint8Array(32)));
  const state = base64Url(crypto.getRandomValues(new Uint8Array(16)));
  const redirectUri = redirectUriOf(window.location);
  const pending: PendingSignIn = { state, verifier, tokenEndpoint: endpoints.token_endpoint, redirectUri };
  sessionStorage.setItem(pendingKey, JSON.stringify(pending));
  window.location.assign(authorizationUrl(endpoints.authorization_endpoint, settings, redirectUri, state, await codeChallengeOf(verifier)));
}

/** The `code`/`state` (or `error`) the provider appended to the console's address, if this page load is its answer. */
export function callbackParameters(search: string): { code: string; state: string } | { error: string } | undefined {
  const query = new URLSearchParams(search);
  const error = query.get('error');
  if (error) return { error: query.get('error_description') ?? error };
  const code = query.get('code');
  const state = query.get('state');
  return code && state ? { code, state } : undefined;
}

/** Finishes a sign-in the provider sent back: checks the state, trades the code for an access token. */
export async function completeOidcSignIn(settings: OidcSettings): Promise<StoredSession | undefined> {
  const callback = callbackParameters(window.location.search);
  if (!callback) return undefined;
  const pending = JSON.parse(sessionStorage.getItem(pendingKey) ?? 'null') as PendingSignIn | null;
  sessionStorage.removeItem(pendingKey);
  window.history.replaceState(null, '', `${window.location.pathname}${window.location.hash}`);
  if ('error' in callback) throw new Error(`The sign-in provider refused: ${callback.error}`);
  if (!pending || pending.state !== callback.state) throw new Error('This sign-in answer does not belong to a sign-in started here: start again.');
  const answer = await fetch(pending.tokenEndpoint, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code: callback.code,
      redirect_uri: pending.redirectUri,
      client_id: settings.clientId,
      code_verifier: pending.verifier,
    }),
  });
  const body = (await answer.json().catch(() => ({}))) as { access_token?: string; expires_in?: number; error_description?: string; error?: string };
  if (!answer.ok || !body.access_token) throw new Error(`The sign-in provider gave no access token: ${body.error_description ?? body.error ?? `HTTP ${answer.status}`}`);
  return { token: body.access_token, method: 'oidc', expiresAt: typeof body.expires_in === 'number' ? Date.now() + body.expires_in * 1000 : undefined };
}
