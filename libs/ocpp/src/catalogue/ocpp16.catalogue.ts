import type { ActionOf } from '../messages';
import type { Initiator } from './initiator';

/**
 * Every OCPP 1.6 action (core profile set plus the 1.6 security extension) and who sends its CALL.
 * Typed against the generated action list, so the compiler rejects a missing or unknown action.
 */
export const ocpp16Catalogue: Readonly<Record<ActionOf<'1.6'>, Initiator>> = {
  // Charge point → central system
  Authorize: 'station',
  BootNotification: 'station',
  DiagnosticsStatusNotification: 'station',
  FirmwareStatusNotification: 'station',
  Heartbeat: 'station',
  MeterValues: 'station',
  StartTransaction: 'station',
  StatusNotification: 'station',
  StopTransaction: 'station',
  // Security extension, charge point → central system
  LogStatusNotification: 'station',
  SecurityEventNotification: 'station',
  SignCertificate: 'station',
  SignedFirmwareStatusNotification: 'station',
  // Either way
  DataTransfer: 'both',
  // Central system → charge point
  CancelReservation: 'csms',
  ChangeAvailability: 'csms',
  ChangeConfiguration: 'csms',
  ClearCache: 'csms',
  ClearChargingProfile: 'csms',
  GetCompositeSchedule: 'csms',
  GetConfiguration: 'csms',
  GetDiagnostics: 'csms',
  GetLocalListVersion: 'csms',
  RemoteStartTransaction: 'csms',
  RemoteStopTransaction: 'csms',
  ReserveNow: 'csms',
  Reset: 'csms',
  SendLocalList: 'csms',
  SetChargingProfile: 'csms',
  TriggerMessage: 'csms',
  UnlockConnector: 'csms',
  UpdateFirmware: 'csms',
  // Security extension, central system → charge point
  CertificateSigned: 'csms',
  DeleteCertificate: 'csms',
  ExtendedTriggerMessage: 'csms',
  GetInstalledCertificateIds: 'csms',
  GetLog: 'csms',
  InstallCertificate: 'csms',
  SignedUpdateFirmware: 'csms',
};
