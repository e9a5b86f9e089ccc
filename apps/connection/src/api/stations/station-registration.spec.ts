import { decideRegistration } from './station-registration';
import { registerStationBody } from './station.schemas';

const PASSWORD = 'station-password-0123';

describe('decideRegistration', () => {
  it('registers a new station on profile 1, accepted, when given a password', () => {
    expect(decideRegistration('CP-1', undefined, { password: PASSWORD })).toEqual({
      ok: true,
      value: { securityProfile: 1, password: PASSWORD, serialNumber: null, registrationStatus: undefined },
    });
  });

  it('keeps what an update leaves out, and keeps the stored password', () => {
    const current = { securityProfile: 2, hasPassword: true, serialNumber: 'SN-1', registrationStatus: 'accepted' as const };
    expect(decideRegistration('CP-1', current, { registrationStatus: 'pending' })).toEqual({
      ok: true,
      value: { securityProfile: 2, password: undefined, serialNumber: 'SN-1', registrationStatus: 'pending' },
    });
  });

  it.each([
    [undefined, { securityProfile: 1 }, 'body.password'],
    [{ securityProfile: 0, hasPassword: false, serialNumber: null, registrationStatus: 'accepted' as const }, { securityProfile: 2 }, 'body.password'],
    [undefined, { securityProfile: 3 }, 'body.serialNumber'],
    [{ securityProfile: 3, hasPassword: false, serialNumber: 'SN-1', registrationStatus: 'accepted' as const }, { serialNumber: null }, 'body.serialNumber'],
  ])('refuses a registration the station could not connect with (%j + %j)', (current, body, field) => {
    const decision = decideRegistration('CP-1', current, body);
    expect(decision).toMatchObject({ ok: false, error: { code: 'credentials-missing', details: { field } } });
  });

  it('counts a password to generate as the password profiles 1 and 2 need', () => {
    expect(decideRegistration('CP-1', undefined, { securityProfile: 2, generatePassword: 'ocpp2.0.1' })).toMatchObject({
      ok: true,
      value: { securityProfile: 2, password: undefined, generatePassword: 'ocpp2.0.1' },
    });
  });

  it('refuses a body with both a password and a password to generate', () => {
    const parsed = registerStationBody.safeParse({ password: PASSWORD, generatePassword: 'ocpp1.6' });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues).toEqual([expect.objectContaining({ path: ['generatePassword'], message: 'give password or generatePassword, not both' })]);
    expect(registerStationBody.safeParse({ generatePassword: 'ocpp3' }).success).toBe(false);
  });

  it('allows profile 0 without credentials and profile 3 with a serial number', () => {
    expect(decideRegistration('CP-1', undefined, { securityProfile: 0 }).ok).toBe(true);
    expect(decideRegistration('CP-1', undefined, { securityProfile: 3, serialNumber: 'SN-9' }).ok).toBe(true);
  });
});
