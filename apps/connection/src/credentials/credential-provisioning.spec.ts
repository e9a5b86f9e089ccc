import { type AcceptanceCandidate, MAX_RETRY_MS, decideAcceptance, failureDetailOf, nextAttemptAfterFailure, provisioningPlan, stepSucceeded } from './credential-provisioning';

const pending: AcceptanceCandidate = { registrationStatus: 'pending', securityProfile: 0, hasPassword: false, autoRegistered: true, provisioning: undefined };

describe('decideAcceptance', () => {
  it('accepts a pending station and provisions it when it has no credentials', () => {
    expect(decideAcceptance(pending)).toEqual({ accept: true, provision: true });
    expect(decideAcceptance({ ...pending, autoRegistered: false })).toEqual({ accept: true, provision: true });
  });

  it('accepts a pending station with credentials of its own without touching them', () => {
    expect(decideAcceptance({ ...pending, securityProfile: 1, hasPassword: true })).toEqual({ accept: true, provision: false });
    expect(decideAcceptance({ ...pending, securityProfile: 3 })).toEqual({ accept: true, provision: false });
    expect(decideAcceptance({ ...pending, hasPassword: true })).toEqual({ accept: true, provision: false });
  });

  it('adopts a first-contact station that was accepted without credentials, once', () => {
    const firstContact = { ...pending, registrationStatus: 'accepted' as const };
    expect(decideAcceptance(firstContact)).toEqual({ accept: true, provision: true });
    expect(decideAcceptance({ ...firstContact, provisioning: 'failed' })).toMatchObject({ accept: false });
    expect(decideAcceptance({ ...firstContact, provisioning: 'provisioned' })).toMatchObject({ accept: false });
  });

  it('refuses an operator-registered accepted station and a rejected one', () => {
    expect(decideAcceptance({ ...pending, registrationStatus: 'accepted', autoRegistered: false })).toEqual({
      accept: false,
      reason: 'is accepted, not pending nor a first-contact station without credentials',
    });
    expect(decideAcceptance({ ...pending, registrationStatus: 'rejected' })).toMatchObject({ accept: false, reason: expect.stringContaining('rejected') });
  });
});

describe('provisioningPlan', () => {
  it('gives a 2.0.1 station its BasicAuthPassword and nothing else', () => {
    expect(provisioningPlan('ocpp2.0.1', 'abcdefghijklmnopqrstuvwxyz012345')).toEqual({
      password: { key: 'SecurityCtrlr/BasicAuthPassword', value: 'abcdefghijklmnopqrstuvwxyz012345', optional: false },
      followUps: [],
    });
  });

  it('gives a 1.6 station its AuthorizationKey in hexadecimal, then SecurityProfile 1', () => {
    const plan = provisioningPlan('ocpp1.6', 'ABCDEFGHIJKLMNOPQRS!');
    expect(plan.password).toEqual({ key: 'AuthorizationKey', value: Buffer.from('ABCDEFGHIJKLMNOPQRS!').toString('hex'), optional: false });
    expect(plan.followUps).toEqual([{ key: 'SecurityProfile', value: '1', optional: true }]);
  });
});

describe('stepSucceeded', () => {
  const password = { key: 'AuthorizationKey', value: '00', optional: false };
  const profile = { key: 'SecurityProfile', value: '1', optional: true };
  const notSupported = { status: 'rejected' as const, result: { status: 'Rejected', stationStatus: 'NotSupported', settings: [{ key: 'SecurityProfile', stationStatus: 'NotSupported' }] } };

  it('counts Accepted (and RebootRequired, which the command path reports as accepted) only', () => {
    expect(stepSucceeded(password, { status: 'accepted', result: { status: 'RebootRequired' } })).toBe(true);
    for (const status of ['rejected', 'call-error', 'timeout', 'not-connected', 'invalid'] as const) expect(stepSucceeded(password, { status })).toBe(false);
  });

  it('lets an optional setting be NotSupported, never Rejected, and never the password', () => {
    expect(stepSucceeded(profile, notSupported)).toBe(true);
    expect(stepSucceeded(profile, { status: 'rejected', result: { status: 'Rejected', settings: [{ key: 'SecurityProfile', stationStatus: 'NotSupported' }] } })).toBe(true);
    expect(stepSucceeded(profile, { status: 'rejected', result: { status: 'Rejected', stationStatus: 'Rejected' } })).toBe(false);
    expect(stepSucceeded(password, notSupported)).toBe(false);
  });

  it('describes a failure by setting and answer, never by value', () => {
    const secret = { key: 'SecurityCtrlr/BasicAuthPassword', value: 'super-secret-password-0001', optional: false };
    expect(failureDetailOf(secret, { status: 'call-error', errorCode: 'NotImplemented', errorDescription: 'nope' })).toBe('SecurityCtrlr/BasicAuthPassword: call-error (NotImplemented)');
    expect(failureDetailOf(secret, { status: 'rejected', result: { stationStatus: 'Rejected' } })).toBe('SecurityCtrlr/BasicAuthPassword: rejected (Rejected)');
    expect(failureDetailOf(secret, { status: 'timeout', errorDescription: 'no answer' })).not.toContain(secret.value);
  });
});

describe('nextAttemptAfterFailure', () => {
  const now = new Date('2026-01-01T00:00:00Z');
  const delay = (attempts: number) => nextAttemptAfterFailure(attempts, 30_000, now).getTime() - now.getTime();

  it('waits the retry delay after the first failure and doubles it after each further one', () => {
    expect([1, 2, 3, 4].map(delay)).toEqual([30_000, 60_000, 120_000, 240_000]);
  });

  it('never waits more than an hour', () => {
    expect(delay(30)).toBe(MAX_RETRY_MS);
    expect(delay(10_000)).toBe(MAX_RETRY_MS);
  });
});
