import { type ChargeDetailRecord, chargeDetailRecordOf, recordEncoders } from './charge-detail-record';
import type { TransactionRow } from './transaction-read.repository';

const ended: TransactionRow = {
  station_id: 'CP-1',
  transaction_id: '17',
  state: 'ended',
  evse_id: 1,
  connector_id: 1,
  id_token: 'TAG, "VIP"',
  id_token_type: 'ISO14443',
  started_at: new Date('2025-06-01T10:00:00Z'),
  stopped_at: new Date('2025-06-01T10:45:30.400Z'),
  meter_start_wh: 1000,
  meter_stop_wh: 17_500.5,
  energy_wh: 16_500.5,
  stopped_reason: 'EVDisconnected',
  charging_state: null,
  offline: false,
  remote_start_id: null,
  updated_at: new Date('2025-06-01T10:45:31Z'),
  created_key: '2025-06-01 10:00:00.123456+00',
  latest_register_wh: null,
};

function write(format: 'csv' | 'json', pages: ChargeDetailRecord[][]): string {
  const encoder = recordEncoders[format];
  return encoder.opening + pages.map((records, index) => encoder.records(records, index === 0)).join('') + encoder.closing;
}

describe('charge detail records', () => {
  it('takes the session’s identity, times, duration, meter readings and energy from the transaction', () => {
    expect(chargeDetailRecordOf(ended)).toEqual({
      stationId: 'CP-1',
      transactionId: '17',
      evseId: 1,
      connectorId: 1,
      idToken: 'TAG, "VIP"',
      idTokenType: 'ISO14443',
      startedAt: '2025-06-01T10:00:00.000Z',
      stoppedAt: '2025-06-01T10:45:30.400Z',
      durationSeconds: 2730,
      meterStartWh: 1000,
      meterStopWh: 17_500.5,
      energyWh: 16_500.5,
      stoppedReason: 'EVDisconnected',
    });
  });

  it('has no duration when the start was never reported', () => {
    expect(chargeDetailRecordOf({ ...ended, started_at: null, meter_start_wh: null, energy_wh: null })).toMatchObject({ startedAt: null, durationSeconds: null, energyWh: null });
  });

  it('writes CSV with a header record, CRLF line ends, quoted text and empty fields for nothing', () => {
    const record = chargeDetailRecordOf(ended);
    const blocked = chargeDetailRecordOf({ ...ended, transaction_id: '18', id_token: '=cmd|"/c calc"!A1', stopped_reason: null });
    expect(write('csv', [[record], [blocked]])).toBe(
      'stationId,transactionId,evseId,connectorId,idToken,idTokenType,startedAt,stoppedAt,durationSeconds,meterStartWh,meterStopWh,energyWh,stoppedReason\r\n' +
        'CP-1,17,1,1,"TAG, ""VIP""",ISO14443,2025-06-01T10:00:00.000Z,2025-06-01T10:45:30.400Z,2730,1000,17500.5,16500.5,EVDisconnected\r\n' +
        'CP-1,18,1,1,"\'=cmd|""/c calc""!A1",ISO14443,2025-06-01T10:00:00.000Z,2025-06-01T10:45:30.400Z,2730,1000,17500.5,16500.5,\r\n',
    );
  });

  it('writes CSV with the header alone when nothing matches', () => {
    expect(write('csv', [])).toMatch(/^stationId,[^\r\n]*,stoppedReason\r\n$/);
  });

  it('writes a JSON array across pages, and an empty one when nothing matches', () => {
    const record = chargeDetailRecordOf(ended);
    const other = { ...record, transactionId: '18' };
    expect(JSON.parse(write('json', [[record], [other]]))).toEqual([record, other]);
    expect(JSON.parse(write('json', []))).toEqual([]);
  });
});
