import { createEnvelope, timestampFromDate } from '@app/contracts';
import { securityEventRecordOf } from './security-event.record';

const receivedAt = new Date('2025-06-01T12:00:05Z');

describe('securityEventRecordOf', () => {
  it('keeps a station’s security event at the station’s own time', () => {
    const event = createEnvelope('stationEvent', {
      eventId: 'e1',
      stationId: 'CP-1',
      occurredAt: timestampFromDate(new Date('2025-06-01T12:00:03Z')),
      body: { case: 'securityEvent', value: { type: 'TamperDetectionActivated', techInfo: 'door', raisedByCsms: false, raisedAt: timestampFromDate(new Date('2025-06-01T11:59:00Z')) } },
    });
    expect(securityEventRecordOf(event, receivedAt)).toEqual({
      eventId: 'e1',
      stationId: 'CP-1',
      type: 'TamperDetectionActivated',
      occurredAt: new Date('2025-06-01T11:59:00Z'),
      techInfo: 'door',
      raisedByCsms: false,
    });
  });

  it('takes the envelope’s time for an event without raised_at, and the receipt time without either', () => {
    const older = createEnvelope('stationEvent', {
      eventId: 'e2',
      stationId: 'CP-1',
      occurredAt: timestampFromDate(new Date('2025-06-01T12:00:03Z')),
      body: { case: 'securityEvent', value: { type: 'InvalidCredentials', raisedByCsms: true } },
    });
    expect(securityEventRecordOf(older, receivedAt)).toMatchObject({ occurredAt: new Date('2025-06-01T12:00:03Z'), techInfo: null, raisedByCsms: true });
    const bare = createEnvelope('stationEvent', { eventId: 'e3', stationId: 'CP-1', body: { case: 'securityEvent', value: { type: 'X' } } });
    expect(securityEventRecordOf(bare, receivedAt)?.occurredAt).toEqual(receivedAt);
  });

  it('ignores every other station event', () => {
    const connected = createEnvelope('stationEvent', { eventId: 'e4', stationId: 'CP-1', body: { case: 'connected', value: { securityProfile: 1 } } });
    expect(securityEventRecordOf(connected, receivedAt)).toBeUndefined();
  });
});
