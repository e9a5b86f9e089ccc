import { type OcppVersion, subprotocolOf } from '@app/ocpp';
import type { ClientOptions } from 'ws';

/** OCPP security profiles: 0 none, 1 ws + Basic, 2 wss + Basic, 3 wss + client certificate. */
export type SecurityProfile = 0 | 1 | 2 | 3;

export interface ConnectionSettings {
  /**
   * Where stations connect: a base such as `ws://127.0.0.1:9000/ocpp` (the station id is
   * appended as a path segment) or a template containing `{id}`.
   */
  readonly url: string;
  readonly securityProfile: SecurityProfile;
  /**
   * 1.6: where the station goes once its SecurityProfile is 2 or 3 (1.6 has no key for the CSMS
   * URL; a real station keeps its endpoint and speaks TLS to it). Default: `url` with wss://.
   */
  readonly secureUrl?: string;
  /** HTTP Basic password (profiles 1 and 2); the user is the station id. */
  readonly password?: string;
  /** PEM CA bundle that signs the CSMS server certificate (wss). Default: Node's trusted roots. */
  readonly ca?: string;
  /** PEM client certificate and key (profile 3). */
  readonly cert?: string;
  readonly key?: string;
  /** Source IP address of the socket, e.g. one of 127.0.0.x to spread many sockets over loopback addresses. */
  readonly localAddress?: string;
  /** Abort an upgrade that takes longer (default 15 s). */
  readonly handshakeTimeoutMs?: number;
  /** Verify the server certificate (default true). */
  readonly rejectUnauthorized?: boolean;
}

export enum SettingsProblemCode {
  InvalidUrl = 'invalid-url',
  ProfileNeedsWs = 'profile-needs-ws',
  ProfileNeedsWss = 'profile-needs-wss',
  MissingPassword = 'missing-password',
  MissingClientCertificate = 'missing-client-certificate',
}

export interface SettingsProblem {
  readonly code: SettingsProblemCode;
  readonly message: string;
}

export interface SocketTarget {
  readonly url: string;
  readonly protocols: string[];
  readonly options: ClientOptions;
}

export type TargetResult = { readonly ok: true; readonly target: SocketTarget } | { readonly ok: false; readonly problem: SettingsProblem };

const DEFAULT_HANDSHAKE_TIMEOUT_MS = 15_000;

/** The station's own URL: `{id}` substituted, or the id appended to the base path. */
export function stationUrl(base: string, stationId: string): string {
  const id = encodeURIComponent(stationId);
  return base.includes('{id}') ? base.replaceAll('{id}', id) : `${base.replace(/\/+$/, '')}/${id}`;
}

function problem(code: SettingsProblemCode, message: string): TargetResult {
  return { ok: false, problem: { code, message } };
}

function schemeProblem(scheme: string, profile: SecurityProfile): TargetResult | undefined {
  if (scheme !== 'ws:' && scheme !== 'wss:') return problem(SettingsProblemCode.InvalidUrl, `the URL must start with ws:// or wss://, not ${scheme}//`);
  if (profile >= 2 && scheme !== 'wss:') return problem(SettingsProblemCode.ProfileNeedsWss, `security profile ${profile} requires a wss:// URL`);
  if (profile === 1 && scheme !== 'ws:') return problem(SettingsProblemCode.ProfileNeedsWs, 'security profile 1 is Basic auth over ws://; use profile 2 for wss://');
  return undefined;
}

/** What `ws` needs to open a station's socket: URL, exactly the version's subprotocol, credentials, TLS. */
export function socketTargetOf(stationId: string, version: OcppVersion, settings: ConnectionSettings): TargetResult {
  let url: URL;
  try {
    url = new URL(stationUrl(settings.url, stationId));
  } catch {
    return problem(SettingsProblemCode.InvalidUrl, `not a URL: ${settings.url}`);
  }
  const schemeFailure = schemeProblem(url.protocol, settings.securityProfile);
  if (schemeFailure) return schemeFailure;
  const profile = settings.securityProfile;
  if ((profile === 1 || profile === 2) && !settings.password) return problem(SettingsProblemCode.MissingPassword, `security profile ${profile} needs a password`);
  if (profile === 3 && !(settings.cert && settings.key)) {
    return problem(SettingsProblemCode.MissingClientCertificate, 'security profile 3 needs a client certificate and key');
  }
  const options: ClientOptions = {
    handshakeTimeout: settings.handshakeTimeoutMs ?? DEFAULT_HANDSHAKE_TIMEOUT_MS,
    perMessageDeflate: false,
    followRedirects: false,
    localAddress: settings.localAddress,
    rejectUnauthorized: settings.rejectUnauthorized ?? true,
    ca: settings.ca,
    headers: profile === 1 || profile === 2 ? { authorization: basicAuthorization(stationId, settings.password ?? '') } : undefined,
    ...(profile === 3 ? { cert: settings.cert, key: settings.key } : {}),
  };
  return { ok: true, target: { url: url.toString(), protocols: [subprotocolOf(version)], options } };
}

export function basicAuthorization(user: string, password: string): string {
  return `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
}
