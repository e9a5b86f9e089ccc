/** What the upgrade request proved about the connecting station. */
export interface PresentedCredentials {
  transport: 'ws' | 'wss';
  /** Whether a Basic header came, and if so whether user = station id and the password verified. */
  basicAuth: 'absent' | 'valid' | 'invalid';
  /** Outcome of the client-certificate check (wss only). */
  clientCertificate: 'absent' | 'valid' | { invalid: string };
}

export type ProfileDecision =
  | { accept: true; profile: number }
  | { accept: false; reason: RefusalReason; detail: string };

export enum RefusalReason {
  missingCredentials = 'missing-credentials',
  invalidCredentials = 'invalid-credentials',
  invalidClientCertificate = 'invalid-client-certificate',
  profileDowngrade = 'security-profile-downgrade',
}

/** The profile a connection actually offers: 3 mutual TLS, 2 Basic over TLS, 1 Basic over ws, 0 nothing. */
export function offeredProfile(credentials: PresentedCredentials): number {
  if (credentials.transport === 'wss' && credentials.clientCertificate === 'valid') return 3;
  if (credentials.basicAuth === 'valid') return credentials.transport === 'wss' ? 2 : 1;
  return 0;
}

/**
 * Accepts a connection only on the station's configured profile or higher.
 * Wrong credentials are refused outright; valid credentials on a weaker
 * profile than configured are a downgrade. Every refusal is a security event.
 */
export function decideProfile(configuredProfile: number, credentials: PresentedCredentials): ProfileDecision {
  if (credentials.basicAuth === 'invalid') {
    return { accept: false, reason: RefusalReason.invalidCredentials, detail: 'wrong station id or password' };
  }
  if (typeof credentials.clientCertificate === 'object') {
    if (configuredProfile >= 3) {
      return { accept: false, reason: RefusalReason.invalidClientCertificate, detail: credentials.clientCertificate.invalid };
    }
    // A station below profile 3 does not authenticate with its certificate: a bad one (expired,
    // or unverifiable because a CRL is stale) must not lock out a station whose password is right.
    return decideProfile(configuredProfile, { ...credentials, clientCertificate: 'absent' });
  }
  const profile = offeredProfile(credentials);
  if (profile >= configuredProfile) return { accept: true, profile };
  return {
    accept: false,
    reason: profile === 0 ? RefusalReason.missingCredentials : RefusalReason.profileDowngrade,
    detail: `security profile ${configuredProfile} required, connection offers ${profile}`,
  };
}
