import { OcppErrorKind, WithholdResponse } from '@app/ocpp';
import pino from 'pino';
import type { CallContext } from '../gateway/call-handler.registry';
import type { RegistrationStatus } from './registration-status';
import { StationRegistrations } from './station-registrations';
import type { LastSeenWriter } from './last-seen.writer';
import type { StationRepository } from './station.repository';

const context: CallContext = { stationId: 'CP-1', protocol: 'ocpp2.0.1', securityProfile: 1, logger: pino({ level: 'silent' }) };

function registrations(registration: RegistrationStatus | undefined | Error) {
  const store = {
    findRegistration: jest.fn(async () => {
      if (registration instanceof Error) throw registration;
      return registration;
    }),
  };
  const lastSeen = { seen: jest.fn() };
  return { gate: new StationRegistrations(store as unknown as StationRepository, lastSeen as unknown as LastSeenWriter), store, lastSeen };
}

describe('StationRegistrations (the registration gate)', () => {
  it('admits every CALL of an accepted station, reading its registration once', async () => {
    const { gate, store } = registrations('accepted');
    await expect(gate.admit(context, 'Heartbeat')).resolves.toBeUndefined();
    await expect(gate.admit(context, 'TransactionEvent')).resolves.toBeUndefined();
    expect(store.findRegistration).toHaveBeenCalledTimes(1);
  });

  it('refuses a pending station’s CALLs other than BootNotification with SecurityError', async () => {
    const { gate } = registrations('pending');
    await expect(gate.admit(context, 'BootNotification')).resolves.toBeUndefined();
    const refusal = await gate.admit(context, 'StatusNotification');
    expect(refusal?.kind).toBe(OcppErrorKind.SecurityError);
  });

  it('admits BootNotification without reading anything: the boot handler reads and records the registration', async () => {
    const { gate, store, lastSeen } = registrations(new Error('database unavailable'));
    await expect(gate.admit(context, 'BootNotification')).resolves.toBeUndefined();
    expect(store.findRegistration).not.toHaveBeenCalled();
    expect(lastSeen.seen).not.toHaveBeenCalled();
  });

  it('treats a station that is no longer registered as rejected', async () => {
    const { gate } = registrations(undefined);
    expect((await gate.admit(context, 'Heartbeat'))?.kind).toBe(OcppErrorKind.SecurityError);
  });

  it('uses what a BootNotification found at once', async () => {
    const { gate, store } = registrations('pending');
    gate.remember('CP-1', 'accepted');
    await expect(gate.admit(context, 'StatusNotification')).resolves.toBeUndefined();
    expect(store.findRegistration).not.toHaveBeenCalled();
  });

  it('admits one triggered message from a pending station', async () => {
    const { gate } = registrations('pending');
    gate.expectTriggered('CP-1', 'StatusNotification');
    await expect(gate.admit(context, 'StatusNotification')).resolves.toBeUndefined();
    expect((await gate.admit(context, 'StatusNotification'))?.kind).toBe(OcppErrorKind.SecurityError);
  });

  it('admits a triggered message only within a minute', async () => {
    const { gate } = registrations('pending');
    gate.expectTriggered('CP-1', 'StatusNotification', Date.now() - 60_001);
    expect((await gate.admit(context, 'StatusNotification'))?.kind).toBe(OcppErrorKind.SecurityError);
  });

  it('forgets the expectations of stations that never sent the triggered message', () => {
    const { gate } = registrations('pending');
    const start = Date.now();
    for (let station = 0; station < 100; station += 1) gate.expectTriggered(`CP-${station}`, 'StatusNotification', start);
    expect(gate.expectedTriggerCount()).toBe(100);
    gate.expectTriggered('CP-late', 'Heartbeat', start + 60_001);
    expect(gate.expectedTriggerCount()).toBe(1);
  });

  it('withholds the answer when the registration cannot be read and none is known', async () => {
    const { gate } = registrations(new Error('database unavailable'));
    await expect(gate.admit(context, 'MeterValues')).rejects.toBeInstanceOf(WithholdResponse);
  });

  it('records when the station was last seen, at most once a minute', async () => {
    const { gate, lastSeen } = registrations('accepted');
    await gate.admit(context, 'Heartbeat');
    await gate.admit(context, 'Heartbeat');
    expect(lastSeen.seen).toHaveBeenCalledTimes(1);
    expect(lastSeen.seen).toHaveBeenCalledWith('CP-1', expect.any(Date));
  });
});
