import type { Ocpp16, Ocpp201 } from '@app/ocpp';
import { lookup } from './payload-fields';

/** The version-neutral outcome vocabulary every command result's `status` uses. */
export type NeutralStatus = 'Accepted' | 'Scheduled' | 'RebootRequired' | 'Rejected' | 'NotSupported' | 'NotFound' | 'Failed' | 'VersionMismatch';

type StatusOf<R> = R extends { status: infer S extends string } ? S : never;

type StatusActions16 =
  | 'RemoteStartTransaction' | 'RemoteStopTransaction' | 'Reset' | 'UnlockConnector' | 'ChangeAvailability' | 'TriggerMessage'
  | 'ExtendedTriggerMessage' | 'ChangeConfiguration' | 'SetChargingProfile' | 'ClearChargingProfile' | 'GetCompositeSchedule'
  | 'ClearCache' | 'SignedUpdateFirmware' | 'GetLog' | 'CertificateSigned' | 'InstallCertificate' | 'DeleteCertificate'
  | 'GetInstalledCertificateIds' | 'DataTransfer' | 'SendLocalList' | 'ReserveNow' | 'CancelReservation';
type StatusActions201 =
  | 'RequestStartTransaction' | 'RequestStopTransaction' | 'Reset' | 'UnlockConnector' | 'ChangeAvailability' | 'TriggerMessage'
  | 'SetChargingProfile' | 'ClearChargingProfile' | 'GetCompositeSchedule' | 'ClearCache' | 'UpdateFirmware' | 'GetLog'
  | 'CertificateSigned' | 'InstallCertificate' | 'DeleteCertificate' | 'GetInstalledCertificateIds' | 'DataTransfer' | 'SendLocalList'
  | 'GetChargingProfiles' | 'ReserveNow' | 'CancelReservation';

/** Every status a station can answer to the commands we map, read from the generated OCA types. */
export type StationStatus =
  | StatusOf<Ocpp16.ResponseByAction[StatusActions16]>
  | StatusOf<Ocpp201.ResponseByAction[StatusActions201]>
  | Ocpp201.GetVariableStatusEnumType
  | Ocpp201.SetVariableStatusEnumType;

/**
 * Success means the station took the command on: it did it (Accepted, Unlocked), will do it as
 * soon as it can (Scheduled: after the running transaction), did it and replaced an earlier
 * request (AcceptedCanceled), or stored it to apply after a reboot (RebootRequired).
 * Everything else is a refusal, sorted by why.
 */
const neutralStatusOf: Readonly<Record<StationStatus, NeutralStatus>> = {
  Accepted: 'Accepted',
  AcceptedCanceled: 'Accepted',
  Unlocked: 'Accepted',
  Scheduled: 'Scheduled',
  RebootRequired: 'RebootRequired',
  Rejected: 'Rejected',
  // ReserveNow's refusals, by why: the station's own status keeps the reason.
  Faulted: 'Rejected',
  Occupied: 'Rejected',
  Unavailable: 'Rejected',
  OngoingAuthorizedTransaction: 'Rejected',
  InvalidCertificate: 'Rejected',
  RevokedCertificate: 'Rejected',
  NotSupported: 'NotSupported',
  NotImplemented: 'NotSupported',
  NotSupportedAttributeType: 'NotSupported',
  UnknownMessageId: 'NotSupported',
  UnknownVendorId: 'NotSupported',
  NotFound: 'NotFound',
  Unknown: 'NotFound',
  NoProfiles: 'NotFound',
  UnknownConnector: 'NotFound',
  UnknownComponent: 'NotFound',
  UnknownVariable: 'NotFound',
  Failed: 'Failed',
  UnlockFailed: 'Failed',
  VersionMismatch: 'VersionMismatch',
};

const successes: ReadonlySet<NeutralStatus> = new Set<NeutralStatus>(['Accepted', 'Scheduled', 'RebootRequired']);

export interface NormalisedStatus {
  readonly status: NeutralStatus;
  readonly accepted: boolean;
}

/** A station status in the neutral vocabulary; a status no mapped action defines counts as Rejected. */
export function normaliseStatus(stationStatus: string): NormalisedStatus {
  const status = lookup(neutralStatusOf, stationStatus) ?? 'Rejected';
  return { status, accepted: successes.has(status) };
}
