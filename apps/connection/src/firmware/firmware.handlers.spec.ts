import pino from 'pino';
import { type CallContext, CallHandlerRegistry } from '../gateway/call-handler.registry';
import { WithholdResponse } from '@app/ocpp';
import { durableAcknowledgementFixture } from '../station-events/durable-acknowledgement.fixtures';
import type { StationEventEmitter } from '../station-events/station-event.emitter';
import type { StationHistoryRecorder } from '../station-history/station-history.recorder';
import { FirmwareHandlers } from './firmware.handlers';
import type { PublishedFirmwareRepository } from './published-firmware.repository';

const context = (protocol: CallContext['protocol']): CallContext => ({ stationId: 'LC-1', protocol, securityProfile: 1, logger: pino({ level: 'silent' }) });

function registered(report: () => Promise<void> = async () => undefined) {
  const registry = new CallHandlerRegistry();
  const events = { publishAnswered: jest.fn() };
  const publications = { report: jest.fn(report) };
  const history = { notified: jest.fn() };
  new FirmwareHandlers(
    registry,
    events as unknown as StationEventEmitter,
    history as unknown as StationHistoryRecorder,
    publications as unknown as PublishedFirmwareRepository,
    durableAcknowledgementFixture(),
  ).onModuleInit();
  return { registry, events, publications, history };
}

describe('FirmwareHandlers', () => {
  it('records firmware progress of both versions in the station’s history and publishes it', async () => {
    const { registry, events, history } = registered();
    await expect(registry.dispatch(context('ocpp1.6'), 'FirmwareStatusNotification', { status: 'Installed' })).resolves.toEqual({});
    await expect(registry.dispatch(context('ocpp2.0.1'), 'FirmwareStatusNotification', { status: 'Downloading', requestId: 4 })).resolves.toEqual({});
    expect(history.notified.mock.calls.map(([record]) => [record.action, record.status, record.requestId])).toEqual([
      ['FirmwareStatusNotification', 'Installed', null],
      ['FirmwareStatusNotification', 'Downloading', 4],
    ]);
    expect(events.publishAnswered).toHaveBeenCalledTimes(2);
  });

  it('stores a local controller’s publishing status, with its locations, before answering {}', async () => {
    const { registry, publications } = registered();
    const request = { status: 'Published', requestId: 12, location: ['http://lc-1.local/fw.bin'] };
    await expect(registry.dispatch(context('ocpp2.0.1'), 'PublishFirmwareStatusNotification', request)).resolves.toEqual({});
    await expect(registry.dispatch(context('ocpp2.0.1'), 'PublishFirmwareStatusNotification', { status: 'Idle' })).resolves.toEqual({});
    expect(publications.report.mock.calls).toEqual([
      ['LC-1', 12, 'Published', ['http://lc-1.local/fw.bin']],
      ['LC-1', 0, 'Idle', undefined],
    ]);
  });

  it('withholds the answer (the station retries) when the status could not be stored', async () => {
    const { registry } = registered(async () => {
      throw new Error('database down');
    });
    await expect(registry.dispatch(context('ocpp2.0.1'), 'PublishFirmwareStatusNotification', { status: 'Downloaded', requestId: 1 })).rejects.toBeInstanceOf(WithholdResponse);
  });

  it('still publishes firmware update progress as an event', async () => {
    const { registry, events } = registered();
    await expect(registry.dispatch(context('ocpp1.6'), 'FirmwareStatusNotification', { status: 'Installing' })).resolves.toEqual({});
    expect(events.publishAnswered.mock.calls.map(([stationId, body]) => [stationId, body.case])).toEqual([['LC-1', 'firmwareStatus']]);
  });
});
