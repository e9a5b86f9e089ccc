import type { JsonObject } from '@app/ocpp';
import type { ConnectionSettings } from '../connection/connection-settings';
import type { CustomerDataStore } from '../customer-data/customer-data.store';
import type { DisplayMessageStore } from '../display/display-message.store';
import type { LocalAuthList } from '../authorization/local-auth-list';
import type { BasicAuthPassword } from '../connection/basic-auth-password';
import type { NetworkProfiles, NetworkSlot } from '../connection/network-profiles';
import type { StationMonitoring } from '../monitoring/station-monitoring';
import type { StationSettings } from '../provisioning/station-settings';
import type { ReservationBook } from '../reservations/reservation-book';
import type { CertificateStore } from '../security/certificate.store';
import type { RateUnit } from '../smart-charging/charging-profile';
import type { ChargingProfileStore } from '../smart-charging/charging-profile.store';
import type { CompositeSchedule } from '../smart-charging/composite-schedule';
import type { StartRequest } from '../transactions/transaction.runner';
import type { ActiveTransaction, AuthorizationStatus, BootReason, ConnectorStatus, MeterTrigger, StopReason } from '../station/station-model';

export type AvailabilityChange = 'Accepted' | 'Scheduled' | 'Rejected';

/**
 * What the handlers of CSMS-initiated calls may do to a station. Handlers translate a version's
 * request into these operations and the outcome back into that version's response.
 */
export interface StationControl {
  readonly stationId: string;
  readonly evseCount: number;
  readonly settings: StationSettings;
  readonly profiles: ChargingProfileStore;
  readonly certificates: CertificateStore;
  /** 2.0.1 display messages, customer data and the firmware a local controller publishes (MD5 checksums). */
  readonly displayMessages: DisplayMessageStore;
  readonly customerData: CustomerDataStore;
  readonly publishedFirmware: Set<string>;
  /** 2.0.1 variable monitors and the values they watch. */
  readonly monitoring: StationMonitoring;
  /** 2.0.1 network connection profiles (SetNetworkProfile slots). */
  readonly networkProfiles: NetworkProfiles;
  /** The Basic-auth password it connects with (BasicAuthPassword / AuthorizationKey set it). */
  readonly basicAuthPassword: BasicAuthPassword;
  /** How the station would connect through `slot`: its credentials and TLS trust with the slot's URL and profile. */
  connectionSettingsFor(slot: NetworkSlot): ConnectionSettings;
  /** Reservations held (ReserveNow / CancelReservation). */
  readonly reservations: ReservationBook;
  /** The local authorisation list (SendLocalList / GetLocalListVersion). */
  readonly localList: LocalAuthList;
  now(): number;
  /** The CSMS-visible transaction id on a connector/EVSE. */
  transactionIdOn(evseId: number): string | undefined;
  /** The connector/EVSE running the transaction with this id. */
  evseOfTransaction(transactionId: string): number | undefined;
  /** The first connector/EVSE that can start a transaction. */
  freeEvse(): number | undefined;
  isFree(evseId: number): boolean;
  /** Runs `task` once the current CALLRESULT has been sent; its failure is reported, not thrown. */
  afterAnswer(task: () => Promise<unknown>): void;
  authorize(idToken: string): Promise<AuthorizationStatus>;
  startTransaction(request: StartRequest): Promise<ActiveTransaction>;
  stopTransaction(evseId: number, reason: StopReason): Promise<void>;
  /** Marks connectors operative or not (0: all); Scheduled when a transaction runs there. */
  changeAvailability(evseId: number, operative: boolean): AvailabilityChange;
  /**
   * Restart as Reset asks (after the answer): stop transactions, reconnect, boot. With
   * `whenIdle` (2.0.1 OnIdle) and transactions running, waits until they end: Scheduled.
   */
  reset(hard: boolean, whenIdle?: boolean): 'Accepted' | 'Scheduled';
  reportStatus(status: ConnectorStatus | undefined, evseId?: number): Promise<void>;
  sendMeterValues(evseId: number, trigger: MeterTrigger): Promise<void>;
  boot(reason: BootReason): Promise<unknown>;
  heartbeat(): Promise<void>;
  profilesChanged(evseId: number): Promise<void>;
  compositeSchedule(evseId: number, durationS: number, unit: RateUnit): CompositeSchedule;
  /** A new key and CSR, sent in SignCertificate. */
  signCertificate(): Promise<void>;
  /** Sends a CALL built by a handler of this station's version. */
  send(action: string, payload: object): Promise<JsonObject>;
}
