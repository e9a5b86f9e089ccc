import { DropCause } from '@app/contracts';
import { connectionDropAfter } from './registration-change';

const accepted1 = { securityProfile: 1, registrationStatus: 'accepted' as const };

describe('connectionDropAfter', () => {
  it('drops nothing for a new station or a change that leaves credentials, profile and registration alone', () => {
    expect(connectionDropAfter(undefined, accepted1, true)).toBeUndefined();
    expect(connectionDropAfter(accepted1, accepted1, false)).toBeUndefined();
  });

  it('drops every connection of a station whose password changed', () => {
    expect(connectionDropAfter(accepted1, accepted1, true)).toEqual({ cause: DropCause.CREDENTIALS_CHANGED, keepFromProfile: 0 });
  });

  it('drops a station that is rejected, or set back from accepted to pending, before anything else', () => {
    const withdrawn = { cause: DropCause.REGISTRATION_WITHDRAWN, keepFromProfile: 0 };
    expect(connectionDropAfter(accepted1, { ...accepted1, registrationStatus: 'rejected' }, true)).toEqual(withdrawn);
    expect(connectionDropAfter({ ...accepted1, registrationStatus: 'pending' }, { ...accepted1, registrationStatus: 'rejected' }, false)).toEqual(withdrawn);
    expect(connectionDropAfter(accepted1, { ...accepted1, registrationStatus: 'pending' }, false)).toEqual(withdrawn);
    expect(connectionDropAfter({ ...accepted1, registrationStatus: 'rejected' }, { ...accepted1, registrationStatus: 'rejected' }, false)).toBeUndefined();
    expect(connectionDropAfter({ ...accepted1, registrationStatus: 'pending' }, accepted1, false)).toBeUndefined();
  });

  it('drops only connections below a raised minimum profile, and nothing for a lowered one', () => {
    expect(connectionDropAfter(accepted1, { ...accepted1, securityProfile: 2 }, false)).toEqual({ cause: DropCause.SECURITY_PROFILE_CHANGED, keepFromProfile: 2 });
    expect(connectionDropAfter({ ...accepted1, securityProfile: 3 }, { ...accepted1, securityProfile: 0 }, false)).toBeUndefined();
  });
});
