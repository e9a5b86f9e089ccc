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
const start16 = { connectorId: 1, idTag: 'TAG', meterStart: 0, timestamp: EXAMPLE_DATE_TIME };
const stop16 = { transactionId: 1, meterStop: 10, timestamp: EXAMPLE_DATE_TIME };
const meter201 = { evseId: 1, meterValue: [{ timestamp: EXAMPLE_DATE_TIME, sampledValue: [sampled201] }] };

type Case = [string, OcppVersion, string, unknown, string, string | RegExp];

describe('schema violations on real actions', () => {
  it.each<Case>([
    // BootNotification 1.6: the OCA lengths (CiString20Type vendor and model, CiString25Type serial numbers)
    ['BootNotification', '1.6', 'valid', boot16, '', ''],
    ['BootNotification', '1.6', 'vendor of 20 characters', { ...boot16, chargePointVendor: 'v'.repeat(20) }, '', ''],
    ['BootNotification', '1.6', 'vendor of 21 characters', { ...boot16, chargePointVendor: 'v'.repeat(21) }, 'PropertyConstraintViolation', '/chargePointVendor must NOT have more than 20 characters'],
    ['BootNotification', '1.6', 'model of 21 characters', { ...boot16, chargePointModel: 'm'.repeat(21) }, 'PropertyConstraintViolation', '/chargePointModel must NOT have more than 20 characters'],
    ['BootNotification', '1.6', 'serial number of 26 characters', { ...boot16, chargePointSerialNumber: 's'.repeat(26) }, 'PropertyConstraintViolation', '/chargePointSerialNumber must NOT have more than 25 characters'],
    ['BootNotification', '1.6', 'firmware version of 51 characters', { ...boot16, firmwareVersion: 'f'.repeat(51) }, 'PropertyConstraintViolation', '/firmwareVersion must NOT have more than 50 characters'],
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
    ['MeterValues', '1.6', 'unknown property in a sampled value', { ...meter16, meterValue: [{ timestamp: EXAMPLE_DATE_TIME, sampledValue: [{ value: '1', colour: 'red' }] }] }, 'OccurenceConstraintViolation', '/meterValue/0/sampledValue/0/colour is not allowed (no additional properties)'],
    ['MeterValues', '1.6', 'unknown property in a meter value', { ...meter16, meterValue: [{ timestamp: EXAMPLE_DATE_TIME, sampledValue: [{ value: '1' }], colour: 'red' }] }, 'OccurenceConstraintViolation', '/meterValue/0/colour is not allowed (no additional properties)'],
    ['MeterValues', '1.6', 'unit not in the enum', { ...meter16, meterValue: [{ timestamp: EXAMPLE_DATE_TIME, sampledValue: [{ value: '1', unit: 'Joule' }] }] }, 'PropertyConstraintViolation', /^\/meterValue\/0\/sampledValue\/0\/unit must be one of: Wh, kWh, /],
    // StartTransaction 1.6: the station does not send a transactionId (the CSMS assigns it in the .conf)
    ['StartTransaction', '1.6', 'valid', start16, '', ''],
    ['StartTransaction', '1.6', 'with a transactionId', { ...start16, transactionId: 1 }, 'OccurenceConstraintViolation', '/transactionId is not allowed (no additional properties)'],
    // StopTransaction 1.6: transactionData items are closed like MeterValues'
    ['StopTransaction', '1.6', 'unknown property in a sampled value', { ...stop16, transactionData: [{ timestamp: EXAMPLE_DATE_TIME, sampledValue: [{ value: '1', colour: 'red' }] }] }, 'OccurenceConstraintViolation', '/transactionData/0/sampledValue/0/colour is not allowed (no additional properties)'],
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

  type ResponseCase = [string, string, unknown, string, string];
  it.each<ResponseCase>([
    ['BootNotification', 'interval of 300', { currentTime: EXAMPLE_DATE_TIME, interval: 300, status: 'Accepted' }, '', ''],
    ['BootNotification', 'interval of 1.5', { currentTime: EXAMPLE_DATE_TIME, interval: 1.5, status: 'Accepted' }, 'TypeConstraintViolation', '/interval must be integer'],
    ['GetConfiguration', 'value of 500 characters', { configurationKey: [{ key: 'K', readonly: false, value: 'v'.repeat(500) }] }, '', ''],
    ['GetConfiguration', 'value of 501 characters', { configurationKey: [{ key: 'K', readonly: false, value: 'v'.repeat(501) }] }, 'PropertyConstraintViolation', '/configurationKey/0/value must NOT have more than 500 characters'],
    ['StartTransaction', 'unknown property in idTagInfo', { transactionId: 1, idTagInfo: { status: 'Accepted', colour: 'red' } }, 'OccurenceConstraintViolation', '/idTagInfo/colour is not allowed (no additional properties)'],
  ])('OCPP 1.6 %s.conf: %s', (action, _case, payload, code, description) => {
    const result = validateResponse('1.6', action, payload);
    if (code === '') {
      expect(result).toEqual({ ok: true });
      return;
    }
    if (result.ok) throw new Error('expected a violation');
    expect([result.error.codeIn('1.6'), result.error.description]).toEqual([code, description]);
  });

  it('OCPP 1.6 UpdateFirmware: retries and retryInterval are integers', () => {
    const update = { location: 'https://example.com/fw.bin', retrieveDate: EXAMPLE_DATE_TIME };
    expect(validateRequest('1.6', 'UpdateFirmware', { ...update, retries: 3, retryInterval: 60 })).toEqual({ ok: true });
    const result = validateRequest('1.6', 'UpdateFirmware', { ...update, retries: 2.5 });
    expect(result.ok ? undefined : [result.error.codeIn('1.6'), result.error.description]).toEqual(['TypeConstraintViolation', '/retries must be integer']);
  });

  it('reports an action the version does not define as NotImplemented', () => {
    const result = validateRequest('1.6', 'TransactionEvent', transaction201);
    expect(result.ok ? undefined : [result.error.codeIn('1.6'), result.error.description]).toEqual(['NotImplemented', 'action TransactionEvent is not defined in OCPP 1.6']);
  });
});
