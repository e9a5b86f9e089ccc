import { type Server as HttpServer, type IncomingMessage, createServer as createHttpServer } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { type GatewayConfig, RUNTIME_CONFIG, type RuntimeConfig, SHUTDOWN_RESERVE_MS } from '@app/config';
import { HealthRegistry, IntervalLog, ROOT_LOGGER, inStationCallSpan } from '@app/observability';
import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown, type OnModuleDestroy } from '@nestjs/common';
import type { Logger } from 'pino';
import { WebSocketServer, type WebSocket } from 'ws';
import { StationEventEmitter, protocolByName } from '../station-events/station-event.emitter';
import { StationHistoryRecorder } from '../station-history/station-history.recorder';
import { connectedRecordOf, disconnectedRecordOf } from '../station-history/station-history.records';
import { CallHandlerRegistry } from './call-handler.registry';
import { GatewayMetrics } from './gateway.metrics';
import { StationConnections } from './station-connections';
import { CloseCode, StationConnection, type StationConnectionOptions } from './station-connection';
import { CrlFetcher } from './crl-fetcher';
import { RevokedConnectionCloser } from './revoked-connection-closer';
import { ServerCertificateKeeper } from './server-certificates/server-certificate-keeper';
import { gatewayTlsOptions } from './tls-options';
import { reloadTlsOnChange } from './tls-reloader';
import { infrastructureFailureOf } from './infrastructure-failure';
import { UpgradeAdmission } from './upgrade-admission';
import { type AcceptedUpgrade, UpgradeAuthenticator } from './upgrade-authenticator';
import { type AbuseTurnAwayReason, type TurnAwayReason, UpgradeRefusal, busyRefusal, drainingRefusal, tooManyRefusal, writeRefusal } from './upgrade-refusal';
import { TrustedProxies } from './abuse/client-address';
import { HandshakeWatch } from './abuse/handshake-watch';
import { type UpgradeAttempt, UpgradeGuard } from './abuse/upgrade-guard';
import { CallTimings } from './call-timings';
import { FAULT_LOG_INTERVAL_MS, WithheldAnswers } from './withheld-answers';
import { DRAIN_CLOSE, GatewayDrain } from './drain/gateway-drain';
import { DrainMetrics } from './drain/drain.metrics';

/** What a draining replica's refusal asks: come back at once, the balancer takes the station elsewhere (ADR 045). */
const DRAIN_RETRY_AFTER_SECONDS = 1;
/** Longest wait for a station's in-flight call beyond its durable acknowledgement's own deadline. */
const DRAIN_CALL_MARGIN_MS = 2000;

/**
 * The OCPP-J endpoint: ws:// (profile 1 and unsecured) and, when a server
 * certificate is configured, wss:// (profiles 2 and 3), both at
 * /ocpp/{stationId}, both protocol versions. On SIGTERM it drains: not ready,
 * new upgrades refused, stations closed in paced batches (ADR 045).
 */
@Injectable()
export class OcppGateway implements OnApplicationBootstrap, OnModuleDestroy, OnApplicationShutdown {
  private readonly config: GatewayConfig;
  private readonly logger: Logger;
  private readonly servers: HttpServer[] = [];
  private readonly negotiated = new WeakMap<IncomingMessage, string>();
  private readonly webSockets: WebSocketServer;
  private keepAlive: NodeJS.Timeout | undefined;
  private tlsReload: NodeJS.Timeout | undefined;
  private crlFetcher: CrlFetcher | undefined;
  private revokedCloser: RevokedConnectionCloser | undefined;
  private certificateKeeper: ServerCertificateKeeper | undefined;
  private readonly internalApiToken: string | undefined;
  private readonly admission: UpgradeAdmission;
  private readonly turnedAwayLog: IntervalLog;
  private readonly guard: UpgradeGuard;
  private readonly handshakes: HandshakeWatch;
  private readonly abuseLog: IntervalLog;
  private draining = false;
  private readonly drain: GatewayDrain;
  private readonly shutdownTimeoutMs: number;
  /** Disconnected events in flight: the drain ends once they are handed to the producer. */
  private readonly disconnectsPublishing = new Set<Promise<void>>();

  constructor(
    @Inject(RUNTIME_CONFIG) config: RuntimeConfig,
    @Inject(ROOT_LOGGER) logger: Logger,
    private readonly authenticator: UpgradeAuthenticator,
    private readonly handlers: CallHandlerRegistry,
    private readonly connections: StationConnections,
    private readonly events: StationEventEmitter,
    private readonly metrics: GatewayMetrics,
    private readonly history: StationHistoryRecorder,
    private readonly withheldAnswers: WithheldAnswers,
    private readonly callTimings: CallTimings,
    health: HealthRegistry,
    drainMetrics: DrainMetrics,
  ) {
    this.config = config.gateway;
    this.internalApiToken = config.internalApiToken;
    this.logger = logger.child({ component: 'gateway' });
    this.shutdownTimeoutMs = config.shutdownTimeoutMs;
    this.drain = new GatewayDrain({
      config: config.gateway.drain,
      callWaitMs: config.stationCore.durableAckTimeoutMs + DRAIN_CALL_MARGIN_MS,
      metrics: drainMetrics,
      logger: logger.child({ component: 'gateway-drain' }),
    });
    this.admission = new UpgradeAdmission(this.config.maxConcurrentUpgrades);
    metrics.observeUpgradesInProgress(() => this.admission.size);
    this.turnedAwayLog = new IntervalLog(this.logger, { message: 'stations turned away with 503 + Retry-After', intervalMs: FAULT_LOG_INTERVAL_MS, level: 'warn' });
    this.abuseLog = new IntervalLog(this.logger, { message: 'addresses or stations turned away with 429 + Retry-After or dropped in their handshake (ADR 040)', intervalMs: FAULT_LOG_INTERVAL_MS, level: 'warn' });
    const abuse = this.config.abuse;
    const proxies = new TrustedProxies(abuse.trustedProxies);
    this.guard = new UpgradeGuard(
      abuse,
      proxies,
      { onBlocked: (scope) => metrics.authBlocks.inc({ scope }), publishSummary: (stationId, type, techInfo) => events.securityEvent(stationId, type, techInfo) },
      this.logger,
    );
    this.handshakes = new HandshakeWatch({
      maxPendingPerAddress: abuse.maxPendingHandshakesPerAddress,
      timeoutMs: abuse.handshakeTimeoutMs,
      proxies,
      onRefused: (socket, reason) => this.refuseAbuse(socket, reason, this.config.retryAfterSeconds, { address: socket.remoteAddress ?? 'unknown', stationId: undefined }),
    });
    this.webSockets = new WebSocketServer({
      noServer: true,
      clientTracking: false,
      perMessageDeflate: false,
      maxPayload: this.config.maxFrameBytes,
      handleProtocols: (_offered, request) => this.negotiated.get(request) ?? false,
    });
    // Draining: not ready at once, so that the Service stops sending new upgrades here.
    health.register('ocpp-gateway', async () => ({
      ok: !this.draining && this.servers.length > 0 && this.servers.every((server) => server.listening),
      detail: this.draining ? `draining: ${this.connections.size} station(s) still connected` : `${this.connections.size} station(s) connected`,
    }));
  }

  async onApplicationBootstrap(): Promise<void> {
    this.guard.start();
    // OCPP_WS_ENABLED=false: nothing listens for plain ws:// (the configuration guarantees wss:// then).
    if (this.config.wsPort !== undefined) await this.listen('ws', createHttpServer(), this.config.wsPort);
    if (this.config.tls) {
      const tls = this.config.tls;
      let reloadNow = () => {};
      if (tls.crlFile !== undefined && tls.crlUrls.length > 0) {
        const closer = new RevokedConnectionCloser(this.connections, this.events, this.logger);
        this.revokedCloser = closer;
        this.crlFetcher = new CrlFetcher({
          urls: tls.crlUrls,
          file: tls.crlFile,
          refreshMs: tls.crlRefreshMs,
          logger: this.logger,
          onWritten: () => reloadNow(),
          onFetched: (crls) => closer.loaded(crls),
        });
        // Before listening: revoked certificates are refused from the first handshake when the PKI answers.
        await this.crlFetcher.start();
      }
      if (tls.serverCertificates && this.internalApiToken) {
        const [rsa, ec] = [0, 1].map((i) => ({ certFile: tls.certFiles[i] as string, keyFile: tls.keyFiles[i] as string }));
        this.certificateKeeper = new ServerCertificateKeeper({
          pkiUrl: tls.serverCertificates.pkiUrl,
          internalApiToken: this.internalApiToken,
          names: tls.serverCertificates.names,
          slots: [
            { keyType: 'rsa', ...(rsa as { certFile: string; keyFile: string }) },
            { keyType: 'ec', ...(ec as { certFile: string; keyFile: string }) },
          ],
          logger: this.logger,
          onWritten: () => reloadNow(),
        });
        // Before listening: wss:// opens with certificates of our PKI (it waits for them if there are none yet).
        await this.certificateKeeper.start();
      }
      // The TLS handshake gets the same deadline as the upgrade request that follows it (ADR 040).
      const secure = createHttpsServer({ ...gatewayTlsOptions(tls), handshakeTimeout: this.config.abuse.handshakeTimeoutMs });
      await this.listen('wss', secure, tls.port);
      const reloader = reloadTlsOnChange(secure, tls, this.logger);
      this.tlsReload = reloader.timer;
      reloadNow = reloader.check;
    }
    if (this.config.pingIntervalMs > 0) {
      this.keepAlive = setInterval(() => this.connections.forEach((connection) => connection.probe()), this.config.pingIntervalMs);
      this.keepAlive.unref();
    }
  }

  /**
   * SIGTERM, before any other module lets go of the database or the bus: hand every station over
   * to the other replicas, each once its in-flight calls are durable and answered, within
   * SHUTDOWN_TIMEOUT_MS less what the producers and pools need to close (ADR 045).
   */
  async onModuleDestroy(): Promise<void> {
    this.draining = true;
    const open: StationConnection[] = [];
    this.connections.forEach((connection) => open.push(connection));
    const deadline = Date.now() + this.shutdownTimeoutMs - SHUTDOWN_RESERVE_MS;
    await this.drain.run(open, deadline);
    // The disconnects release the stations' presence; a slow broker must not eat the reserve.
    let timer: NodeJS.Timeout | undefined;
    const outOfTime = new Promise<void>((resolve) => (timer = setTimeout(resolve, Math.max(0, deadline - Date.now()))));
    await Promise.race([Promise.allSettled([...this.disconnectsPublishing]), outOfTime]);
    clearTimeout(timer);
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.keepAlive);
    clearInterval(this.tlsReload);
    this.turnedAwayLog.flush();
    this.guard.stop();
    this.abuseLog.flush();
    this.crlFetcher?.stop();
    this.certificateKeeper?.stop();
    this.connections.forEach((connection) => connection.close(CloseCode.goingAway, 'CSMS shutting down'));
    await Promise.all(this.servers.map((server) => new Promise<void>((resolve) => server.close(() => resolve()))));
  }

  private async listen(scheme: 'ws' | 'wss', server: HttpServer, port: number): Promise<void> {
    server.on('request', (_request, response) => {
      response.writeHead(426, { Upgrade: 'websocket', 'Content-Type': 'text/plain' }).end('OCPP-J endpoint: connect with a WebSocket to /ocpp/{stationId}\n');
    });
    // The socket the HTTP parser reads: the TCP socket on ws://, the TLS socket once its handshake is done on wss://.
    server.on(scheme === 'ws' ? 'connection' : 'secureConnection', (socket: Socket) => this.handshakes.accepted(socket));
    server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => void this.upgrade(request, socket, head));
    server.on('tlsClientError', (error) => this.logger.debug({ err: error }, 'TLS handshake failed'));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      // A deep accept backlog: a boot storm opens thousands of sockets at once.
      server.listen({ port, host: this.config.host, backlog: 4096 }, () => resolve());
    });
    this.servers.push(server);
    this.logger.info({ url: `${scheme}://${this.config.host}:${port}/ocpp/{stationId}` }, 'OCPP endpoint listening');
  }

  private async upgrade(request: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    socket.on('error', () => socket.destroy());
    this.handshakes.requestReceived(request.socket);
    // Already refused at accept (too many handshakes from its address): the request came in while the refusal left.
    if (!socket.writable) return void socket.destroy();
    const decision = this.guard.admit(request);
    if (!decision.admitted) return this.refuseAbuse(socket, decision.reason, decision.retryAfterSeconds, decision.attempt);
    if (this.draining) return this.turnAway(socket, 'draining');
    const release = this.admission.tryEnter();
    if (!release) return this.turnAway(socket, 'admission-limit');
    let accepted: AcceptedUpgrade;
    try {
      accepted = await this.authenticator.authenticate(request);
    } catch (error) {
      if (!(error instanceof UpgradeRefusal)) return this.turnAway(socket, infrastructureFailureOf(error) === 'database-pool' ? 'registry-busy' : 'registry-unavailable', error);
      if (error.status === 401) this.guard.failed(decision.attempt);
      this.metrics.refusals.inc({ status: String(error.status) });
      return writeRefusal(socket, error);
    } finally {
      release();
    }
    this.guard.succeeded(decision.attempt);
    if (socket.destroyed) return;
    // The drain began while this station was being authenticated: it has already taken its snapshot.
    if (this.draining) return this.turnAway(socket, 'draining');
    this.negotiated.set(request, accepted.protocol);
    this.webSockets.handleUpgrade(request, socket, head, (webSocket) => this.attach(webSocket, accepted));
  }

  /** A retryable refusal: 503 + Retry-After, counted by reason, logged once per interval. */
  private turnAway(socket: Duplex, reason: TurnAwayReason, error?: unknown): void {
    this.metrics.turnedAway.inc({ reason });
    this.metrics.refusals.inc({ status: '503' });
    this.turnedAwayLog.record(reason, error === undefined ? { upgradesInProgress: this.admission.size } : { err: error });
    writeRefusal(socket, reason === 'draining' ? drainingRefusal(DRAIN_RETRY_AFTER_SECONDS) : busyRefusal(this.config.retryAfterSeconds));
  }

  /** A cheap refusal of one address or station (ADR 040): no lookup, no per-try security event. */
  private refuseAbuse(socket: Duplex, reason: AbuseTurnAwayReason, retryAfterSeconds: number, attempt: UpgradeAttempt): void {
    this.metrics.turnedAway.inc({ reason });
    this.abuseLog.record(reason, { address: attempt.address, stationId: attempt.stationId });
    if (reason === 'handshake-timeout') return;
    this.metrics.refusals.inc({ status: '429' });
    writeRefusal(socket, tooManyRefusal(retryAfterSeconds, 'too many attempts; try again later'));
  }

  private attach(webSocket: WebSocket, accepted: AcceptedUpgrade): void {
    const logger = this.logger.child({ stationId: accepted.stationId, protocol: accepted.protocol });
    const connection = new StationConnection(accepted.stationId, accepted.protocol, accepted.securityProfile, webSocket, {
      callTimeoutMs: this.config.callTimeoutMs,
      logger,
      onFrame: (direction) => (direction === 'sent' ? this.metrics.framesSent : this.metrics.framesReceived).inc({ protocol: accepted.protocol }),
      handleCall: (action, payload) =>
        inStationCallSpan(action, accepted.stationId, () =>
          this.callTimings.time(action, () => this.withheldAnswers.run(action, () => this.handlers.dispatch({ ...accepted, logger }, action, payload))),
        ),
      onClose: (closed, code, reason) => this.detach(closed, code, reason, logger),
      onFault: (fault) => this.withheldAnswers.recordFault(accepted.stationId, fault),
      clientCertificate: accepted.clientCertificate,
      messageRate: this.messageRateOptions(),
    });
    this.connections.add(connection)?.close(CloseCode.normal, 'replaced by a newer connection of the same station');
    logger.info({ securityProfile: accepted.securityProfile }, 'station connected');
    this.history.connection(connectedRecordOf(accepted, this.events.replicaId, connection.connectedAt));
    void this.events
      .connected(accepted.stationId, {
        protocol: protocolByName[accepted.protocol] ?? 0,
        securityProfile: accepted.securityProfile,
        minimumSecurityProfile: accepted.minimumSecurityProfile,
      })
      .catch((error: unknown) => logger.error({ err: error }, 'could not publish the connected event'));
    this.revokedCloser?.accepted(connection);
    // Accepted while the drain took its snapshot: it would otherwise stay until the process exits.
    if (this.draining) void connection.drain(DRAIN_CLOSE.code, DRAIN_CLOSE.reason, 0);
  }

  private messageRateOptions(): StationConnectionOptions['messageRate'] {
    const { messages, messageRateCloseMs } = this.config.abuse;
    if (messages.perSecond === 0) return undefined;
    return {
      limit: messages,
      closeAfterMs: messageRateCloseMs,
      onHeld: () => this.metrics.messageRate.inc({ outcome: 'held' }),
      onClosed: () => this.metrics.messageRate.inc({ outcome: 'closed' }),
    };
  }

  private detach(connection: StationConnection, code: number, reason: string, logger: Logger): void {
    const current = this.connections.remove(connection);
    logger.info({ code, reason, replaced: !current }, 'station disconnected');
    this.history.connection(disconnectedRecordOf(connection, this.events.replicaId, new Date(), { code, reason, replaced: !current }));
    // A replaced connection's end is no news: the station is connected (its newer connection was announced).
    if (!current) return;
    const published: Promise<void> = this.events
      .disconnected(connection.stationId, `closed (${code})`)
      .then(
        () => undefined,
        (error: unknown) => logger.error({ err: error }, 'could not publish the disconnected event'),
      )
      .finally(() => this.disconnectsPublishing.delete(published));
    this.disconnectsPublishing.add(published);
  }
}
