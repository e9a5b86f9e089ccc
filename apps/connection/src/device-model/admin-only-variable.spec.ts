import { needsAdminToSet } from './admin-only-variable';

describe('needsAdminToSet', () => {
  it.each([
    ['SecurityCtrlr', 'BasicAuthPassword'],
    ['SecurityCtrlr', 'SecurityProfile'],
    ['SecurityCtrlr', 'OrganizationName'],
    ['OCPPCommCtrlr', 'NetworkConfigurationPriority'],
    ['OCPPCommCtrlr', 'NetworkProfileConnectionAttempts'],
    [undefined, 'AuthorizationKey'],
    [undefined, 'SecurityProfile'],
    [undefined, 'CpoName'],
  ])('%s %s: only an admin', (component, variable) => {
    expect(needsAdminToSet(component, variable)).toBe(true);
  });

  it.each([
    ['OCPPCommCtrlr', 'HeartbeatInterval'],
    ['SampledDataCtrlr', 'TxUpdatedInterval'],
    ['AuthCtrlr', 'LocalAuthorizeOffline'],
    [undefined, 'MeterValueSampleInterval'],
  ])('%s %s: an operator too', (component, variable) => {
    expect(needsAdminToSet(component, variable)).toBe(false);
  });
});
