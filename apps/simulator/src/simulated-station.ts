import type { JsonObject, OcppVersion } from '@app/ocpp';
import type { ConnectionSettings } from './connection/connection-settings';
import { BasicAuthPassword } from './connection/basic-auth-password';
import { type NetworkSlot, NetworkProfiles, parsePriority } from './connection/network-profiles';
import { StationLink } from './connection/station-link';
import { LocalAuthList } from './authorization/local-auth-list';
import { ocpp16Dialect } from './dialect/ocpp16.dialect';
import { ocpp201Dialect } from './dialect/ocpp201.dialect';
import type { ExternalLimit, StationDialect } from './dialect/station-dialect';
import { CustomerDataStore } from './customer-data/customer-data.store';
import { DisplayMessageStore } from './display/display-message.store';
import { callDispatcher } from './handlers/call-dispatcher';
import type { AvailabilityChange, StationControl } from './handlers/station-control';
import { type ConnectorFault, faultNotification } from './monitoring/connector-fault';
import { StationMonitoring } from './monitoring/station-monitoring';
import { initialSettings } from './provisioning/initial-settings';
import { Registration } from './provisioning/registration';
import { ReservationBook, type StationReservation } from './reservations/reservation-book';
import { StationSettings } from './provisioning/station-settings';
import { CertificateStore } from './security/certificate.store';
import type { LimitSource, RateUnit } from './smart-charging/charging-profile';
import { ChargingProfileStore } from './smart-charging/charging-profile.store';
import type { ChargingRate } from './smart-charging/charging-rate';
import type { CompositeSchedule } from './smart-charging/composite-schedule';
import { ExternalLimits } from './smart-charging/external-limits';
import { StationError, StationErrorCode } from './station/station.error';
import { type StationCounters, countEvents } from './station/station-counters';
import { StationEvents } from './station/station-events';
import type {
  ActiveTransaction,
  AuthorizationStatus,
  BootReason,
  BootResult,
  ConnectorStatus,
  MeterSample,
  MeterTrigger,
  RegistrationStatus,
  StopReason,
} from './station/station-model';
import { type ResolvedStationOptions, type StationOptions, resolveStationOptions } from './station/station-options';
import type { PowerDraw } from './transactions/delivered-power';
import { type StartRequest, TransactionRunner } from './transactions/transaction.runner';

/** The CSMS root as each version names it in InstallCertificate. */
const CSMS_ROOT_TYPES = ['CSMSRootCertificate', 'CentralSystemRootCertificate'];

const dialects: Readonly<Record<OcppVersion, StationDialect>> = { '1.6': ocpp16Dialect, '2.0.1': ocpp201Dialect };

/**
 * One simulated charging station (OCPP 1.6J or 2.0.1): connects like a real one, runs scenario
 * steps when asked (each awaitable; failures reject with a StationError), answers every CSMS
 * call with a schema-valid response, keeps charging profiles and meters energy under them.
 * Never prints; reports through `events` and `counters`.
 */
export class SimulatedStation implements StationControl {
  readonly id: string;
  readonly version: OcppVersion;
  readonly events = new StationEvents();
  readonly counters: StationCounters = countEvents(this.events);
  readonly settings: StationSettings;
  readonly profiles: ChargingProfileStore;
  readonly certificates: CertificateStore;
  readonly networkProfiles: NetworkProfiles;
  readonly basicAuthPassword: BasicAuthPassword;
  readonly displayMessages = new DisplayMessageStore();
  readonly customerData = new CustomerDataStore();
  readonly publishedFirmware = new Set<string>();
  readonly monitoring: StationMonitoring;
  readonly reservations: ReservationBook;

  readonly localList: LocalAuthList;
  private readonly options: ResolvedStationOptions;
  private readonly link: StationLink;
  private readonly registration: Registration;
  private readonly transactions: TransactionRunner;
  private readonly externalLimits: ExternalLimits;

  constructor(options: StationOptions) {
    this.options = resolveStationOptions(options);
    this.id = options.id;
    this.version = options.version;
    const dialect = dialects[options.version];
    const { cert, key } = options.connection;
    this.certificates = new CertificateStore(cert && key ? { certPem: cert, keyPem: key } : undefined);
    this.settings = new StationSettings(initialSettings(this.options, dialect.allowedRateUnits));
    this.networkProfiles = new NetworkProfiles(options.connection.url);
    this.basicAuthPassword = new BasicAuthPassword(options.connection.password);
    this.localList = new LocalAuthList(this.options.localList);
    this.profiles = new ChargingProfileStore({
      evseCount: this.options.evseCount,
      transactionOn: (evseId) => this.transactionIdOn(evseId),
      beforeChange: () => this.transactions.settle(),
    });
    this.link = new StationLink({
      stationId: this.id,
      version: this.version,
      callTimeoutMs: this.options.callTimeoutMs,
      events: this.events,
      handleCall: callDispatcher(this.version, this),
      onClosed: () => this.registration.reset(),
    });
    const context = { options: this.options, dialect, link: this.link, events: this.events, settings: this.settings, profiles: this.profiles };
    this.registration = new Registration(context);
    this.transactions = new TransactionRunner(context);
    this.externalLimits = new ExternalLimits(context, (evseId) => this.profilesChanged(evseId));
    this.monitoring = new StationMonitoring(this.settings, this.options.evseCount, (action, payload) => this.link.call(action, payload), () => this.now());
    this.reservations = new ReservationBook({ now: () => this.now(), onExpired: (reservation) => this.reservationExpired(reservation) });
  }

  get stationId(): string {
    return this.id;
  }

  get evseCount(): number {
    return this.options.evseCount;
  }

  get isConnected(): boolean {
    return this.link.isOpen;
  }

  get registrationStatus(): RegistrationStatus | undefined {
    return this.registration.status;
  }

  now(): number {
    return this.options.now();
  }

  /**
   * Opens the WebSocket; rejects with StationError InvalidSettings or ConnectFailed. A 2.0.1
   * station tries its network profiles in NetworkConfigurationPriority order and falls back to
   * the next one when a slot fails (B10); a 1.6 station has its one URL.
   */
  async connect(): Promise<void> {
    if (this.version === '1.6') return this.link.open(this.connectionSettingsFor({ url: this.url16() }));
    const priority = parsePriority(this.settings.value('NetworkConfigurationPriority')) ?? [];
    const candidates = this.networkProfiles.candidates(priority);
    let failure: unknown = new StationError(StationErrorCode.InvalidSettings, 'no network profile in NetworkConfigurationPriority');
    for (const { number, slot } of candidates) {
      try {
        await this.link.open(this.connectionSettingsFor(slot));
        this.networkProfiles.connectedOn(number);
        return;
      } catch (error) {
        failure = error;
      }
    }
    throw failure;
  }

  disconnect(code = 1000, reason = 'station disconnecting'): Promise<void> {
    return this.link.close(code, reason);
  }

  async reconnect(): Promise<void> {
    await this.disconnect(1001, 'station reconnecting');
    await this.connect();
  }

  /** Disconnects and stops every timer; transactions are dropped without messages. */
  async dispose(): Promise<void> {
    this.transactions.halt();
    this.reservations.clear();
    this.registration.reset();
    await this.disconnect(1001, 'station going away');
  }

  /** BootNotification until Accepted (waiting the returned interval after Pending/Rejected), then heartbeats. */
  boot(reason: BootReason = 'PowerUp'): Promise<BootResult> {
    return this.registration.boot(reason);
  }

  heartbeat(): Promise<void> {
    return this.registration.heartbeat();
  }

  /** StatusNotification for one connector/EVSE or all of them (default: Available everywhere). */
  sendStatus(status: ConnectorStatus = 'Available', evseId?: number): Promise<void> {
    return this.transactions.report(status, evseId, true);
  }

  /** Authorize; resolves with the status the CSMS gave ("Accepted", "Invalid", ...). */
  async authorize(idToken: string): Promise<AuthorizationStatus> {
    const message = dialects[this.version].authorize(idToken);
    return dialects[this.version].authorizationOf(await this.link.call(message.action, message.payload));
  }

  /**
   * Starts charging: 1.6 StartTransaction (using the CSMS's transactionId), 2.0.1 TransactionEvent
   * Started; a reservation the token holds there is named in it and used once the CSMS accepts.
   */
  async startTransaction(request: StartRequest): Promise<ActiveTransaction> {
    const evseId = request.evseId ?? this.freeEvse();
    const reservation = evseId === undefined ? undefined : this.reservations.heldFor(evseId, request.idToken);
    const transaction = await this.transactions.start({ ...request, evseId, reservationId: reservation?.id });
    if (reservation) this.reservations.use(reservation.id);
    return transaction;
  }

  /** Stops charging: 1.6 StopTransaction with meterStop, 2.0.1 TransactionEvent Ended; then Available. */
  stopTransaction(evseId = 1, reason: StopReason = 'Local'): Promise<void> {
    return this.transactions.stop(evseId, reason);
  }

  /** Sends a meter value now (the periodic ones go every MeterValueSampleInterval seconds by themselves). */
  sendMeterValues(evseId = 1, trigger: MeterTrigger = 'Trigger'): Promise<void> {
    return this.transactions.sendMeterValues(evseId, trigger);
  }

  /** Sends any CALL (validated against its schema); resolves with the CSMS's response. */
  call(action: string, payload: object): Promise<JsonObject> {
    return this.link.call(action, payload);
  }

  send(action: string, payload: object): Promise<JsonObject> {
    return this.link.call(action, payload);
  }

  transactionIdOn(evseId: number): string | undefined {
    return this.transactions.transactionIdOn(evseId);
  }

  evseOfTransaction(transactionId: string): number | undefined {
    return this.transactions.findTransaction(transactionId)?.id;
  }

  freeEvse(): number | undefined {
    return this.transactions.evses.find((evse) => evse.isFree)?.id;
  }

  isFree(evseId: number): boolean {
    return this.transactions.evse(evseId)?.isFree ?? false;
  }

  /** What flows on a connector/EVSE right now. */
  currentDraw(evseId = 1): PowerDraw | undefined {
    return this.transactions.evse(evseId)?.currentDraw;
  }

  /**
   * A connector/EVSE's meter brought up to now: the energy register and what it draws at this very
   * instant (a test's 1 Hz sampling of the fleet; `currentDraw` is as of the last meter value).
   */
  meterNow(evseId = 1): MeterSample {
    return this.transactions.meterNow(evseId);
  }

  /** The limit in force on a connector/EVSE now: hardware capability capped by the profiles. */
  limitOn(evseId = 1): ChargingRate {
    return this.transactions.limitOn(evseId, this.now());
  }

  compositeSchedule(evseId: number, durationS: number, unit: RateUnit): CompositeSchedule {
    return this.transactions.compositeSchedule(evseId, durationS, unit);
  }

  /**
   * Makes the station ignore its charging profiles by `amps` per phase from now on (0: obey them
   * again); the draw follows at once and a 2.0.1 station reports the changed rate.
   */
  setOverdraw(amps: number): Promise<void> {
    if (!(amps >= 0) || !Number.isFinite(amps)) return Promise.reject(new StationError(StationErrorCode.InvalidSettings, `overdraw must be a finite number of amperes ≥ 0, not ${amps}`));
    return this.transactions.overdraw(amps);
  }

  profilesChanged(evseId: number): Promise<void> {
    return this.transactions.profilesChanged(evseId);
  }

  /**
   * A limit from outside the CSMS (site energy manager, grid operator) comes into force: the
   * station obeys it at once (a ChargingStationExternalConstraints profile) and, in 2.0.1, sends
   * NotifyChargingLimit with its schedule. A new limit from the same source and EVSE replaces it.
   */
  notifyChargingLimit(limit: ExternalLimit): Promise<void> {
    return this.externalLimits.apply(limit);
  }

  /** The limit from `source` on `evseId` (0: the station) is lifted; 2.0.1 sends ClearedChargingLimit. */
  clearChargingLimit(source: LimitSource, evseId = 0): Promise<void> {
    return this.externalLimits.lift(source, evseId);
  }

  /** The connector/EVSE reports a fault: 1.6 StatusNotification Faulted with its error code, 2.0.1 Faulted. */
  async reportFault(evseId: number, fault: ConnectorFault): Promise<void> {
    const message = faultNotification(this.version, evseId, fault, this.now());
    await this.link.call(message.action, message.payload);
  }

  /** The fault is over: the connector/EVSE reports its status again (1.6 errorCode NoError). */
  clearFault(evseId: number): Promise<void> {
    return this.transactions.report(undefined, evseId, true);
  }

  reportStatus(status: ConnectorStatus | undefined, evseId?: number): Promise<void> {
    return this.transactions.report(status, evseId, true);
  }

  changeAvailability(evseId: number, operative: boolean): AvailabilityChange {
    const targets = evseId === 0 ? this.transactions.evses : this.transactions.evses.filter((evse) => evse.id === evseId);
    if (targets.length === 0) return 'Rejected';
    targets.forEach((evse) => (evse.operative = operative));
    const idle = targets.filter((evse) => evse.transaction === undefined);
    this.afterAnswer(async () => {
      for (const evse of idle) await this.transactions.report(operative ? 'Available' : 'Unavailable', evse.id);
    });
    return idle.length === targets.length ? 'Accepted' : 'Scheduled';
  }

  reset(hard: boolean, whenIdle = false): 'Accepted' | 'Scheduled' {
    if (this.options.resetBehaviour === 'acknowledge') return 'Accepted';
    const reboot = async (): Promise<void> => {
      for (const evse of this.transactions.evses) if (evse.transaction) await this.stopTransaction(evse.id, hard ? 'HardReset' : 'SoftReset');
      await this.reconnect();
      await this.boot('RemoteReset');
      await this.reportStatus(undefined);
    };
    if (!whenIdle || !this.transactions.busy) {
      this.afterAnswer(reboot);
      return 'Accepted';
    }
    const unsubscribe = this.events.on('transactionStopped', () => {
      if (this.transactions.busy) return;
      unsubscribe();
      this.afterAnswer(reboot);
    });
    return 'Scheduled';
  }

  async signCertificate(): Promise<void> {
    const organization = this.settings.value('CpoName') || this.options.organization;
    const csr = this.certificates.requestSigning(this.options.identity.serialNumber, organization);
    await this.link.call('SignCertificate', { csr });
  }

  afterAnswer(task: () => Promise<unknown>): void {
    setImmediate(() => {
      task().catch((error: unknown) =>
        this.events.emit('protocolIssue', { code: 'follow-up-failed', description: error instanceof Error ? error.message : String(error) }),
      );
    });
  }

  /** A reservation ran out unused: a 2.0.1 station tells the CSMS (ReservationStatusUpdate Expired). */
  private reservationExpired(reservation: StationReservation): void {
    const message = dialects[this.version].reservationExpired(reservation.id);
    if (message !== undefined && this.link.isOpen) this.afterAnswer(() => this.link.call(message.action, message.payload));
  }

  /** A 1.6 station has one endpoint; on SecurityProfile 2 or 3 it reaches it over TLS (no fallback: TC_083_CS). */
  private url16(): string {
    const { url, secureUrl } = this.options.connection;
    return this.settings.integer('SecurityProfile') >= 2 ? (secureUrl ?? url.replace(/^ws:/i, 'wss:')) : url;
  }

  /**
   * The configured credentials with the slot's URL and profile (the configured slot: the
   * SecurityProfile setting). The CSMS roots installed by InstallCertificate are trusted for TLS
   * besides the configured CA bundle, so installing the root is what lets a station move to wss.
   */
  connectionSettingsFor(slot: NetworkSlot): ConnectionSettings {
    const configured = this.options.connection;
    const profile = Number(this.settings.value('SecurityProfile'));
    const configuredProfile = slot.securityProfile ?? ([0, 1, 2, 3] as const).find((candidate) => candidate === profile) ?? configured.securityProfile;
    // 2.0.1 has no profile without Basic auth: a station the CSMS gave a BasicAuthPassword presents it (A01).
    const securityProfile = configuredProfile === 0 && this.version === '2.0.1' && this.basicAuthPassword.value !== undefined ? 1 : configuredProfile;
    const identity = this.certificates.clientIdentity();
    const roots = this.certificates.list(CSMS_ROOT_TYPES).map((entry) => entry.pem);
    const ca = roots.length === 0 ? configured.ca : [configured.ca, ...roots].filter((pem) => pem !== undefined).join('\n');
    return { ...configured, url: slot.url, securityProfile, password: this.basicAuthPassword.value, ca, cert: identity?.certPem, key: identity?.keyPem };
  }
}
