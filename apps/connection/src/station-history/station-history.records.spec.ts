import { BootHoldReason } from '../stations/boot-policy';
import { DATA_TRANSFER_HISTORY_CHARS, bootRecordOf, connectedRecordOf, dataTransferRecordOf, disconnectedRecordOf, progressRecordOf, statusRecordOf } from './station-history.records';

const at = new Date('2025-06-01T10:00:00Z');
const connection = { stationId: 'CP-1', protocol: 'ocpp2.0.1', securityProfile: 2 };

describe('station history records', () => {
  it('keep a boot with the answer it got and why it was not accepted', () => {
    const report = { vendor: 'Acme', model: 'AC-22', serialNumber: 'SN-1', firmwareVersion: undefined, reason: 'PowerUp' };
    expect(bootRecordOf('CP-1', report, { status: 'Pending', intervalSeconds: 60, reason: BootHoldReason.awaitingAcceptance }, at)).toEqual({
      stationId: 'CP-1',
      at,
      vendor: 'Acme',
      model: 'AC-22',
      serialNumber: 'SN-1',
      firmwareVersion: null,
      bootReason: 'PowerUp',
      status: 'Pending',
      statusReason: 'awaiting-acceptance',
    });
    expect(bootRecordOf('CP-1', { ...report, reason: undefined }, { status: 'Accepted', intervalSeconds: 300 }, at)).toMatchObject({ bootReason: null, statusReason: null });
  });

  it('keep a status at the station’s time, with its 1.6 error code', () => {
    const report = { evseId: 1, connectorId: 1, status: 'Faulted' as const, ocppStatus: 'Faulted', errorCode: 'GroundFailure', info: undefined, vendorErrorCode: 'E42', statusAt: at };
    expect(statusRecordOf('CP-1', report)).toEqual({ stationId: 'CP-1', at, evseId: 1, connectorId: 1, status: 'Faulted', ocppStatus: 'Faulted', errorCode: 'GroundFailure', info: null, vendorErrorCode: 'E42' });
  });

  it('keep connections opened and closed, saying when a newer connection replaced one', () => {
    expect(connectedRecordOf(connection, 'replica-0', at)).toEqual({ ...connection, at, event: 'connected', replica: 'replica-0', closeCode: null, reason: null });
    expect(disconnectedRecordOf(connection, 'replica-0', at, { code: 1006, reason: '', replaced: false })).toMatchObject({ event: 'disconnected', closeCode: 1006, reason: null });
    expect(disconnectedRecordOf(connection, 'replica-0', at, { code: 1000, reason: 'bye', replaced: true })).toMatchObject({
      closeCode: 1000,
      reason: 'replaced by a newer connection of the same station',
    });
  });

  it('keep firmware and log progress with the request they report on, none for 1.6 core', () => {
    expect(progressRecordOf('CP-1', 'LogStatusNotification', { status: 'Uploaded', requestId: 7 }, at)).toEqual({
      stationId: 'CP-1',
      at,
      action: 'LogStatusNotification',
      status: 'Uploaded',
      requestId: 7,
      vendorId: null,
      messageId: null,
      data: null,
    });
    expect(progressRecordOf('CP-1', 'FirmwareStatusNotification', { status: 'Installed', requestId: 0 }, at)).toMatchObject({ requestId: null });
  });

  it('keep a DataTransfer with the answer it got and the start of its data', () => {
    const long = 'x'.repeat(DATA_TRANSFER_HISTORY_CHARS + 50);
    expect(dataTransferRecordOf('CP-1', { vendorId: 'com.acme', messageId: 'Hello', data: long }, 'UnknownVendorId', at)).toMatchObject({
      action: 'DataTransfer',
      status: 'UnknownVendorId',
      vendorId: 'com.acme',
      messageId: 'Hello',
      data: 'x'.repeat(DATA_TRANSFER_HISTORY_CHARS),
    });
    expect(dataTransferRecordOf('CP-1', { vendorId: 'com.acme' }, 'Accepted', at)).toMatchObject({ messageId: null, data: null });
  });
});
