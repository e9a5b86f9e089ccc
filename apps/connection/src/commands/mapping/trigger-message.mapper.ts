import type { Ocpp16, Ocpp201, OcppVersion } from '@app/ocpp';
import { type CallMapping, byVersion, call, refuse } from './call-mapping';
import { connectorId16, evse201 } from './evse-address';
import type { BodyOf } from './neutral-command.types';
import { compact, lookup, positive } from './payload-fields';

// Neutral trigger names are the 2.0.1 MessageTriggerEnumType names; the 1.6 names of the same
// messages are accepted too. Two need care in 1.6:
// - "LogStatusNotification" is the status of a log upload. A 1.6 upload started by GetDiagnostics
//   (get_log without request_id) reports DiagnosticsStatusNotification, which core TriggerMessage
//   triggers. An upload started by the security extension's GetLog reports the extension's
//   LogStatusNotification: name it "SecurityLogStatusNotification" (2.0.1: LogStatusNotification).
// - "SignChargingStationCertificate" (1.6: SignChargePointCertificate) exists only in the
//   security extension's ExtendedTriggerMessage.

type Trigger16 =
  | { readonly action: 'TriggerMessage'; readonly requestedMessage: Ocpp16.TriggerMessageRequest['requestedMessage'] }
  | { readonly action: 'ExtendedTriggerMessage'; readonly requestedMessage: Ocpp16.MessageTriggerEnumType };

const core = (requestedMessage: Ocpp16.TriggerMessageRequest['requestedMessage']): Trigger16 => ({ action: 'TriggerMessage', requestedMessage });
const extended = (requestedMessage: Ocpp16.MessageTriggerEnumType): Trigger16 => ({ action: 'ExtendedTriggerMessage', requestedMessage });

const triggers16: Readonly<Record<string, Trigger16>> = {
  BootNotification: core('BootNotification'),
  Heartbeat: core('Heartbeat'),
  StatusNotification: core('StatusNotification'),
  MeterValues: core('MeterValues'),
  FirmwareStatusNotification: core('FirmwareStatusNotification'),
  LogStatusNotification: core('DiagnosticsStatusNotification'),
  DiagnosticsStatusNotification: core('DiagnosticsStatusNotification'),
  SecurityLogStatusNotification: extended('LogStatusNotification'),
  SignChargingStationCertificate: extended('SignChargePointCertificate'),
  SignChargePointCertificate: extended('SignChargePointCertificate'),
};

const triggers201: Readonly<Record<string, Ocpp201.MessageTriggerEnumType>> = {
  BootNotification: 'BootNotification',
  Heartbeat: 'Heartbeat',
  StatusNotification: 'StatusNotification',
  MeterValues: 'MeterValues',
  FirmwareStatusNotification: 'FirmwareStatusNotification',
  LogStatusNotification: 'LogStatusNotification',
  DiagnosticsStatusNotification: 'LogStatusNotification',
  SecurityLogStatusNotification: 'LogStatusNotification',
  SignChargingStationCertificate: 'SignChargingStationCertificate',
  SignChargePointCertificate: 'SignChargingStationCertificate',
  SignV2GCertificate: 'SignV2GCertificate',
  SignCombinedCertificate: 'SignCombinedCertificate',
  TransactionEvent: 'TransactionEvent',
  PublishFirmwareStatusNotification: 'PublishFirmwareStatusNotification',
};

function trigger16(trigger: BodyOf<'triggerMessage'>): CallMapping {
  const target = lookup(triggers16, trigger.message);
  if (target === undefined) return refuse(`OCPP 1.6 cannot trigger "${trigger.message}"`);
  const connector = connectorId16(trigger.evseId, trigger.connectorId);
  if (!connector.ok) return connector;
  const connectorId = positive(connector.value);
  return target.action === 'TriggerMessage'
    ? call('1.6', 'TriggerMessage', compact({ requestedMessage: target.requestedMessage, connectorId }))
    : call('1.6', 'ExtendedTriggerMessage', compact({ requestedMessage: target.requestedMessage, connectorId }));
}

function trigger201(trigger: BodyOf<'triggerMessage'>): CallMapping {
  const requestedMessage = lookup(triggers201, trigger.message);
  if (requestedMessage === undefined) return refuse(`OCPP 2.0.1 cannot trigger "${trigger.message}"`);
  const evse = evse201(trigger.evseId, trigger.connectorId);
  return evse.ok ? call('2.0.1', 'TriggerMessage', compact({ requestedMessage, evse: evse.value })) : evse;
}

export function triggerMessageCall(version: OcppVersion, trigger: BodyOf<'triggerMessage'>): CallMapping {
  return byVersion(version, { '1.6': () => trigger16(trigger), '2.0.1': () => trigger201(trigger) });
}

