import type { Ocpp16, Ocpp201 } from '@app/ocpp';
import type { HandlerTable } from './handler-table';
import type { StationControl } from './station-control';

type TriggerStatus = 'Accepted' | 'Rejected' | 'NotImplemented';

/** What a triggered message sends, once the answer is out; undefined = not supported. */
type TriggeredSend = (station: StationControl, evseId: number | undefined) => Promise<unknown>;

const evsesOf = (station: StationControl, evseId: number | undefined): number[] =>
  evseId === undefined ? Array.from({ length: station.evseCount }, (_, index) => index + 1) : [evseId];

async function eachEvse(station: StationControl, evseId: number | undefined, send: (evseId: number) => Promise<unknown>): Promise<void> {
  for (const id of evsesOf(station, evseId)) await send(id);
}

const common: Readonly<Record<'BootNotification' | 'Heartbeat' | 'StatusNotification' | 'MeterValues', TriggeredSend>> = {
  BootNotification: (station) => station.boot('Triggered'),
  Heartbeat: (station) => station.heartbeat(),
  StatusNotification: (station, evseId) => station.reportStatus(undefined, evseId),
  MeterValues: (station, evseId) => eachEvse(station, evseId, (id) => station.sendMeterValues(id, 'Trigger')),
};

const triggers16: Readonly<Record<Ocpp16.ExtendedTriggerMessageRequest['requestedMessage'] | Ocpp16.TriggerMessageRequest['requestedMessage'], TriggeredSend | undefined>> = {
  ...common,
  DiagnosticsStatusNotification: (station) => station.send('DiagnosticsStatusNotification', { status: 'Idle' } satisfies Ocpp16.DiagnosticsStatusNotificationRequest),
  FirmwareStatusNotification: (station) => station.send('FirmwareStatusNotification', { status: 'Idle' } satisfies Ocpp16.FirmwareStatusNotificationRequest),
  LogStatusNotification: (station) => station.send('LogStatusNotification', { status: 'Idle' } satisfies Ocpp16.LogStatusNotificationRequest),
  SignChargePointCertificate: (station) => station.signCertificate(),
};

const triggers201: Readonly<Record<Ocpp201.MessageTriggerEnumType, TriggeredSend | undefined>> = {
  ...common,
  FirmwareStatusNotification: (station) => station.send('FirmwareStatusNotification', { status: 'Idle' } satisfies Ocpp201.FirmwareStatusNotificationRequest),
  LogStatusNotification: (station) => station.send('LogStatusNotification', { status: 'Idle' } satisfies Ocpp201.LogStatusNotificationRequest),
  PublishFirmwareStatusNotification: (station) =>
    station.send('PublishFirmwareStatusNotification', { status: 'Idle' } satisfies Ocpp201.PublishFirmwareStatusNotificationRequest),
  SignChargingStationCertificate: (station) => station.signCertificate(),
  TransactionEvent: (station, evseId) =>
    eachEvse(station, evseId, async (id) => (station.transactionIdOn(id) === undefined ? undefined : station.sendMeterValues(id, 'Trigger'))),
  SignV2GCertificate: undefined,
  SignCombinedCertificate: undefined,
};

function trigger(station: StationControl, send: TriggeredSend | undefined, evseId: number | undefined): TriggerStatus {
  if (send === undefined) return 'NotImplemented';
  if (evseId !== undefined && (evseId < 0 || evseId > station.evseCount)) return 'Rejected';
  const target = evseId === 0 ? undefined : evseId;
  station.afterAnswer(() => send(station, target));
  return 'Accepted';
}

function hasTransaction(station: StationControl, evseId: number | undefined): boolean {
  return evsesOf(station, evseId === 0 ? undefined : evseId).some((id) => station.transactionIdOn(id) !== undefined);
}

/** TriggerMessage (and the 1.6 security extension's ExtendedTriggerMessage): answer, then send. */
export const remoteTrigger16: HandlerTable<'1.6'> = {
  TriggerMessage: (request, station) => ({ status: trigger(station, triggers16[request.requestedMessage], request.connectorId) }),
  ExtendedTriggerMessage: (request, station) => ({ status: trigger(station, triggers16[request.requestedMessage], request.connectorId) }),
};

export const remoteTrigger201: HandlerTable<'2.0.1'> = {
  TriggerMessage: (request, station) => {
    const evseId = request.evse?.id;
    if (request.requestedMessage === 'TransactionEvent' && !hasTransaction(station, evseId)) return { status: 'Rejected' };
    return { status: trigger(station, triggers201[request.requestedMessage], evseId) };
  },
};
