import type { IncomingMessage } from 'node:http';
import { TLSSocket } from 'node:tls';
import { type GatewayConfig, RUNTIME_CONFIG, type RuntimeConfig } from '@app/config';
import { IntervalLog, ROOT_LOGGER } from '@app/observability';
import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import type { Logger } from 'pino';
import { checkClientCertificate } from '../security/client-certificate';
import { type PresentedCredentials, decideProfile } from '../security/connection-profile';
import { CredentialVerifier } from '../security/credential-verifier';
import { StationEventEmitter } from '../station-events/station-event.emitter';
import { type StationSecurity, StationRepository } from '../stations/station.repository';
import { basicCredentialsOf } from './basic-auth';
import { type ClientCertificateIdentity, clientCertificateIdentityOf } from './client-certificate-identity';
import { TrustedIssuers } from './trusted-issuers';
import { parseStationPath } from './station-id';
import { type OcppSubprotocol, negotiateSubprotocol } from './subprotocol';
import { UpgradeRefusal } from './upgrade-refusal';
import { FAULT_LOG_INTERVAL_MS } from './withheld-answers';

export interface AcceptedUpgrade {
  stationId: string;
  protocol: OcppSubprotocol;
  securityProfile: number;
  /** The lowest profile the station's registration allows. */
  minimumSecurityProfile: number;
  /** Profile 3 only: kept so that a CRL loaded while the station is connected can revoke it. */
  clientCertificate?: ClientCertificateIdentity;
}

const BASIC_CHALLENGE = { 'WWW-Authenticate': 'Basic realm="OCPP", charset="UTF-8"' };

/**
 * The steps between an HTTP upgrade request and an accepted station, in the
 * order they run: station id → subprotocol → station lookup → credentials →
 * security profile. Each step refuses with its own HTTP status.
 */
@Injectable()
export class UpgradeAuthenticator implements OnApplicationShutdown {
  private readonly config: GatewayConfig;
  private readonly logger: Logger;
  private readonly trustedIssuers: TrustedIssuers;
  /** A flood of refusals or first contacts (a boot storm, a misconfigured fleet) is one line per interval. */
  private readonly refusedLog: IntervalLog;
  private readonly registeredLog: IntervalLog;
  private readonly securityEventLog: IntervalLog;

  constructor(
    @Inject(RUNTIME_CONFIG) config: RuntimeConfig,
    @Inject(ROOT_LOGGER) logger: Logger,
    private readonly stations: StationRepository,
    private readonly verifier: CredentialVerifier,
    private readonly events: StationEventEmitter,
  ) {
    this.config = config.gateway;
    this.logger = logger.child({ component: 'gateway' });
    this.trustedIssuers = new TrustedIssuers(config.gateway.tls?.caFile);
    const interval = { intervalMs: FAULT_LOG_INTERVAL_MS };
    this.refusedLog = new IntervalLog(this.logger, { ...interval, message: 'refused station connections', level: 'warn' });
    this.registeredLog = new IntervalLog(this.logger, {
      ...interval,
      message: `registered unknown stations without credentials (OCPP_UNKNOWN_STATIONS=${this.config.unknownStations}${this.config.unknownStations === 'accept' ? '; do not use this in production' : ''})`,
      level: this.config.unknownStations === 'accept' ? 'warn' : 'info',
    });
    this.securityEventLog = new IntervalLog(this.logger, { ...interval, message: 'could not publish the security events of refused connections', level: 'error' });
  }

  onApplicationShutdown(): void {
    [this.refusedLog, this.registeredLog, this.securityEventLog].forEach((log) => log.flush());
  }

  async authenticate(request: IncomingMessage): Promise<AcceptedUpgrade> {
    const path = parseStationPath(new URL(request.url ?? '/', 'http://gateway').pathname);
    if (!path.ok) throw new UpgradeRefusal(400, path.reason);
    const { stationId } = path;
    const protocol = negotiateSubprotocol(request.headers['sec-websocket-protocol']);
    if (!protocol) throw new UpgradeRefusal(400, `no supported OCPP subprotocol offered (supported: ocpp2.0.1, ocpp1.6)`);
    const station = await this.knownStation(stationId, request);
    const credentials = await this.presentedCredentials(request, station);
    const decision = decideProfile(station.securityProfile, credentials);
    if (!decision.accept) {
      this.recordSecurityEvent(stationId, decision.reason, decision.detail);
      throw new UpgradeRefusal(401, 'authentication failed', BASIC_CHALLENGE);
    }
    const accepted: AcceptedUpgrade = { stationId, protocol, securityProfile: decision.profile, minimumSecurityProfile: station.securityProfile };
    if (decision.profile === 3 && request.socket instanceof TLSSocket) accepted.clientCertificate = this.certificateIdentity(stationId, request.socket);
    return accepted;
  }

  /** TLS verified this certificate, so it reads; if not, the station still connects, unchecked while connected. */
  private certificateIdentity(stationId: string, socket: TLSSocket): ClientCertificateIdentity | undefined {
    try {
      return clientCertificateIdentityOf(socket, this.trustedIssuers);
    } catch (error) {
      this.logger.error({ err: error, stationId }, 'could not read the client certificate; a revocation reaches this connection only when it reconnects');
      return undefined;
    }
  }

  private async knownStation(stationId: string, request: IncomingMessage): Promise<StationSecurity> {
    const station = await this.stations.findSecurity(stationId);
    if (station) return station;
    if (this.config.unknownStations === 'reject') {
      this.recordSecurityEvent(stationId, 'unknown-station', 'station id not registered');
      // As long as a wrong password takes: the answer's timing must not tell which ids exist.
      const basic = basicCredentialsOf(stationId, request.headers.authorization);
      if (basic) await this.verifier.refuseUnknown(basic.password);
      throw new UpgradeRefusal(401, 'authentication failed', BASIC_CHALLENGE);
    }
    const registered = await this.stations.registerWithoutCredentials(stationId, this.config.unknownStations === 'pending' ? 'pending' : 'accepted');
    this.registeredLog.record(this.config.unknownStations, { stationId });
    return registered;
  }

  private async presentedCredentials(request: IncomingMessage, station: StationSecurity): Promise<PresentedCredentials> {
    const socket = request.socket;
    const tls = socket instanceof TLSSocket;
    const basic = basicCredentialsOf(station.id, request.headers.authorization);
    let basicAuth: PresentedCredentials['basicAuth'] = 'absent';
    // A station registered without a password (first contact, legacy) has nothing to check a password against.
    if (basic && station.passwordHash !== null) {
      const valid =
        basic.username === station.id && (await this.verifier.verify(station.id, basic.password, station.passwordHash));
      basicAuth = valid ? 'valid' : 'invalid';
    }
    return {
      transport: tls ? 'wss' : 'ws',
      basicAuth,
      clientCertificate: tls ? checkClientCertificate(socket, this.config.certificateOrganization, station.serialNumber) : 'absent',
    };
  }

  /** Not awaited: a refusal must not wait for the broker. */
  private recordSecurityEvent(stationId: string, reason: string, detail: string): void {
    this.refusedLog.record(reason, { stationId, detail });
    void this.events.securityEvent(stationId, securityEventType(reason), detail).catch((error: unknown) => {
      this.securityEventLog.record(reason, { err: error, stationId });
    });
  }
}

function securityEventType(reason: string): string {
  return reason
    .split('-')
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join('');
}
