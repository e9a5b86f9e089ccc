import { OcppErrorKind } from '@app/ocpp';
import pino from 'pino';
import type { CallContext } from '../gateway/call-handler.registry';
import type { DurableAcknowledgement } from '../station-events/durable-acknowledgement';
import type { MeterSampleRepository } from './meter-sample.repository';
import { MeterValuesHandler } from './meter-values.handler';

const context: CallContext = { stationId: 'CP-1', protocol: 'ocpp2.0.1', securityProfile: 1, logger: pino({ level: 'silent' }) };

describe('MeterValuesHandler', () => {
  it('refuses a negative evseId with PropertyConstraintViolation before storing or publishing anything', async () => {
    const samples = { record: jest.fn() };
    const durability = { store: jest.fn(), publish: jest.fn() };
    const handler = new MeterValuesHandler(samples as unknown as MeterSampleRepository, durability as unknown as DurableAcknowledgement);
    const reading = { timestamp: '2025-01-01T00:00:00.000Z', sampledValue: [{ value: 0 }] };
    const failed = handler.handle(context, { evseId: -1, transactionId: undefined, meterValues: [reading] as never });
    await expect(failed).rejects.toEqual(expect.objectContaining({ kind: OcppErrorKind.PropertyConstraintViolation, description: expect.stringContaining('evseId -1') }));
    expect(durability.store).not.toHaveBeenCalled();
    expect(durability.publish).not.toHaveBeenCalled();
  });
});
