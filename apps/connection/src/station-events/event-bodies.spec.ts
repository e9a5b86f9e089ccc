import { type JsonObject, toJson } from '@bufbuild/protobuf';
import { StationEventSchema, createEnvelope, decodeEnvelope, encodeEnvelope } from '@app/contracts';
import { authorizationEvent } from '../authorization/authorization.events';
import { dataTransferEvent } from '../data-transfer/data-transfer.adapter';
import { logStatusEvent } from '../diagnostics/log-status.adapter';
import { firmwareStatusEvent } from '../firmware/firmware-status.adapter';
import { meterValuesEvent } from '../metering/meter-values.events';
import { bootedEvent, statusEvent } from '../provisioning/provisioning.events';
import { reportedSecurityEvent } from '../security/security-event.adapter';
import { startReportOf16, stopReportOf16 } from '../transactions/ocpp16-transaction.adapter';
import { transactionReportOf201 } from '../transactions/ocpp201-transaction.adapter';
import { transactionChangedEvent } from '../transactions/transaction.events';
import { reduceTransaction } from '../transactions/transaction-state.reducer';
import { eventRecordOf } from '../transactions/transaction-record';
import type { StationEventBody } from './event-body';

const at = new Date('2025-06-01T12:00:00.000Z');

/** Encodes the body in a StationEvent envelope, decodes it again and renders the body as proto JSON (enum names, not numbers). */
function onTheWire(body: StationEventBody): JsonObject {
  const envelope = createEnvelope('stationEvent', { eventId: 'e-1', stationId: 'CP-1', correlationId: 'c-1', body });
  const decoded = decodeEnvelope('stationEvent', encodeEnvelope('stationEvent', envelope));
  const json = toJson(StationEventSchema, decoded) as JsonObject;
  return json[String(body.case)] as JsonObject;
}

describe('station event bodies on ocpp.events', () => {
  it('booted: what the station reported and the registry decided', () => {
    const body = bootedEvent(
      { vendor: 'Acme', model: 'AC-22', serialNumber: 'SN-1', firmwareVersion: '1.2.3', reason: 'PowerUp' },
      { status: 'Pending', intervalSeconds: 60 },
    );
    expect(onTheWire(body)).toEqual({
      vendor: 'Acme',
      model: 'AC-22',
      serialNumber: 'SN-1',
      firmwareVersion: '1.2.3',
      reason: 'PowerUp',
      status: 'REGISTRATION_STATUS_PENDING',
      heartbeatIntervalSeconds: 60,
    });
  });

  it('status: folded status, the original and the fault details', () => {
    const body = statusEvent({
      evseId: 1,
      connectorId: 1,
      status: 'Faulted',
      ocppStatus: 'Faulted',
      errorCode: 'GroundFailure',
      info: 'RCD',
      vendorErrorCode: 'E42',
      statusAt: at,
    });
    expect(onTheWire(body)).toEqual({
      evseId: 1,
      connectorId: 1,
      status: 'CONNECTOR_STATUS_FAULTED',
      ocppStatus: 'Faulted',
      errorCode: 'GroundFailure',
      info: 'RCD',
      vendorErrorCode: 'E42',
      statusAt: '2025-06-01T12:00:00Z',
    });
  });

  it('authorization: a 2.0.1-only refusal travels as Invalid', () => {
    expect(onTheWire(authorizationEvent({ value: 'TAG', type: 'ISO14443' }, { status: 'NoCredit', expiresAt: undefined, groupIdToken: undefined }))).toEqual({
      idToken: { value: 'TAG', type: 'ISO14443' },
      status: 'AUTHORIZATION_STATUS_INVALID',
    });
    expect(onTheWire(authorizationEvent({ value: 'TAG', type: 'IdTag' }, { status: 'Expired', expiresAt: at, groupIdToken: undefined }))).toMatchObject({
      status: 'AUTHORIZATION_STATUS_EXPIRED',
      expiresAt: '2025-06-01T12:00:00Z',
    });
  });

  it('transaction: phase, transaction id and meter start', () => {
    const report = startReportOf16({ connectorId: 1, idTag: 'TAG', meterStart: 1000, timestamp: at.toISOString() });
    const state = reduceTransaction([eventRecordOf(report, [], 'Accepted')]);
    expect(onTheWire(transactionChangedEvent('17', report, state))).toEqual({
      transactionId: '17',
      phase: 'TRANSACTION_PHASE_STARTED',
      evseId: 1,
      connectorId: 1,
      idToken: { value: 'TAG', type: 'IdTag' },
      at: '2025-06-01T12:00:00Z',
      meterStartWh: 1000,
    });
  });

  it('transaction: every event names its EVSE, also the 1.6 Stop and 2.0.1 updates whose message does not', () => {
    const start = startReportOf16({ connectorId: 2, idTag: 'TAG', meterStart: 0, timestamp: at.toISOString() });
    const stop = stopReportOf16({ transactionId: 17, meterStop: 9000, timestamp: at.toISOString() });
    const stopped = reduceTransaction([eventRecordOf(start, [], 'Accepted'), eventRecordOf(stop, [], undefined)]);
    expect(onTheWire(transactionChangedEvent('17', stop, stopped))).toMatchObject({ phase: 'TRANSACTION_PHASE_ENDED', evseId: 2, connectorId: 1 });

    const timestamp = at.toISOString();
    const started = transactionReportOf201({
      eventType: 'Started',
      timestamp,
      triggerReason: 'Authorized',
      seqNo: 0,
      transactionInfo: { transactionId: 'tx-1' },
      evse: { id: 3, connectorId: 1 },
    });
    const updated = transactionReportOf201({ eventType: 'Updated', timestamp, triggerReason: 'MeterValuePeriodic', seqNo: 1, transactionInfo: { transactionId: 'tx-1' } });
    const state = reduceTransaction([eventRecordOf(started, [], undefined), eventRecordOf(updated, [], undefined)]);
    expect(onTheWire(transactionChangedEvent('tx-1', updated, state))).toMatchObject({ phase: 'TRANSACTION_PHASE_UPDATED', evseId: 3, connectorId: 1 });
  });

  it('meter values: normalised samples', () => {
    const body = meterValuesEvent('17', 1, [
      { at, measurand: 'Power.Active.Import', phase: 'L1', location: 'Outlet', context: 'Sample.Periodic', value: 7400, unit: 'W' },
    ]);
    expect(onTheWire(body)).toEqual({
      transactionId: '17',
      evseId: 1,
      samples: [
        { at: '2025-06-01T12:00:00Z', measurand: 'Power.Active.Import', phase: 'L1', value: 7400, unit: 'W', context: 'Sample.Periodic', location: 'Outlet' },
      ],
    });
  });

  it('firmware, log status, data transfer and station security events', () => {
    expect(onTheWire(firmwareStatusEvent({ status: 'Installed', requestId: 5 }))).toEqual({ status: 'Installed', requestId: '5' });
    expect(onTheWire(logStatusEvent({ status: 'Uploaded', requestId: 0 }))).toEqual({ status: 'Uploaded' });
    expect(onTheWire(dataTransferEvent({ vendorId: 'com.acme', messageId: 'ping', data: '{"a":1}' }))).toEqual({
      vendorId: 'com.acme',
      messageId: 'ping',
      data: '{"a":1}',
    });
    expect(onTheWire(reportedSecurityEvent({ type: 'TamperDetectionActivated', at, techInfo: 'door' }))).toEqual({
      type: 'TamperDetectionActivated',
      techInfo: 'door',
      raisedAt: '2025-06-01T12:00:00Z',
    });
  });
});
