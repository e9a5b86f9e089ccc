import { OcppErrorKind, OcppRpcError, WithholdResponse } from '@app/ocpp';
import pino from 'pino';
import { CustomerInformationHandlers } from '../customer-information/customer-information.handlers';
import type { CustomerInformationRepository } from '../customer-information/customer-information.repository';
import { DeviceModelHandlers } from '../device-model/device-model.handlers';
import type { NotifyReportHandler } from '../device-model/notify-report.handler';
import type { DeviceModelUpdater } from '../device-model/device-model.updater';
import type { DisplayMessageLedger } from '../display-messages/display-message.ledger';
import { DisplayMessagesHandlers } from '../display-messages/display-messages.handlers';
import { FirmwareHandlers } from '../firmware/firmware.handlers';
import type { PublishedFirmwareRepository } from '../firmware/published-firmware.repository';
import { type CallContext, CallHandlerRegistry } from '../gateway/call-handler.registry';
import { MonitoringHandlers } from '../monitoring/monitoring.handlers';
import type { MonitoringReportRepository } from '../monitoring/monitoring-report.repository';
import type { StationAlertsService } from '../monitoring/station-alerts.service';
import type { BootNotificationHandler } from '../provisioning/boot-notification.handler';
import { ProvisioningHandlers } from '../provisioning/provisioning.handlers';
import { StatusNotificationHandler } from '../provisioning/status-notification.handler';
import type { ConnectorRepository } from '../stations/connector.repository';
import type { StationHistoryRecorder } from '../station-history/station-history.recorder';
import { durableAcknowledgementFixture } from './durable-acknowledgement.fixtures';
import type { StationEventEmitter } from './station-event.emitter';

const context: CallContext = { stationId: 'CS-1', protocol: 'ocpp2.0.1', securityProfile: 1, logger: pino({ level: 'silent' }) };
const databaseDown = async (): Promise<never> => {
  throw new Error('database down');
};
const generatedAt = '2025-06-01T10:00:00.000Z';
const events = { publishAnswered: jest.fn() } as unknown as StationEventEmitter;

/** Each station message whose data is stored before it is answered, with a store that fails. */
function registryWithFailingStores(failing: 'alerts' | 'device-model' = 'alerts'): CallHandlerRegistry {
  const registry = new CallHandlerRegistry();
  const durability = durableAcknowledgementFixture();
  new DeviceModelHandlers(registry, { handle: databaseDown } as unknown as NotifyReportHandler, durability).onModuleInit();
  new MonitoringHandlers(registry, { recordPart: databaseDown } as unknown as MonitoringReportRepository, durability).onModuleInit();
  new DisplayMessagesHandlers(registry, { partReported: databaseDown } as unknown as DisplayMessageLedger, durability).onModuleInit();
  new CustomerInformationHandlers(registry, { addPart: databaseDown } as unknown as CustomerInformationRepository, durability).onModuleInit();
  new FirmwareHandlers(registry, events, { notified: jest.fn() } as unknown as StationHistoryRecorder, { report: databaseDown } as unknown as PublishedFirmwareRepository, durability).onModuleInit();
  new ProvisioningHandlers(
    registry,
    {} as BootNotificationHandler,
    new StatusNotificationHandler(
      { record: async () => true } as unknown as ConnectorRepository,
      events,
      { statusChanged: jest.fn() } as unknown as StationHistoryRecorder,
      { statusReported: databaseDown } as unknown as StationAlertsService,
      durability,
    ),
    events,
    { eventsNotified: failing === 'alerts' ? databaseDown : jest.fn() } as unknown as StationAlertsService,
    { applyEvents: failing === 'device-model' ? databaseDown : jest.fn() } as unknown as DeviceModelUpdater,
    durability,
  ).onModuleInit();
  return registry;
}

const requests: readonly [string, Record<string, unknown>][] = [
  ['StatusNotification', { timestamp: generatedAt, connectorStatus: 'Faulted', evseId: 1, connectorId: 1 }],
  ['NotifyReport', { requestId: 1, generatedAt, seqNo: 0, tbc: false, reportData: [{ component: { name: 'OCPPCommCtrlr' }, variable: { name: 'HeartbeatInterval' }, variableAttribute: [{ value: '60' }] }] }],
  ['NotifyMonitoringReport', { requestId: 2, generatedAt, seqNo: 0, tbc: false }],
  ['NotifyDisplayMessages', { requestId: 3 }],
  ['NotifyCustomerInformation', { data: 'x', seqNo: 0, generatedAt, requestId: 4 }],
  ['PublishFirmwareStatusNotification', { status: 'Published', requestId: 5, location: ['http://lc-1.local/fw.bin'] }],
  [
    'NotifyEvent',
    {
      generatedAt,
      seqNo: 0,
      eventData: [{ eventId: 1, timestamp: generatedAt, trigger: 'Alerting', actualValue: 'x', eventNotificationType: 'HardWiredNotification', component: { name: 'EVSE' }, variable: { name: 'Problem' } }],
    },
  ],
];

describe('station messages stored before they are answered', () => {
  it.each(requests)('%s: a database failure withholds the answer (the station retries) instead of answering {} or InternalError', async (action, payload) => {
    const registry = registryWithFailingStores();
    await expect(registry.dispatch(context, action, payload)).rejects.toBeInstanceOf(WithholdResponse);
  });

  it('NotifyEvent: publishes nothing while its answer is withheld, so the retry does not publish the events twice', async () => {
    (events.publishAnswered as jest.Mock).mockClear();
    const registry = registryWithFailingStores();
    const notifyEvent = requests.find(([action]) => action === 'NotifyEvent')?.[1] ?? {};
    await expect(registry.dispatch(context, 'NotifyEvent', notifyEvent)).rejects.toBeInstanceOf(WithholdResponse);
    expect(events.publishAnswered).not.toHaveBeenCalled();
  });

  it('NotifyEvent: a device-model value that cannot be stored withholds the answer too', async () => {
    const registry = registryWithFailingStores('device-model');
    const notifyEvent = requests.find(([action]) => action === 'NotifyEvent')?.[1] ?? {};
    await expect(registry.dispatch(context, 'NotifyEvent', notifyEvent)).rejects.toBeInstanceOf(WithholdResponse);
  });

  it.each([
    ['NotifyReport', { requestId: 1, generatedAt, seqNo: 2_147_483_648, tbc: false }, 'seqNo 2147483648'],
    ['NotifyReport', { requestId: 1, generatedAt, seqNo: 0, reportData: [{ component: { name: 'EVSE', evse: { id: 3_000_000_000 } }, variable: { name: 'Power' }, variableAttribute: [{ value: '1' }] }] }, 'reportData[0].component.evse.id'],
    ['NotifyCustomerInformation', { data: 'x', seqNo: 0, generatedAt, requestId: 2_147_483_648 }, 'requestId 2147483648'],
    ['NotifyDisplayMessages', { requestId: 3, messageInfo: [{ id: 2_147_483_648, priority: 'NormalCycle', message: { format: 'UTF8', content: 'x' } }] }, 'messageInfo[0].id'],
    ['PublishFirmwareStatusNotification', { status: 'Published', requestId: 2_147_483_648 }, 'requestId 2147483648'],
  ])('%s with an integer no column can hold: PropertyConstraintViolation naming it, nothing stored, not withheld', async (action, payload, named) => {
    const registry = registryWithFailingStores();
    const answer = registry.dispatch(context, action, payload as Record<string, unknown>);
    await expect(answer).rejects.toBeInstanceOf(OcppRpcError);
    await expect(answer).rejects.toMatchObject({ kind: OcppErrorKind.PropertyConstraintViolation, message: expect.stringContaining(named) });
  });

  it('an OcppRpcError raised while storing stays the answer: it is the station’s fault, not the database’s', async () => {
    const durability = durableAcknowledgementFixture();
    const refused = new OcppRpcError(OcppErrorKind.PropertyConstraintViolation, 'eventId out of range');
    await expect(durability.store(context.logger, 'NotifyEvent', async () => Promise.reject(refused))).rejects.toBe(refused);
  });
});
