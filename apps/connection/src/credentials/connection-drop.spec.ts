import { DropCause, type DropConnection } from '@app/contracts';
import type { StationConnection } from '../gateway/station-connection';
import { dropConnection } from './connection-drop';
import { dropPlanOf, keepsConnection } from './connection-drop.policy';

/** What a drop uses of a connection: its profile, whether it is closing, and close. */
function openConnection(securityProfile: number) {
  const closes: Array<[number, string]> = [];
  const connection = {
    stationId: 'CP-1',
    securityProfile,
    isClosing: false,
    closes,
    close: (code: number, reason: string) => {
      closes.push([code, reason]);
      connection.isClosing = true;
    },
  };
  return connection;
}

const drop = (cause: DropCause, keepFromProfile = 0) => ({ cause, keepFromProfile }) as DropConnection;

describe('connection drop policy', () => {
  it('asks a station whose credentials or profile changed to come back (1012), and tells a withdrawn one it broke policy (1008)', () => {
    expect(dropPlanOf(DropCause.CREDENTIALS_CHANGED)).toMatchObject({ closeCode: 1012, securityEventType: 'StationCredentialsChanged' });
    expect(dropPlanOf(DropCause.SECURITY_PROFILE_CHANGED)).toMatchObject({ closeCode: 1012, securityEventType: 'StationSecurityProfileChanged' });
    expect(dropPlanOf(DropCause.REGISTRATION_WITHDRAWN)).toMatchObject({ closeCode: 1008, securityEventType: 'StationRegistrationWithdrawn' });
  });

  it('closes like a credential change for a cause this build does not know', () => {
    expect(dropPlanOf(DropCause.UNSPECIFIED)).toEqual(dropPlanOf(DropCause.CREDENTIALS_CHANGED));
    expect(dropPlanOf(99 as DropCause)).toEqual(dropPlanOf(DropCause.CREDENTIALS_CHANGED));
  });

  it('keeps a connection only when the drop spares its profile and the connection is on it or higher', () => {
    expect(keepsConnection(2, 2)).toBe(true);
    expect(keepsConnection(3, 2)).toBe(true);
    expect(keepsConnection(1, 2)).toBe(false);
    expect(keepsConnection(3, 0)).toBe(false);
    expect(keepsConnection(0, 0)).toBe(false);
  });

  it('keeps every close reason within the 123 bytes a WebSocket close frame allows', () => {
    for (const cause of [DropCause.CREDENTIALS_CHANGED, DropCause.SECURITY_PROFILE_CHANGED, DropCause.REGISTRATION_WITHDRAWN]) {
      expect(Buffer.byteLength(dropPlanOf(cause).reason)).toBeLessThanOrEqual(123);
    }
  });
});

describe('dropConnection', () => {
  it('closes the socket with the cause’s code and raises one security event', () => {
    const connection = openConnection(1);
    const execution = dropConnection(drop(DropCause.CREDENTIALS_CHANGED), connection as unknown as StationConnection, new Date('2026-01-01T00:00:00Z'));
    expect(connection.closes).toEqual([[1012, 'credentials changed: reconnect with the new ones']]);
    expect(execution.outcome).toEqual({ status: 'accepted', result: { closed: true, closeCode: 1012, reason: 'credentials changed: reconnect with the new ones' } });
    expect(execution.event).toMatchObject({ case: 'securityEvent', value: { type: 'StationCredentialsChanged', raisedByCsms: true } });
    expect(execution.event?.case === 'securityEvent' && execution.event.value.techInfo).toContain('security profile 1');
  });

  it('leaves a connection already on the raised minimum profile open, and says so', () => {
    const connection = openConnection(3);
    const execution = dropConnection(drop(DropCause.SECURITY_PROFILE_CHANGED, 3), connection as unknown as StationConnection);
    expect(connection.closes).toEqual([]);
    expect(execution).toEqual({ outcome: { status: 'accepted', result: { closed: false, connectionSecurityProfile: 3 } } });
  });

  it('closes a connection below the raised minimum profile', () => {
    const connection = openConnection(1);
    dropConnection(drop(DropCause.SECURITY_PROFILE_CHANGED, 2), connection as unknown as StationConnection);
    expect(connection.closes).toEqual([[1012, 'security profile changed: reconnect on the new one']]);
  });

  it('does not close twice nor report a connection that is already closing', () => {
    const connection = openConnection(0);
    connection.isClosing = true;
    const execution = dropConnection(drop(DropCause.REGISTRATION_WITHDRAWN), connection as unknown as StationConnection);
    expect(connection.closes).toEqual([]);
    expect(execution.event).toBeUndefined();
    expect(execution.outcome.status).toBe('accepted');
  });
});
