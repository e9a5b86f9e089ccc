import { timestampFromDate } from '@app/contracts';
import { reportedSecurityEvent, securityEventOf } from './security-event.adapter';

describe('SecurityEventNotification adapter', () => {
  it('reads the notification and marks the event as raised by the station, at the station’s own time', () => {
    const event = securityEventOf({ type: 'FirmwareUpdated', timestamp: '2025-06-01T12:00:00Z', techInfo: '1.2.3' });
    expect(event).toEqual({ type: 'FirmwareUpdated', at: new Date('2025-06-01T12:00:00Z'), techInfo: '1.2.3' });
    expect(reportedSecurityEvent(event)).toEqual({
      case: 'securityEvent',
      value: { type: 'FirmwareUpdated', techInfo: '1.2.3', raisedByCsms: false, raisedAt: timestampFromDate(new Date('2025-06-01T12:00:00Z')) },
    });
  });
});
